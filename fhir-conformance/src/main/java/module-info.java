/**
 * Test support only: the offline HAPI FHIR validator with the UK Core profiles, for proving exported
 * FHIR conformant in tests. Start at {@link io.github.personalcare.fhir.conformance.UkCoreValidator}.
 */
// HAPI FHIR jars are automatic modules; hapi.fhir.base is transitive for UkCoreValidator.module()
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.personalcare.fhir.conformance {
    requires transitive hapi.fhir.base;
    requires hapi.fhir.structures.r4;
    requires hapi.fhir.validation;
    requires org.hl7.fhir.r4;
    requires org.hl7.fhir.utilities;

    exports io.github.personalcare.fhir.conformance;
}
