package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.prescription.Medicine;
import io.github.personalcare.prescription.PrescriptionRefusedException;
import io.github.personalcare.prescription.PrescriptionRequest;
import io.github.personalcare.prescription.PrescriptionService;
import io.github.personalcare.prescription.Refusal;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatTerms;
import io.github.personalcare.prescription.ReviewDue;
import io.github.personalcare.prescription.SupplyQuantity;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The repeat prescriptions chapter: the practice puts a medicine on repeat; the patient gives her
 * daughter (the carer of the care plan chapter) a consent to see and order her prescriptions;
 * the daughter orders a repeat, which the GP approves and issues; a second order a week later is
 * refused as too early, with the date it may be ordered; the patient sees her medication review.
 */
public final class PrescriptionChapter {
    /** The daughter who orders for her mother (the carer of the care plan chapter). */
    public static final Actor.Carer DAUGHTER = Actor.carer(UserId.of("CARER-ADA-1"));
    /** The repeat medicine: dm+d VMP "Paracetamol 500mg tablets". */
    public static final Medicine PARACETAMOL = Medicine.of("42109611000001109", "Paracetamol 500mg tablets");

    private PrescriptionChapter() {
    }

    /**
     * What the chapter did: the issued request, the repeat after the issue, the early refusal.
     *
     * @param issued  the daughter's request, issued
     * @param repeat  the repeat medicine after the issue
     * @param refusal why the second order was refused
     */
    public record Outcome(Versioned<PrescriptionRequest> issued, RepeatMedicine repeat, Refusal refusal) {
    }

    /**
     * Runs the chapter for a registered patient whose GP is {@code gp}.
     *
     * @param care         the SDK
     * @param out          where the story is printed
     * @param advanceClock moves the story's clock on
     * @param patient      the patient
     * @param gp           her GP (a prescriber at her registered practice)
     * @return what the chapter did
     */
    public static Outcome run(PersonalCare care, PrintStream out, Consumer<Duration> advanceClock, PatientId patient,
            AccessContext gp) {
        PrescriptionService rx = care.prescriptions();
        AccessContext self = AccessContext.patientSelf(patient);
        AccessContext daughter = AccessContext.of(DAUGHTER, Purpose.PATIENT_SELF_SERVICE);
        LocalDate today = LocalDate.ofInstant(care.clock().instant(), ZoneId.of("Europe/London"));

        out.println("== Repeat prescriptions ==");
        Versioned<RepeatMedicine> repeat = rx.addRepeat(gp, patient, new RepeatTerms(PARACETAMOL,
                "two tablets up to four times a day when needed", SupplyQuantity.of(100, "tablet"), 28, 6,
                today.plusMonths(6)));
        out.println("The GP puts " + PARACETAMOL.name() + " (dm+d " + PARACETAMOL.code() + ") on repeat: "
                + repeat.value().terms().issuesAuthorised() + " issues of " + repeat.value().terms().quantity()
                + " every " + repeat.value().terms().intervalDays() + " days, review on " + repeat.value().reviewOn());

        try {
            rx.request(daughter, patient, List.of(repeat.value().id()));
            out.println("daughter orders without a consent: permitted");
        } catch (AccessDeniedException e) {
            out.println("daughter orders without a consent: denied by " + e.decision().rule());
        }
        Instant now = care.clock().instant();
        care.consents().record(self, patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(DAUGHTER.user())).provision(Provision.permit()
                        .action(AccessAction.ACCESS, AccessAction.COLLECT)
                        .dataClass(DataClass.PRESCRIPTION)
                        .period(ConsentPeriod.between(now, now.plus(Duration.ofDays(365))))))
                .build());
        out.println("Amara gives her daughter a year's consent to see and order her prescriptions");

        Versioned<PrescriptionRequest> request = rx.request(daughter, patient, List.of(repeat.value().id()));
        out.println("daughter orders the repeat online: request " + request.value().status());
        request = rx.approve(gp, request.value().id(), request.version());
        out.println("the GP approves it: " + request.value().status());
        request = rx.issue(gp, request.value().id(), request.version());
        RepeatMedicine issued = rx.getRepeat(gp, repeat.value().id()).value();
        out.println("the practice issues it on " + request.value().issuedOn().orElseThrow() + ": issue "
                + issued.issuesUsed() + " of " + issued.terms().issuesAuthorised());

        advanceClock.accept(Duration.ofDays(7));
        Refusal refusal;
        try {
            rx.request(daughter, patient, List.of(repeat.value().id()));
            throw new IllegalStateException("an order a week after the issue must be refused");
        } catch (PrescriptionRefusedException e) {
            refusal = e.refusals().get(0);
            String when = refusal instanceof Refusal.TooEarly early ? ", may order from " + early.earliestOn() : "";
            out.println("a week later she orders again: refused " + refusal.rule() + when);
        }

        List<ReviewDue> reviews = rx.reviewsDue(self, patient);
        out.println("medication reviews due for Amara within " + rx.policy().reviewWindowDays() + " days: "
                + reviews.size());
        return new Outcome(request, issued, refusal);
    }
}
