package io.github.personalcare.fhir;

import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.patient.PatientFlag;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The UK Core codes of a patient: NHS number verification status and the confidentiality of the record. */
final class PatientCodes {
    /**
     * The NHS Number Status Indicator code of each status (R3): 01–08 mean the same in
     * {@link FhirSystems#NHS_NUMBER_VERIFICATION_ENGLAND} and {@link FhirSystems#NHS_NUMBER_VERIFICATION_WALES};
     * {@code nn} is a code of the Wales system only ({@link #WALES_ONLY}).
     */
    static final CodeTable<NhsNumberVerification> VERIFICATION = CodeTable.of(NhsNumberVerification.class, Map.of(
            NhsNumberVerification.VERIFIED, "01",
            NhsNumberVerification.NOT_TRACED, "02",
            NhsNumberVerification.TRACE_REQUIRED, "03",
            NhsNumberVerification.NO_MATCH, "04",
            NhsNumberVerification.TO_BE_RESOLVED, "05",
            NhsNumberVerification.TRACE_IN_PROGRESS, "06",
            NhsNumberVerification.NOT_PRESENT, "07",
            NhsNumberVerification.TRACE_POSTPONED, "08",
            NhsNumberVerification.TRACED_WELSH_AR, "nn"));

    /**
     * The code system's display of each code, written beside it and never read: the England
     * system's for 01–08 (the system they are written in), the Wales system's for {@code nn}.
     */
    static final CodeTable<NhsNumberVerification> VERIFICATION_DISPLAY = CodeTable.of(NhsNumberVerification.class,
            Map.of(NhsNumberVerification.VERIFIED, "Number present and verified",
                    NhsNumberVerification.NOT_TRACED, "Number present but not traced",
                    NhsNumberVerification.TRACE_REQUIRED, "Trace required",
                    NhsNumberVerification.NO_MATCH, "Trace attempted - No match or multiple match found",
                    NhsNumberVerification.TO_BE_RESOLVED,
                    "Trace needs to be resolved - (NHS number or patient detail conflict)",
                    NhsNumberVerification.TRACE_IN_PROGRESS, "Trace in progress",
                    NhsNumberVerification.NOT_PRESENT, "Number not present and trace not required",
                    NhsNumberVerification.TRACE_POSTPONED, "Trace postponed (baby under six weeks old)",
                    NhsNumberVerification.TRACED_WELSH_AR, "Number present and traced using Welsh NHS AR"));

    /**
     * The statuses only the Wales code system has a code for. Every other status is written in the
     * England system; on input both systems' 01–08 read as the same status (domain notes §5.5).
     */
    static final Set<NhsNumberVerification> WALES_ONLY = EnumSet.of(NhsNumberVerification.TRACED_WELSH_AR);

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

    /** The code system a status is written in: England's, unless only Wales has a code for it (R3). */
    static String verificationSystem(NhsNumberVerification status) {
        return WALES_ONLY.contains(status) ? FhirSystems.NHS_NUMBER_VERIFICATION_WALES
                : FhirSystems.NHS_NUMBER_VERIFICATION_ENGLAND;
    }

    /**
     * The status a code of the England or the Wales verification code system reads as, for use
     * inside {@link FhirElement#convert}: the England system has 01–08, the Wales system also nn.
     *
     * @throws InvalidInputException naming field {@code nhsNumberVerification} and rule R3 for any other code
     */
    static NhsNumberVerification verification(String system, String code) {
        boolean wales = FhirSystems.NHS_NUMBER_VERIFICATION_WALES.equals(system);
        return VERIFICATION.fromCode(code).filter(status -> wales || !WALES_ONLY.contains(status))
                .orElseThrow(() -> new InvalidInputException("nhsNumberVerification", "R3",
                        wales ? "must be a UK Core Wales code 01-08 or nn" : "must be a UK Core code 01-08"));
    }
}
