package io.github.personalcare.testkit;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.InMemoryServiceDirectory;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StopReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Referral fixtures in domain words, for storage contracts and partners' tests: a directory of
 * three cardiology services (two directly bookable, one triage) and referrals in typical states,
 * built with the pure aggregate (no storage, no guard). Times are given by the caller.
 */
public final class Referrals {
    /** Cardiology, the specialty of every fixture. */
    public static final Specialty CARDIOLOGY = Specialty.of("CARDIOLOGY");
    /** The referring GP practice. */
    public static final OdsCode PRACTICE = OdsCode.of("A81001");
    /** Leeds Teaching Hospitals: directly bookable, consultant-led. */
    public static final HealthcareService LEEDS = new HealthcareService(ServiceId.of("SVC-LEEDS-CARD"),
            "Leeds General Infirmary Cardiology", OdsCode.of("RR8"), CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true,
            "LS1");
    /** York and Scarborough: directly bookable, consultant-led. */
    public static final HealthcareService YORK = new HealthcareService(ServiceId.of("SVC-YORK-CARD"),
            "York Hospital Cardiology", OdsCode.of("RCB"), CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "YO31");
    /** Bradford: a referral assessment (triage) service. */
    public static final HealthcareService BRADFORD_TRIAGE = new HealthcareService(ServiceId.of("SVC-BRAD-RAS"),
            "Bradford Cardiology Referral Assessment", OdsCode.of("RAE"), CARDIOLOGY, BookingMode.TRIAGE, true, "BD9");

    private Referrals() {
    }

    /** {@return a directory holding the three services} */
    public static InMemoryServiceDirectory directory() {
        return new InMemoryServiceDirectory(List.of(LEEDS, YORK, BRADFORD_TRIAGE));
    }

    /**
     * A routine cardiology referral in DRAFT, with a random UBRN and one attachment.
     *
     * @param patient who is referred
     * @param at      when it is drafted
     * @return the referral
     */
    public static Referral drafted(PatientId patient, Instant at) {
        return Referral.draft(ReferralId.random(), Ubrn.generate(RandomGenerator.getDefault()), patient,
                new Referrer(UserId.of("GP1"), PRACTICE), Priority.ROUTINE, CARDIOLOGY,
                "Exertional chest tightness for three months", RequestType.APPOINTMENT,
                List.of(new Attachment("ECG", "application/pdf", "https://docs.example.org/ecg/1")), at);
    }

    /**
     * Shortlisted (all three, choice offered) and sent: NOT_BOOKED.
     *
     * @param patient who is referred
     * @param at      when it is drafted, shortlisted and sent
     * @return the referral
     */
    public static Referral notBooked(PatientId patient, Instant at) {
        Referral r = apply(drafted(patient, at), new ReferralCommand.Shortlist(List.of(LEEDS, YORK, BRADFORD_TRIAGE),
                PatientChoice.choiceOffered()), at);
        return apply(r, new ReferralCommand.Submit(), at);
    }

    /**
     * Booked at Leeds at {@code at}, appointment two weeks later; the RTT clock starts.
     *
     * @param patient who is referred
     * @param at      when it is drafted, sent and booked
     * @return the referral, {@code BOOKED}
     */
    public static Referral booked(PatientId patient, Instant at) {
        return apply(notBooked(patient, at), new ReferralCommand.Book(LEEDS.id(), at.plus(Duration.ofDays(14))), at);
    }

    /**
     * A referral using every part of the aggregate: attachments, shortlist, choice, three
     * appointments (one cancelled by the patient, one not attended), a clock nullified after that
     * first-appointment DNA, a second clock with a patient-choice delay note, a provider
     * acceptance and a history with reason codes and a comment.
     *
     * @param patient who is referred
     * @param at      when it is drafted; later commands follow over ten days
     * @return the referral, {@code ACCEPTED}
     */
    public static Referral fullyPopulated(PatientId patient, Instant at) {
        Referral r = booked(patient, at);
        r = apply(r, new ReferralCommand.CancelAppointment(ReferralCommand.CancelledBy.PATIENT,
                ReasonCode.of("PATIENT_UNAVAILABLE")), at.plus(Duration.ofDays(1)));
        r = apply(r, new ReferralCommand.Book(YORK.id(), at.plus(Duration.ofDays(30))), at.plus(Duration.ofDays(2)));
        r = apply(r, new ReferralCommand.RecordDidNotAttend(), at.plus(Duration.ofDays(31)));
        r = apply(r, new ReferralCommand.NullifyClock(UserId.of("CONS-YORK-1")), at.plus(Duration.ofDays(32)));
        r = apply(r, new ReferralCommand.Book(YORK.id(), at.plus(Duration.ofDays(60))), at.plus(Duration.ofDays(33)));
        r = apply(r, new ReferralCommand.Accept(), at.plus(Duration.ofDays(34)));
        r = apply(r, new ReferralCommand.StartPatientChoiceDelay(), at.plus(Duration.ofDays(35)));
        return apply(r, new ReferralCommand.EndPatientChoiceDelay(), at.plus(Duration.ofDays(41)));
    }

    /**
     * The referral after first definitive treatment on {@code at}.
     *
     * @param accepted a referral with a running clock
     * @param at       when treatment started
     * @return the referral, its clock stopped for first definitive treatment
     */
    public static Referral treated(Referral accepted, Instant at) {
        return apply(accepted, new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT), at);
    }

    /** {@return a cancellation command with a reason and a comment} */
    public static ReferralCommand.Cancel cancellation() {
        return new ReferralCommand.Cancel(ReasonCode.of("NO_LONGER_REQUIRED"), Optional.of("Symptoms resolved"));
    }

    /**
     * Applies a command with random event ids.
     *
     * @param referral the referral
     * @param command  the command
     * @param at       when it is applied
     * @return the referral after the command
     */
    public static Referral apply(Referral referral, ReferralCommand command, Instant at) {
        return referral.apply(command, at, UUID::randomUUID).referral();
    }
}
