/**
 * Test support only: the offline HAPI FHIR validator with the UK Core profiles, for proving exported
 * FHIR conformant in tests. Start at {@link io.github.personalcare.fhir.conformance.UkCoreValidator}.
 */
module io.github.personalcare.fhir.conformance {
    requires ca.uhn.fhir;
    requires org.hl7.fhir.r4;
    requires hapi.fhir.structures.r4;
    requires hapi.fhir.validation;
    requires hapi.fhir.caching.api;

    exports io.github.personalcare.fhir.conformance;
}
