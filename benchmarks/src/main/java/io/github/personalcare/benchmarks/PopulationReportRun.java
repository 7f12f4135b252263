package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.jdbc.Dialect;
import io.github.personalcare.jdbc.JdbcStorage;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.report.RttStandard;
import io.github.personalcare.testkit.Referrals;
import io.github.personalcare.testkit.SyntheticPopulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A timed harness (not JMH: the population takes minutes to build, once) for the population reports
 * on PostgreSQL: fills a schema of its own with a {@link SyntheticPopulation} through the storage
 * SPI (kept for later runs of the same size), vacuums and analyses it, then times each report as a planning commissioner asks
 * it, beside its baseline in the same run: {@code SELECT COUNT(*) FROM patient}, one pass over the
 * population, the least any population report can cost. Prints the median of five runs after one
 * warm-up, and the heap in use after each report (after a GC), which stays flat when nothing is
 * loaded per patient.
 *
 * <pre>
 * mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java \
 *   -Dexec.args="-Xmx512m -cp %classpath io.github.personalcare.benchmarks.PopulationReportRun --patients 100000"
 * </pre>
 *
 * Arguments: {@code --patients N} (default 100000, the quick mode; 1000000 for the target),
 * {@code --jdbc-url URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}),
 * {@code --threads T} writer threads while filling (default 4).
 */
public final class PopulationReportRun {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);
    private static final long SEED = 13L;
    private static final int RUNS = 5;

    private PopulationReportRun() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws SQLException if the database fails
     */
    public static void main(String[] args) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int patients = Integer.parseInt(options.getOrDefault("--patients", "100000"));
        String url = options.getOrDefault("--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        int threads = Integer.parseInt(options.getOrDefault("--threads", "4"));
        String schema = "bench_reports_" + patients;

        var admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setURL(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        var pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        pg.setLogServerErrorDetail(false);
        // Synthetic data: the load need not wait for each commit's flush to disk.
        pg.setOptions("-c synchronous_commit=off");
        var pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(pg);
        pool.setMaximumPoolSize(threads + 1);
        var ds = new com.zaxxer.hikari.HikariDataSource(pool);
        JdbcStorage storage = JdbcStorage.builder(ds).dialect(Dialect.POSTGRESQL).build();
        storage.migrate();

        long stored = count(ds, "SELECT COUNT(*) FROM patient");
        if (stored != patients) {
            if (stored != 0) {
                throw new IllegalStateException("schema " + schema + " holds " + stored + " patients: drop it first");
            }
            long start = System.nanoTime();
            long written = new SyntheticPopulation(SEED, patients, TODAY).writeTo(storage, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("filled %s: %d patients, %d records in %.0f s (%.0f patients/s, %d threads)%n", schema,
                    patients, written, seconds, patients / seconds, threads);
        } else {
            System.out.printf("reusing %s: %d patients%n", schema, patients);
        }
        // What autovacuum does after a load: statistics, and the visibility map for index-only scans.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }

        PersonalCare care = PersonalCare.builder().storage(storage)
                .clock(Clock.fixed(TODAY.atTime(LocalTime.NOON).atZone(RttClock.UK).toInstant(), RttClock.UK))
                .build();
        AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("ICB-1"),
                ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING);
        Map<String, Supplier<Object>> reports = new LinkedHashMap<>();
        reports.put("baseline: SELECT COUNT(*) FROM patient", () -> count(ds, "SELECT COUNT(*) FROM patient"));
        reports.put("carePlanCoverage", () -> care.reports().carePlanCoverage(commissioner, TODAY));
        reports.put("rtt (all providers)", () -> care.reports().rtt(commissioner, TODAY, RttStandard.NATIONAL));
        reports.put("rtt (one provider)", () -> care.reports().rtt(commissioner, TODAY, Referrals.LEEDS.provider(),
                RttStandard.NATIONAL));
        reports.put("activeBudgets", () -> care.reports().activeBudgets(commissioner));
        reports.put("baseline: SELECT COUNT(*) FROM budget_ledger_entry",
                () -> count(ds, "SELECT COUNT(*) FROM budget_ledger_entry"));
        reports.put("spendByCategory (one year)", () -> care.reports().spendByCategory(commissioner,
                TODAY.minusYears(1), TODAY.plusDays(1)));
        System.out.printf("%-50s %12s %16s%n", "report", "median ms", "heap after, MB");
        for (Map.Entry<String, Supplier<Object>> r : reports.entrySet()) {
            r.getValue().get();
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                r.getValue().get();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf("%-50s %12.1f %16d%n", r.getKey(), ms[RUNS / 2], heap);
        }
        care.close();
        ds.close();
    }

    private static long count(javax.sql.DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting failed", e);
        }
    }
}
