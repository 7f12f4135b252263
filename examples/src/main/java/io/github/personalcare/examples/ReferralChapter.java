package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.InMemoryServiceDirectory;
import io.github.personalcare.referral.NewReferral;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralService;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StopReason;
import io.github.personalcare.lang.Versioned;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The referral chapter of the demo: the GP refers the patient routinely to cardiology, the
 * patient chooses one service from a shortlist of three found near home, the appointment is
 * booked (the 18-week RTT clock starts), the provider accepts, first definitive treatment stops
 * the clock, and the chapter prints the weeks waited.
 *
 * <p>Time has to pass for a referral to be treated, so the chapter takes an <b>advance-clock
 * hook</b>: a {@code Consumer<Duration>} that moves the clock the {@code PersonalCare} instance
 * was built with (for example a clock the demo keeps as an offset it can add to). The chapter
 * calls it twice, moving 3 weeks to the appointment and 6 more weeks to the treatment. The SDK
 * never moves its clock itself.
 *
 * <p>The {@code PersonalCare} instance must be built with {@link #directory()} as its service
 * directory ({@code PersonalCare.builder().serviceDirectory(ReferralChapter.directory())}).
 * The three services and their ODS codes are fictional. Output carries codes, dates and counts,
 * not personal data.
 */
public final class ReferralChapter {
    /** The specialty of the story. */
    public static final Specialty CARDIOLOGY = Specialty.of("CARDIOLOGY");
    /** Where the patient lives (postcode district), for the directory search. */
    public static final String HOME_DISTRICT = "LS6";

    private static final List<HealthcareService> SERVICES = List.of(
            new HealthcareService(ServiceId.of("DEMO-CARD-1"), "Aire Valley Heart Clinic", OdsCode.of("XAV01"),
                    CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS19"),
            new HealthcareService(ServiceId.of("DEMO-CARD-2"), "Headingley Cardiology Service", OdsCode.of("XHC02"),
                    CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS6"),
            new HealthcareService(ServiceId.of("DEMO-CARD-3"), "Leeds City Heart Centre", OdsCode.of("XLC03"),
                    CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS1"));

    /** What the next chapter needs: the referral, its UBRN, the provider's context and the wait. */
    public record Outcome(ReferralId referral, Ubrn ubrn, AccessContext provider, long weeksWaited) {
    }

    private ReferralChapter() {
    }

    /** The fictional directory of the story: three consultant-led cardiology services in Leeds. */
    public static InMemoryServiceDirectory directory() {
        return new InMemoryServiceDirectory(SERVICES);
    }

    /** Registers a patient at practice A81001, then runs the chapter. */
    public static Outcome run(PersonalCare care, PrintStream out, Consumer<Duration> advanceClock) {
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        PatientId patient = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                Set.of(), Optional.of(OdsCode.of("A81001"))).value().id();
        return run(care, out, advanceClock, patient, gp);
    }

    /**
     * Runs the chapter for a registered patient; {@code gp} must be a professional at the
     * patient's registered practice, and {@code advanceClock} must move the clock of {@code care}.
     */
    public static Outcome run(PersonalCare care, PrintStream out, Consumer<Duration> advanceClock, PatientId patient,
            AccessContext gp) {
        ReferralService referrals = care.referrals();
        out.println("== Referral and the 18-week clock ==");

        Versioned<Referral> r = referrals.draft(gp, NewReferral.appointment(patient, Priority.ROUTINE, CARDIOLOGY,
                "Exertional chest tightness for three months"));
        ReferralId id = r.value().id();
        out.println("GP drafts a " + r.value().priority() + " referral to " + CARDIOLOGY + ", UBRN "
                + spaced(r.value().ubrn()));

        List<HealthcareService> nearby = referrals.findServices(CARDIOLOGY, HOME_DISTRICT);
        out.println("Services near " + HOME_DISTRICT + ": " + nearby.size());
        for (int i = 0; i < nearby.size(); i++) {
            HealthcareService s = nearby.get(i);
            out.println("  " + (i + 1) + ". " + s.name() + " (" + s.provider() + ", " + s.postcodeDistrict() + ")");
        }
        r = referrals.shortlist(gp, id, nearby.stream().map(HealthcareService::id).toList(),
                PatientChoice.choiceOffered(), r.version());
        r = referrals.submit(gp, id, r.version());
        out.println("Shortlist of " + r.value().shortlist().size() + " offered, choice recorded: "
                + r.value().state());

        HealthcareService chosen = nearby.get(nearby.size() - 1);
        Instant appointment = care.clock().instant().plus(Duration.ofDays(21));
        r = referrals.book(gp, id, chosen.id(), appointment, r.version());
        RttClock clock = r.value().clock().orElseThrow();
        out.println("Patient chooses " + chosen.name() + " and books for " + RttClock.ukDate(appointment) + ": "
                + r.value().state());
        out.println("RTT clock started " + clock.startedOn() + " (UK date) on " + clock.start()
                + ", 18-week breach date " + clock.breachDate());

        AccessContext consultant = AccessContext.of(Actor.professional(UserId.of("CONS-" + chosen.provider()),
                ProfessionalRole.CONSULTANT, chosen.provider()), Purpose.DIRECT_CARE);
        r = referrals.accept(consultant, id, r.version());
        out.println("Provider " + chosen.provider() + " accepts the referral: " + r.value().state());

        advanceClock.accept(Duration.ofDays(21));
        advanceClock.accept(Duration.ofDays(6 * 7 + 2));
        r = referrals.stopClock(consultant, id, StopReason.FIRST_DEFINITIVE_TREATMENT, r.version());
        clock = r.value().clock().orElseThrow();
        LocalDate treated = clock.stop().orElseThrow().on();
        long weeks = clock.weeksWaited(treated);
        out.println("First definitive treatment on " + treated + ": clock " + clock.status());
        out.println("Weeks waited: " + weeks + " (" + clock.daysWaited(treated) + " days; within 18 weeks: "
                + (clock.isWithin18WeeksOn(treated) ? "yes" : "no") + ")");

        r = referrals.complete(consultant, id, r.version());
        out.println("Referral " + r.value().state());
        return new Outcome(id, r.value().ubrn(), consultant, weeks);
    }

    private static String spaced(Ubrn ubrn) {
        String v = ubrn.value();
        return v.substring(0, 4) + " " + v.substring(4, 8) + " " + v.substring(8);
    }
}
