/**
 * JMH benchmarks of the SDK (not published); figures are in {@code docs/performance.md}. JMH runs
 * them from the class path ({@code -cp %classpath org.openjdk.jmh.Main}, and its forked JVMs
 * inherit that class path), so this descriptor states the dependencies for the compiler and
 * exports nothing.
 */
@SuppressWarnings("requires-automatic") // JMH is an automatic module
module io.github.personalcare.benchmarks {
    requires io.github.personalcare.core;
    // Fixtures in domain words (Consents) for the consent decision benchmark.
    requires io.github.personalcare.testkit;
    requires io.github.personalcare.fhir;
    // SpendThroughput, BulkImportThroughput, PopulationReportRun: the JDBC storage on PostgreSQL,
    // beside plain JDBC.
    requires io.github.personalcare.jdbc;
    requires jdk.management;
    // FhirRecordBenchmark builds the demo patient's whole record by running the demo story.
    requires io.github.personalcare.examples;
    // FhirRecordBenchmark's baseline: HAPI FHIR's R4 JSON parser (automatic modules).
    requires hapi.fhir.base;
    requires hapi.fhir.structures.r4;
    requires org.hl7.fhir.r4;
    // jmh-core 1.37 has neither a module descriptor nor an Automatic-Module-Name in its manifest,
    // so its module name, jmh.core, is derived from the jar's file name (the compiler plugin notes
    // this; harmless here, as the benchmarks are never published). The annotation processor
    // (jmh-generator-annprocess, on the processor path) writes the runners into the package
    // io.github.personalcare.benchmarks.jmh_generated, compiled into this module.
    requires jmh.core;
    // PopulationReportRun: the population reports on PostgreSQL through a pool.
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires java.sql;
}
