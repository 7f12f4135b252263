package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.jdbc.JdbcStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The timed harness shared by the PostgreSQL throughput runs ({@link SpendThroughput},
 * {@link RegistrationThroughput}): threads repeat one operation for a fixed time through a
 * {@link FixedPool}, and a phase reports operations per second, statements and commits counted
 * at the pool, and this JVM's CPU time per operation (and the server's, when it runs on this machine). Not JMH:
 * what is measured is round trips.
 */
final class TimedPhases {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TimedPhases() {
    }

    /** One operation of thread {@code thread}, numbered {@code n} (unique across the whole run). */
    @FunctionalInterface
    interface Operation {
        void run(int thread, long n) throws Exception;
    }

    /** A measured phase: operations done, seconds taken, statements and commits counted, client and server CPU. */
    record Phase(String name, String unit, long ops, double seconds, long statements, long commits, double cpuMillis,
            double serverCpuMillis) {
        double perSecond() {
            return ops / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s %8.1f %s/s  (%d in %.1f s; %.2f statements, %.2f commits, "
                    + "%.3f ms of this JVM's CPU per operation%s)", name, perSecond(), unit, ops, seconds,
                    (double) statements / ops, (double) commits / ops, cpuMillis / ops, serverCpuMillis < 0 ? ""
                            : String.format(Locale.ROOT, ", %.3f ms of the server's", serverCpuMillis / ops));
        }
    }

    /** The command line of a throughput run: URL, threads, warm-up seconds, measured seconds, rounds. */
    record Settings(String url, int threads, int warmup, int seconds, int rounds) {
        static Settings parse(String[] args) {
            return new Settings(args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                    args.length > 1 ? Integer.parseInt(args[1]) : 4, args.length > 2 ? Integer.parseInt(args[2]) : 5,
                    args.length > 3 ? Integer.parseInt(args[3]) : 15, args.length > 4 ? Integer.parseInt(args[4]) : 3);
        }
    }

    /** Work given the run's pool, in a schema of its own. */
    @FunctionalInterface
    interface InSchema {
        void run(FixedPool pool) throws Exception;
    }

    /**
     * Runs {@code work} with a pool of {@code threads + 1} connections whose search path is a new
     * schema, dropped at the end whatever happens.
     *
     * @throws Exception what the work or the database throws
     */
    static void inOwnSchema(Settings settings, InSchema work) throws Exception {
        String schema = "bench_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(settings.url());
                java.sql.Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (FixedPool pool = new FixedPool(settings.url(), settings.threads() + 1, "SET search_path TO " + schema)) {
            work.run(pool);
        } finally {
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(settings.url());
                    java.sql.Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** {@return the one-minute load average of the machine, as text} */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Runs {@code op} on {@code threads} threads for {@code seconds}.
     *
     * @throws Exception the first failure of an operation, after every thread stopped
     */
    static Phase run(String name, String unit, FixedPool pool, int threads, int seconds, Operation op)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        op.run(thread, SEQUENCE.incrementAndGet());
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            w.start();
            workers.add(w);
        }
        long statements = pool.statements.get();
        long commits = pool.commits.get();
        long cpu = cpuNanos();
        long serverCpu = pool.serverCpuNanos();
        java.util.Map<Long, FixedPool.StatementTotals> statementsBefore = pool.statementTotals();
        long began = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double took = (System.nanoTime() - began) / 1e9;
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!statementsBefore.isEmpty() && !name.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "  %s, the server's most costly statements, per call (pg_stat_statements):%n", name);
            FixedPool.statementStats(statementsBefore, pool.statementTotals(), 8)
                    .forEach(line -> System.out.println("    " + line));
        }
        return new Phase(name, unit, done.get(), took, pool.statements.get() - statements,
                pool.commits.get() - commits, (cpuNanos() - cpu) / 1e6,
                serverCpu < 0 ? -1 : (pool.serverCpuNanos() - serverCpu) / 1e6);
    }

    /** CPU time this JVM has used (all threads): the client's cost of an operation, whatever the machine's load. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Alternates warmed SDK and baseline phases for {@code rounds} rounds and prints each with the
     * ratio of the SDK to the baseline.
     *
     * @throws Exception if an operation fails
     */
    static void compare(String unit, FixedPool pool, Settings settings, Operation sdk, Operation baseline)
            throws Exception {
        int threads = settings.threads();
        int warmup = settings.warmup();
        int seconds = settings.seconds();
        int rounds = settings.rounds();
        System.out.printf(Locale.ROOT, "%d threads, %d s warm-up, %d s measured, %d rounds; load %s%n", threads, warmup,
                seconds, rounds, loadAverage());
        List<String> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            run("warm-up", unit, pool, threads, warmup, sdk);
            Phase s = run("sdk", unit, pool, threads, seconds, sdk);
            run("warm-up", unit, pool, threads, warmup, baseline);
            Phase p = run("baseline", unit, pool, threads, seconds, baseline);
            double ratio = s.perSecond() / p.perSecond();
            ratios.add(String.format(Locale.ROOT, "%.2f", ratio));
            System.out.printf(Locale.ROOT, "round %d%n  %s%n  %s%n  sdk/baseline %.2f; load %s%n", round, s, p, ratio,
                    loadAverage());
        }
        System.out.printf(Locale.ROOT, "sdk/baseline by round: %s%n", ratios);
    }

    /**
     * The SDK on the pool's schema, migrated, its clock fixed at the start of the run, and a GP of
     * practice A81001 acting for direct care: what every service harness starts from.
     */
    record Sdk(PersonalCare care, AccessContext gp, LocalDate today) {
        static final ZoneId LONDON = ZoneId.of("Europe/London");
        static final OdsCode PRACTICE = OdsCode.of("A81001");

        static Sdk on(FixedPool pool) {
            JdbcStorage storage = JdbcStorage.postgres(pool);
            storage.migrate();
            Instant now = Instant.now();
            PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(now, LONDON)).build();
            AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
                    ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);
            return new Sdk(care, gp, LocalDate.ofInstant(now, LONDON));
        }
    }
}
