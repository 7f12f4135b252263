package io.github.personalcare.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.jdbc.JdbcStorage;
import io.github.personalcare.record.ImportReport;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordImportService;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.UnitOfWork;
import io.github.personalcare.testkit.SyntheticRecords;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resources per second into PostgreSQL through the bulk path ({@code care.imports().importAll}),
 * beside the same path held to one record per transaction ("sdk 1/tx": the storage seen only
 * through {@code inTransaction}, as before chunks) and two plain-JDBC imports of the same records in the same run, with no checks: one JSON row
 * per item (patient, team, plan, budget, ledger entries, referral, consent, the source's audit
 * records) and one audit row per record, batch-inserted, in one transaction per record
 * ("baseline") and in one transaction per {@link RecordImportService#CHUNK} records ("chunked", as
 * the SDK commits). All run with the same threads, each thread importing its own share of the
 * records, through the same fixed pool, with pgjdbc's {@code reWriteBatchedInserts=true} added to
 * the URL when it is not there.
 * A timed harness, not JMH: what is measured is the database round trips. Issue 13's target: at
 * least 10,000 resources per second on 2 cores (published anchors: fhirbase's loader about 3,500/s,
 * HAPI FHIR's JPA server about 190/s).
 *
 * <pre>
 * java -cp ... io.github.personalcare.benchmarks.BulkImportThroughput [jdbcUrl] [threads] [records] [rounds]
 * </pre>
 * Default URL {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; each round works in a
 * schema of its own, dropped at the end. With {@code -Dbench.statementTimes=true} it prints, after
 * the SDK's phase, the time its statements took at the driver, summed by statement.
 */
public final class BulkImportThroughput {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final AccessContext MIGRATION = AccessContext.of(Actor.system("bench-migration"), Purpose.MIGRATION);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkImportThroughput() {
    }

    /** A measured phase: records and resources stored, seconds taken, statements and commits counted. */
    record Phase(String name, long records, long resources, double seconds, long statements, long commits) {
        double resourcesPerSecond() {
            return resources / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s %8.0f resources/s %6.0f records/s (%d records, %d resources in "
                    + "%.1f s; %.2f statements, %.3f commits per record)", name, resourcesPerSecond(), records / seconds,
                    records, resources, seconds, (double) statements / records, (double) commits / records);
        }
    }

    /**
     * Runs the comparison.
     *
     * @param args URL, threads, records per round, rounds
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        String url = withBatchedInserts(args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf(Locale.ROOT, "%d threads, %d records a round, %d rounds; reWriteBatchedInserts=true; load %s%n",
                threads, count, rounds, loadAverage());
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // fresh records each round (new ids), generated before the clock starts
            List<PatientRecord> records = new SyntheticRecords(round, AT).records(count);
            long resources = records.stream().mapToLong(BulkImportThroughput::resources).sum();
            FixedPool.TIMES.clear();
            Phase sdk = inSchema(url, threads, pool -> sdk(pool, threads, records, resources));
            if (Boolean.getBoolean("bench.statementTimes")) {
                // where the SDK's time goes, summed over its threads, by the start of each statement's SQL
                FixedPool.TIMES.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                        .limit(20).forEach(e -> System.out.printf(Locale.ROOT, "   %8.0f ms  %s%n",
                                e.getValue().get() / 1e6, e.getKey()));
            }
            List<PatientRecord> others = new SyntheticRecords(1_000 + round, AT).records(count);
            Phase oneByOne = inSchema(url, threads, pool -> sdkOneRecordPerTransaction(pool, threads, others));
            Phase plain = inSchema(url, threads, pool -> plain(pool, threads, records, resources, 1));
            Phase chunked = inSchema(url, threads, pool -> plain(pool, threads, records, resources,
                    RecordImportService.CHUNK));
            ratios.add(sdk.resourcesPerSecond() / plain.resourcesPerSecond());
            System.out.printf(Locale.ROOT, "round %d%n  %s%n  %s%n  %s%n  %s%n  sdk/baseline %.2f, sdk/chunked baseline %.2f; "
                    + "load %s%n", round, sdk, oneByOne, plain, chunked, sdk.resourcesPerSecond() / plain.resourcesPerSecond(),
                    sdk.resourcesPerSecond() / chunked.resourcesPerSecond(), loadAverage());
        }
        System.out.printf(Locale.ROOT, "sdk/baseline by round: %s%n", ratios.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    }

    @FunctionalInterface
    interface Measured {
        Phase run(FixedPool pool) throws Exception;
    }

    private static Phase inSchema(String url, int threads, Measured measured) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = java.sql.DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (FixedPool pool = new FixedPool(url, threads + 1, "SET search_path TO " + schema)) {
            return measured.run(pool);
        } finally {
            try (Connection admin = java.sql.DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static long resources(PatientRecord r) {
        return 1L + r.careTeams().size() + r.carePlans().size() + r.budgets().size() + r.ledger().size()
                + r.referrals().size() + r.consents().size() + r.audit().size();
    }

    private static Phase sdk(FixedPool pool, int threads, List<PatientRecord> records, long resources) throws Exception {
        JdbcStorage storage = JdbcStorage.postgres(pool);
        storage.migrate();
        PersonalCare care = PersonalCare.builder().storage(storage).build();
        return timed("sdk", pool, threads, records, resources, share -> {
            ImportReport report = care.imports().importAll(MIGRATION, "bench", share, p -> { });
            if (report.totals().imported() != share.size()) {
                throw new IllegalStateException("the SDK refused " + report.totals().refused() + " records");
            }
        });
    }

    /**
     * The SDK as it imported before chunks (and as it still does on a store that writes one patient per
     * transaction): the storage seen only through {@code inTransaction}, so every record is imported
     * in a transaction of its own. Other records than the measured round's (the same shape), so that
     * nothing collides.
     */
    private static Phase sdkOneRecordPerTransaction(FixedPool pool, int threads, List<PatientRecord> records)
            throws Exception {
        JdbcStorage storage = JdbcStorage.postgres(pool);
        storage.migrate();
        Storage onePatient = new Storage() {
            @Override
            public <R> R inTransaction(UnitOfWork<R> work) {
                return storage.inTransaction(work);
            }
        };
        PersonalCare care = PersonalCare.builder().storage(onePatient).build();
        long stored = records.stream().mapToLong(BulkImportThroughput::resources).sum();
        return timed("sdk 1/tx", pool, threads, records, stored, share -> {
            ImportReport report = care.imports().importAll(MIGRATION, "bench", share, r -> { });
            if (report.totals().imported() != share.size()) {
                throw new IllegalStateException("the SDK refused " + report.totals().refused() + " records");
            }
        });
    }

    /** The URL with pgjdbc's {@code reWriteBatchedInserts=true} (docs/storage.md recommends it), for both sides. */
    static String withBatchedInserts(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /**
     * The check-free import: {@code perTransaction} records a transaction, each record's items
     * (one JSON row each) and one audit row a record sent as two JDBC batches per transaction.
     */
    private static Phase plain(FixedPool pool, int threads, List<PatientRecord> records, long resources,
            int perTransaction) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE resource (id uuid PRIMARY KEY, patient_id uuid NOT NULL, kind text NOT NULL, "
                    + "doc jsonb NOT NULL)");
            s.execute("CREATE INDEX resource_patient_idx ON resource (patient_id)");
            s.execute("CREATE TABLE audit (id uuid PRIMARY KEY, patient_id uuid NOT NULL, action text NOT NULL)");
        }
        return timed(perTransaction == 1 ? "baseline" : "chunked", pool, threads, records, resources, share -> {
            for (int from = 0; from < share.size(); from += perTransaction) {
                List<PatientRecord> chunk = share.subList(from, Math.min(share.size(), from + perTransaction));
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO resource (id, patient_id, kind, doc) VALUES (?, ?, ?, ?::jsonb)");
                         PreparedStatement audit = c.prepareStatement(
                                 "INSERT INTO audit (id, patient_id, action) VALUES (?, ?, 'import')")) {
                        for (PatientRecord r : chunk) {
                            UUID patient = r.patient().id().value();
                            List<Object> items = new ArrayList<>();
                            items.add(r.patient());
                            items.addAll(r.careTeams());
                            items.addAll(r.carePlans());
                            items.addAll(r.budgets());
                            items.addAll(r.ledger());
                            items.addAll(r.referrals());
                            items.addAll(r.consents());
                            items.addAll(r.audit());
                            for (Object item : items) {
                                insert.setObject(1, UUID.randomUUID());
                                insert.setObject(2, patient);
                                insert.setString(3, item.getClass().getSimpleName());
                                insert.setString(4, JSON.writeValueAsString(Map.of("text", String.valueOf(item))));
                                insert.addBatch();
                            }
                            audit.setObject(1, UUID.randomUUID());
                            audit.setObject(2, patient);
                            audit.addBatch();
                        }
                        insert.executeBatch();
                        audit.executeBatch();
                    }
                    c.commit();
                }
            }
        });
    }

    @FunctionalInterface
    interface Work {
        void run(List<PatientRecord> share) throws Exception;
    }

    private static Phase timed(String name, FixedPool pool, int threads, List<PatientRecord> records, long resources,
            Work work) throws Exception {
        long statements = pool.statements.get();
        long commits = pool.commits.get();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = records.size() * t / threads;
                int to = records.size() * (t + 1) / threads;
                List<PatientRecord> share = records.subList(from, to);
                done.add(executor.submit(() -> {
                    work.run(share);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            executor.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(name, records.size(), resources, seconds, pool.statements.get() - statements,
                pool.commits.get() - commits);
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
