package io.github.personalcare.fhir;

import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.PatientFlag;
import java.util.Map;

/** The UK Core codes of a patient: NHS number verification status and the confidentiality of the record. */
final class PatientCodes {
    /**
     * The two-digit NHS Number Status Indicator codes of {@link FhirSystems#NHS_NUMBER_VERIFICATION_ENGLAND}
     * (Wales uses the same codes).
     */
    static final CodeTable<NhsNumberVerification> VERIFICATION = CodeTable.of(NhsNumberVerification.class, Map.of(
            NhsNumberVerification.VERIFIED, "01",
            NhsNumberVerification.NOT_TRACED, "02",
            NhsNumberVerification.TRACE_REQUIRED, "03",
            NhsNumberVerification.NO_MATCH, "04",
            NhsNumberVerification.TO_BE_RESOLVED, "05",
            NhsNumberVerification.TRACE_IN_PROGRESS, "06",
            NhsNumberVerification.NOT_PRESENT, "07",
            NhsNumberVerification.TRACE_POSTPONED, "08"));

    /** The code system's display of each code, written beside it and never read. */
    static final CodeTable<NhsNumberVerification> VERIFICATION_DISPLAY = CodeTable.of(NhsNumberVerification.class,
            Map.of(NhsNumberVerification.VERIFIED, "Number present and verified",
                    NhsNumberVerification.NOT_TRACED, "Number present but not traced",
                    NhsNumberVerification.TRACE_REQUIRED, "Trace required",
                    NhsNumberVerification.NO_MATCH, "Trace attempted - No match or multiple match found",
                    NhsNumberVerification.TO_BE_RESOLVED,
                    "Trace needs to be resolved - (NHS number or patient detail conflict)",
                    NhsNumberVerification.TRACE_IN_PROGRESS, "Trace in progress",
                    NhsNumberVerification.NOT_PRESENT, "Number not present and trace not required",
                    NhsNumberVerification.TRACE_POSTPONED, "Trace postponed (baby under six weeks old)"));

    /**
     * {@code meta.security} ({@link FhirSystems#V3_CONFIDENTIALITY}): an S-flagged patient is
     * written {@code R} (restricted), and {@code V} (very restricted) from another system is read
     * as S-flagged too (R49). The other flags have no code here: they are SDK extensions.
     */
    static final CodeTable<PatientFlag> CONFIDENTIALITY = CodeTable.partial(PatientFlag.class, Map.of(
            PatientFlag.SENSITIVE, "R"), Map.of()).readingAlso(Map.of("V", PatientFlag.SENSITIVE));

    /** The code system's display of each {@link #CONFIDENTIALITY} code, written beside it and never read. */
    static final CodeTable<PatientFlag> CONFIDENTIALITY_DISPLAY = CodeTable.partial(PatientFlag.class, Map.of(
            PatientFlag.SENSITIVE, "restricted"), Map.of());

    private PatientCodes() {
    }
}
