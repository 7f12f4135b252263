/**
 * The demo: the story of one patient told through the SDK's public API, with each chapter a class
 * of its own. Start at {@link io.github.personalcare.examples.Demo}. Not published; the package is
 * exported because the benchmarks build the demo patient's record by running the story.
 */
@SuppressWarnings("requires-automatic") // the H2 and PostgreSQL drivers are automatic modules
module io.github.personalcare.examples {
    // The chapters' public methods take and return core types (PersonalCare, PatientId, ...).
    requires transitive io.github.personalcare.core;
    requires io.github.personalcare.jdbc;
    requires io.github.personalcare.fhir;
    // The FHIR chapter counts the Bundle's entries on the Jackson tree the FHIR module writes.
    requires com.fasterxml.jackson.databind;
    // --jdbc-url builds the driver's own DataSource: H2 (file or memory) or PostgreSQL.
    requires com.h2database;
    requires org.postgresql.jdbc;
    // H2's JdbcDataSource implements javax.naming.Referenceable, and H2 declares no module.
    requires java.naming;

    exports io.github.personalcare.examples;
}
