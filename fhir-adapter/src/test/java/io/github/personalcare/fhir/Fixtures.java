package io.github.personalcare.fhir;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.CorrelationId;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Known patients, professionals and audit trails for the FHIR tests. */
final class Fixtures {
    static final PatientId ADA_ID = new PatientId(UUID.fromString("3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b"));
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final Actor.Professional GP = Actor.professional(UserId.of("U100001"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE);
    static final Actor.Professional NURSE = Actor.professional(UserId.of("nurse.jo-2"), ProfessionalRole.NURSE,
            OdsCode.of("RH8"));

    private Fixtures() {
    }

    /** Ada: verified NHS number 943 476 5870, registered at A81001, complex needs. */
    static Patient ada() {
        return new Patient(ADA_ID, NhsNumber.parse("943 476 5870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                Set.of(PatientFlag.COMPLEX_NEEDS, PatientFlag.LONG_TERM_CONDITION), Optional.of(PRACTICE),
                Optional.empty());
    }

    /** Ada with the S flag (sensitive record). */
    static Patient sensitiveAda() {
        return ada().withFlags(Set.of(PatientFlag.SENSITIVE, PatientFlag.COMPLEX_NEEDS));
    }

    /** A chain of audit records about Ada: a GP read, a nurse's rejected write, Ada's own read, a break-glass read. */
    static List<AuditRecord> adaAudit() {
        Instant t = Instant.parse("2026-11-20T09:15:30.123Z");
        List<AuditEvent> events = List.of(
                event(t, GP, Purpose.DIRECT_CARE, "patient.read", AuditOutcome.PERMIT, "R39", Optional.empty()),
                event(t.plusSeconds(60), NURSE, Purpose.DIRECT_CARE, "patient.flags", AuditOutcome.REJECTED, "VERSION",
                        Optional.empty()),
                event(t.plusSeconds(120), Actor.patient(ADA_ID), Purpose.PATIENT_SELF_SERVICE, "audit.accessLog",
                        AuditOutcome.PERMIT, "SELF", Optional.empty()),
                event(t.plusSeconds(180), NURSE, Purpose.EMERGENCY, "patient.read", AuditOutcome.PERMIT,
                        "R40", Optional.of("Unconscious in A&E, no care-team member available")),
                event(t.plusSeconds(240), Actor.system("outbox-relay"), Purpose.ADMINISTRATION, "patient.read",
                        AuditOutcome.DENY, "", Optional.empty()));
        return chain(events);
    }

    static AuditEvent event(Instant at, Actor actor, Purpose purpose, String action, AuditOutcome outcome,
            String rule, Optional<String> reason) {
        AccessContext ctx = new AccessContext(actor, purpose, reason, new CorrelationId("corr-" + action));
        AuditEvent e = AuditEvent.of(ctx, at, action, ADA_ID, "Patient/" + ADA_ID, outcome, rule);
        return e;
    }

    static List<AuditRecord> chain(List<AuditEvent> events) {
        List<AuditRecord> out = new ArrayList<>();
        Optional<AuditRecord> head = Optional.empty();
        for (AuditEvent e : events) {
            AuditRecord r = AuditChain.link(head, e);
            out.add(r);
            head = Optional.of(r);
        }
        return out;
    }
}
