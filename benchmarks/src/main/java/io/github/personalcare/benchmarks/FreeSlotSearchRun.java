package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentStores;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.appointment.NewSlot;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.ScheduleId;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.jdbc.Dialect;
import io.github.personalcare.jdbc.JdbcStorage;
import io.github.personalcare.referral.ServiceId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A timed harness (not JMH, like {@link PopulationReportRun}) for the free-slot search on
 * PostgreSQL (issue 20): fills a schema of its own, {@code bench_slots_<N>}, with N slots of 20
 * services over 20 weeks in time order (every other one booked), through the storage SPI, runs
 * {@code VACUUM ANALYZE}, prints the plan of the search, then times
 * {@code care.appointments().freeSlots(service, today, today + 4 weeks)} beside its baseline in the
 * same run: the same query by hand in plain JDBC ({@code SELECT version, doc ...}, documents not
 * parsed), with an empty storage transaction and the store's query through the SPI between them, to
 * show where the time goes. Median of 21 runs after 5 warm-ups.
 *
 * <pre>
 * mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath io.github.personalcare.benchmarks.FreeSlotSearchRun --slots 10000"
 * </pre>
 *
 * Arguments: {@code --slots N} (default 10000, the target), {@code --jdbc-url URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public final class FreeSlotSearchRun {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final int SERVICES = 20;
    private static final int WARM_UPS = 5;
    private static final int RUNS = 21;

    private FreeSlotSearchRun() {
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
        int slots = Integer.parseInt(options.getOrDefault("--slots", "10000"));
        String url = options.getOrDefault("--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "bench_slots_" + slots;

        var admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setURL(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        var pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        pg.setLogServerErrorDetail(false);
        var pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(pg);
        pool.setMaximumPoolSize(2);
        var ds = new com.zaxxer.hikari.HikariDataSource(pool);
        JdbcStorage storage = JdbcStorage.builder(ds).dialect(Dialect.POSTGRESQL).build();
        storage.migrate();

        long stored = count(ds);
        if (stored != slots) {
            if (stored != 0) {
                throw new IllegalStateException("schema " + schema + " holds " + stored + " slots: drop it first");
            }
            fill(storage, slots);
            System.out.printf("filled %s: %d slots of %d services%n", schema, slots, SERVICES);
        } else {
            System.out.printf("reusing %s: %d slots%n", schema, slots);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE appointment_slot");
        }

        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, Slot.UK)).build();
        ServiceId service = ServiceId.of("SVC-7");
        long from = TODAY.atStartOfDay(Slot.UK).toEpochSecond();
        long to = TODAY.plusWeeks(4).plusDays(1).atStartOfDay(Slot.UK).toEpochSecond();
        String sql = "SELECT t.version, t.doc FROM appointment_slot t WHERE 1 = 1 AND t.service = ? AND t.bookable = ?"
                + " AND t.starts_at >= ? AND t.starts_at < ?";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            bind(ps, service, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("plan: " + rs.getString(1));
                }
            }
        }
        Map<String, IntSupplier> searches = new LinkedHashMap<>();
        searches.put("baseline: the same SELECT in plain JDBC", () -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, service, from, to);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        n++;
                    }
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException("baseline failed", e);
            }
        });
        searches.put("an empty storage transaction (no query)", () -> storage.inTransaction(tx -> 0));
        var query = io.github.personalcare.appointment.AppointmentService.freeSlotQuery(service,
                TODAY.atStartOfDay(Slot.UK).toInstant(), TODAY.plusWeeks(4).plusDays(1).atStartOfDay(Slot.UK).toInstant());
        searches.put("the store's query (SPI, documents parsed)", () -> storage.inTransaction(tx ->
                tx.aggregates(AppointmentStores.SLOTS).query(query)).size());
        searches.put("care.appointments().freeSlots (4 weeks)", () -> care.appointments().freeSlots(service, TODAY,
                TODAY.plusWeeks(4)).size());
        System.out.printf("%-45s %10s %12s%n", "search", "slots", "median ms");
        for (Map.Entry<String, IntSupplier> s : searches.entrySet()) {
            int found = 0;
            for (int i = 0; i < WARM_UPS; i++) {
                found = s.getValue().getAsInt();
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                s.getValue().getAsInt();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-45s %10d %12.2f%n", s.getKey(), found, ms[RUNS / 2]);
        }
        care.close();
        ds.close();
    }

    private static void fill(JdbcStorage storage, int slots) {
        List<Schedule> schedules = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            schedules.add(new Schedule(ScheduleId.random(), ServiceId.of("SVC-" + s), OdsCode.of("RR8"), "Clinic " + s,
                    T0));
        }
        int perService = slots / SERVICES;
        Duration step = Duration.ofDays(140).dividedBy(perService);
        List<Slot> all = new ArrayList<>(slots);
        for (int i = 0; i < perService; i++) {
            Instant start = T0.plus(Duration.ofHours(1)).plus(step.multipliedBy(i));
            for (Schedule schedule : schedules) {
                Slot slot = Slot.publish(SlotId.random(), schedule, new NewSlot(start, start.plus(Duration.ofMinutes(10)),
                        AppointmentType.ROUTINE, AppointmentMode.inPerson("Clinic room 2"), ProfessionalRole.NURSE));
                all.add(i % 2 == 0 ? slot : slot.takenBy(AppointmentId.random()));
            }
        }
        for (int from = 0; from < all.size(); from += 1_000) {
            List<Slot> batch = all.subList(from, Math.min(all.size(), from + 1_000));
            storage.inTransaction(tx -> {
                tx.aggregates(AppointmentStores.SLOTS).insertAll(batch);
                return null;
            });
        }
    }

    private static void bind(PreparedStatement ps, ServiceId service, long from, long to) throws SQLException {
        ps.setString(1, service.value());
        ps.setBoolean(2, true);
        ps.setLong(3, from);
        ps.setLong(4, to);
    }

    private static long count(javax.sql.DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM appointment_slot")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting failed", e);
        }
    }
}
