package io.github.personalcare.benchmarks;

import java.io.PrintStream;

/**
 * The quick mode of issue 13's PostgreSQL harnesses, one after the other in one JVM, each beside
 * its baseline as in its full run but briefly: spends (2 s warm-up, 5 s measured, one round),
 * registrations with an agreed plan (the same), the bulk path in (600 records, one round) and every
 * population report over 10,000 generated patients (filled once into {@code bench_reports_10000} and
 * kept). A smoke check of the shapes and ratios in a few minutes, not the figures of record (those
 * are the full runs in docs/performance.md). Run:
 * {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-Xmx512m -cp %classpath io.github.personalcare.benchmarks.QuickSuite jdbc:postgresql://127.0.0.1:5432/test?user=postgres"}.
 */
public final class QuickSuite {
    private QuickSuite() {
    }

    /** A harness run by the suite. */
    @FunctionalInterface
    private interface Harness {
        void run() throws Exception;
    }

    /**
     * Runs the suite.
     *
     * @param args the PostgreSQL JDBC URL (default: the local test database)
     * @throws Exception if a harness fails
     */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        PrintStream out = System.out;
        long start = System.nanoTime();
        timed(out, "spends", () -> SpendThroughput.main(new String[] {url, "4", "2", "5", "1"}));
        timed(out, "registrations with an agreed plan",
                () -> RegistrationThroughput.main(new String[] {url, "4", "2", "5", "1"}));
        timed(out, "bulk import", () -> BulkImportThroughput.main(new String[] {url, "4", "600", "1"}));
        timed(out, "population reports",
                () -> PopulationReportRun.main(new String[] {"--jdbc-url", url, "--patients", "10000"}));
        out.printf("quick suite: %.0f s in all%n", (System.nanoTime() - start) / 1e9);
    }

    private static void timed(PrintStream out, String name, Harness harness) throws Exception {
        out.println("== " + name);
        long start = System.nanoTime();
        harness.run();
        out.printf("== %s: %.0f s%n", name, (System.nanoTime() - start) / 1e9);
    }
}
