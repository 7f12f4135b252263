package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Chapter 1: the GP practice registers the patient; she reads her own record; a professional with
 * no relationship to her is refused, and the refusal is audited.
 */
public final class PatientChapter {
    /** The patient's GP practice. */
    public static final OdsCode PRACTICE = OdsCode.of("A81001");
    /** Her GP. */
    public static final AccessContext GP = AccessContext.of(
            Actor.professional(UserId.of("gp-okafor"), ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE),
            Purpose.DIRECT_CARE);

    private PatientChapter() {
    }

    /** Tells the chapter and returns the registered patient. */
    public static Patient tell(PersonalCare care, PrintStream out) {
        out.println("== 1. Registration ==");
        Patient patient = care.patients().register(GP, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Amara", "Okonkwo"), LocalDate.of(1958, 4, 2),
                Set.of(PatientFlag.COMPLEX_NEEDS, PatientFlag.LONG_TERM_CONDITION), Optional.of(PRACTICE)).value();
        out.println("Her GP practice " + PRACTICE + " registers Amara (NHS number " + patient.nhsNumber()
                + ", internal id " + patient.id() + ").");

        Patient own = care.patients().get(AccessContext.patientSelf(patient.id()), patient.id()).value();
        out.println("Amara opens her own record: born " + own.dateOfBirth() + ", flags " + own.flags() + ".");

        var stranger = AccessContext.of(Actor.professional(UserId.of("nurse-elsewhere"), ProfessionalRole.NURSE,
                OdsCode.of("RH8")), Purpose.DIRECT_CARE);
        try {
            care.patients().get(stranger, patient.id());
            out.println("UNEXPECTED: a stranger read the record");
        } catch (AccessDeniedException e) {
            out.println("A nurse at another trust with no relationship to her is refused (" + e.decision().rule()
                    + "); the refusal is in the audit trail.");
        }
        return patient;
    }
}
