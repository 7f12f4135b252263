package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The consent chapter of the story: the patient grants their carer proxy view, a researcher is
 * stopped by the national data opt-out, an A&E clinician with no relationship breaks the glass,
 * and the patient reads who accessed their record. Prints only internal references, purposes,
 * outcomes and rules: never the patient's name, NHS number or the break-glass reason.
 */
public final class ConsentChapter {
    /** The carer of the story. */
    public static final Actor.Carer CARER = Actor.carer(UserId.of("carer-ann"));
    /** A researcher at a university, with no relationship to the patient. */
    public static final Actor.Professional RESEARCHER = Actor.professional(UserId.of("researcher-1"),
            ProfessionalRole.RESEARCHER, OdsCode.of("UNI01"));
    /** An emergency clinician at an acute trust, with no relationship to the patient. */
    public static final Actor.Professional AE_CLINICIAN = Actor.professional(UserId.of("ae-doctor-1"),
            ProfessionalRole.EMERGENCY_CLINICIAN, OdsCode.of("RH8"));

    /** What the next chapter may need: the carer's grant and the access log as the patient saw it. */
    public record Outcome(ConsentRecord carerGrant, List<AccessLogEntry> accessLog) {
    }

    private ConsentChapter() {
    }

    /**
     * Runs the chapter for a registered adult patient who has a registered practice.
     *
     * @param care    the SDK
     * @param inbox   the transport {@code care} was built with, whose break-glass alerts the chapter
     *                counts
     * @param patient the patient, registered with {@code registeredPractice} set
     * @param gp      a GP of the patient's registered practice (records the opt-out)
     * @param out     where the story is printed
     */
    public static Outcome run(PersonalCare care, PrivacyOfficerInbox inbox, Patient patient, Actor.Professional gp,
            PrintStream out) {
        AccessContext self = AccessContext.patientSelf(patient.id());
        Instant now = care.clock().instant();

        out.println("== Consent ==");
        // 1. The patient grants their carer a year's view of their record (opt-in: nothing else).
        ConsentRecord grant = care.consents().record(self, patient.id(), ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(CARER.user())).provision(Provision.permit()
                        .action(AccessAction.ACCESS)
                        .dataClass(DataClass.DEMOGRAPHICS, DataClass.CARE_PLAN, DataClass.CONSENT)
                        .period(ConsentPeriod.between(now, now.plus(Duration.ofDays(365))))))
                .build()).value();
        out.println("patient grants carer proxy view: consent " + grant.status());
        AccessContext carer = AccessContext.of(CARER, Purpose.PATIENT_SELF_SERVICE);
        care.patients().get(carer, patient.id());
        out.println("carer views the record: permitted");
        attempt(out, "carer changes the record's flags", () -> care.patients().updateFlags(carer, patient.id(),
                Set.of(), care.patients().get(self, patient.id()).version()));

        // 2. The GP records the patient's national data opt-out; a researcher is refused.
        AccessContext gpCtx = AccessContext.of(gp, Purpose.DIRECT_CARE);
        Versioned<Patient> current = care.patients().get(gpCtx, patient.id());
        Set<PatientFlag> flags = EnumSet.noneOf(PatientFlag.class);
        flags.addAll(current.value().flags());
        flags.add(PatientFlag.NATIONAL_DATA_OPT_OUT);
        care.patients().updateFlags(gpCtx, patient.id(), flags, current.version());
        out.println("GP records the national data opt-out");
        attempt(out, "researcher reads the record for research",
                () -> care.patients().get(AccessContext.of(RESEARCHER, Purpose.RESEARCH), patient.id()));

        // 3. An A&E clinician with no relationship: refused for direct care, then breaks the glass.
        attempt(out, "A&E clinician reads the record for direct care",
                () -> care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.DIRECT_CARE), patient.id()));
        care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY,
                "unconscious on arrival, no identification of medicines"), patient.id());
        out.println("A&E clinician breaks the glass with a reason: permitted, audited, privacy officer alerted");
        care.outboxRelay().orElseThrow(() -> new IllegalStateException("the demo needs a transport")).relay();
        out.println("break-glass alerts delivered to the privacy officer: " + inbox.alerts().size());

        // 4. The patient reads who accessed their record, when and why.
        List<AccessLogEntry> log = care.audit().accessLog(self, patient.id());
        out.println("patient reads their access log:");
        for (AccessLogEntry e : log) {
            out.println("  " + e.at() + " " + e.actor() + " " + e.action() + " " + e.purpose() + " " + e.outcome()
                    + " " + e.rule());
        }
        return new Outcome(grant, log);
    }

    private static void attempt(PrintStream out, String what, Runnable call) {
        try {
            call.run();
            out.println(what + ": permitted");
        } catch (AccessDeniedException e) {
            out.println(what + ": denied by " + e.decision().rule());
        }
    }
}
