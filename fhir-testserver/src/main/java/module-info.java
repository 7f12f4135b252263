/**
 * Test support only: a real FHIR server (HAPI FHIR's RestfulServer on embedded Jetty) for the FHIR
 * adapter's and the examples' tests. Start at
 * {@link io.github.personalcare.fhir.testserver.HapiFhirServer}.
 */
// HAPI FHIR jars are automatic modules
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.personalcare.fhir.testserver {
    requires transitive io.github.personalcare.fhir.conformance;
    requires transitive hapi.fhir.server;
    requires transitive hapi.fhir.structures.r4;
    requires transitive org.hl7.fhir.r4;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.ee10.servlet;
    requires jakarta.servlet;

    exports io.github.personalcare.fhir.testserver;
}
