package io.github.personalcare.fhir;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.Purpose;
import java.util.Map;

/** The FHIR codes of the access concepts that consents and audit events both carry. */
final class AccessCodes {
    /** Purpose of use as HL7 v3 PurposeOfUse ({@link FhirSystems#V3_ACT_REASON}). */
    static final CodeTable<Purpose> PURPOSE = CodeTable.of(Purpose.class, Map.of(
            Purpose.DIRECT_CARE, "TREAT",
            Purpose.EMERGENCY, "ETREAT",
            Purpose.PATIENT_SELF_SERVICE, "PATRQT",
            Purpose.ADMINISTRATION, "HOPERAT",
            Purpose.RESEARCH, "HRESCH",
            Purpose.PLANNING, "HSYSADMIN",
            Purpose.AUDIT, "HCOMPL",
            Purpose.MIGRATION, "RECORDMGT"));

    /** What the actor does, as {@link FhirSystems#CONSENT_ACTION} codes. */
    static final CodeTable<AccessAction> ACTION = CodeTable.of(AccessAction.class, Map.of(
            AccessAction.ACCESS, "access",
            AccessAction.COLLECT, "collect",
            AccessAction.USE, "use",
            AccessAction.DISCLOSE, "disclose",
            AccessAction.CORRECT, "correct"));

    private AccessCodes() {
    }
}
