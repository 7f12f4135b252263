/**
 * Test support only: the offline HAPI FHIR validator with the UK Core profiles, for proving exported
 * FHIR conformant in tests. Start at {@link io.github.personalcare.fhir.conformance.UkCoreValidator}.
 */
@SuppressWarnings("requires-automatic") // HAPI FHIR jars are automatic modules
module io.github.personalcare.fhir.conformance {
    requires hapi.fhir.base;
    requires hapi.fhir.structures.r4;
    requires hapi.fhir.validation;
    requires org.hl7.fhir.r4;
    requires org.hl7.fhir.utilities;

    exports io.github.personalcare.fhir.conformance;
}
