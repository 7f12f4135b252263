package io.github.personalcare.audit;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One audited fact: who ({@code actor}, a non-personal reference), what ({@code action}, such as
 * {@code "careplan.agree"}, and {@code subject}, such as {@code "CarePlan/<id>"}), which patient,
 * for what purpose, the outcome and the rule that decided it, when, and the correlation id.
 * {@code reason} is the caller's free text (a break-glass reason): it is stored in the audit
 * trail, which is access-controlled, and never logged.
 */
public record AuditEvent(
        UUID id,
        Instant at,
        String actor,
        Purpose purpose,
        String action,
        Optional<PatientId> patient,
        Optional<String> subject,
        AuditOutcome outcome,
        String rule,
        Optional<String> reason,
        String correlationId) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Require.text("actor", actor, Require.SHORT_TEXT);
        Objects.requireNonNull(purpose, "purpose");
        Require.text("action", action, Require.SHORT_TEXT);
        patient = patient == null ? Optional.empty() : patient;
        subject = subject == null ? Optional.empty() : subject;
        Objects.requireNonNull(outcome, "outcome");
        rule = rule == null ? "" : rule;
        reason = reason == null ? Optional.empty() : reason;
        Require.text("correlationId", correlationId, 100);
    }

    /**
     * An event for a request made under {@code ctx}.
     *
     * @param subject the record concerned, as {@code "Type/id"}, or null
     */
    public static AuditEvent of(AccessContext ctx, Instant at, String action, PatientId patient, String subject,
            AuditOutcome outcome, String rule) {
        return new AuditEvent(UUID.randomUUID(), at, ctx.actor().reference(), ctx.purpose(), action,
                Optional.ofNullable(patient), Optional.ofNullable(subject), outcome, rule, ctx.reason(),
                ctx.correlationId().value());
    }

    /** The chain this event belongs to: the patient's id, or {@code "system"}. */
    public String chain() {
        return patient.map(p -> p.value().toString()).orElse(AuditChain.SYSTEM_CHAIN);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + " " + action + " " + outcome + " " + rule + "]";
    }
}
