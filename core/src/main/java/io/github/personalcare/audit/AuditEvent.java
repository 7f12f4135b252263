package io.github.personalcare.audit;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;

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

    /**
     * Checks the event: id, time, purpose and outcome are required; actor and action are short
     * text; the correlation id is at most 100 characters. Absent optionals become empty and an
     * absent rule becomes {@code ""}.
     *
     * @param id            the unique id of the event
     * @param at            when it happened
     * @param actor         who acted, as a non-personal reference ({@code Actor.reference()})
     * @param purpose       the purpose of use the request was made for
     * @param action        what was done, such as {@code "careplan.agree"}
     * @param patient       the patient concerned, if any
     * @param subject       the record concerned, as {@code "Type/id"}, if any
     * @param outcome       the outcome: permitted, denied, done, refused by a rule, or not found
     * @param rule          the rule that decided, such as {@code "R39"}
     * @param reason        the caller's free-text reason (a break-glass reason), if any; never
     *                      logged
     * @param correlationId the id that ties the events of one request together
     * @throws NullPointerException if {@code id}, {@code at}, {@code purpose} or {@code outcome} is
     *                              null
     * @throws InvalidInputException if {@code actor}, {@code action} or {@code correlationId} is
     *                               missing or too long
     */
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
     * @param ctx     who asked, for what purpose, with which correlation id and reason
     * @param at      when it happened
     * @param action  what was done, such as {@code "careplan.agree"}
     * @param patient the patient concerned, or null
     * @param subject the record concerned, as {@code "Type/id"}, or null
     * @param outcome the outcome
     * @param rule    the rule that decided
     * @return the event, with a new random id
     */
    public static AuditEvent of(AccessContext ctx, Instant at, String action, PatientId patient, String subject,
            AuditOutcome outcome, String rule) {
        return new AuditEvent(UUID.randomUUID(), at, ctx.actor().reference(), ctx.purpose(), action,
                Optional.ofNullable(patient), Optional.ofNullable(subject), outcome, rule, ctx.reason(),
                ctx.correlationId().value());
    }

    /**
     * {@return the chain this event belongs to: the patient's id, or
     * {@link AuditChain#SYSTEM_CHAIN}}
     */
    public String chain() {
        return patient.map(p -> p.value().toString()).orElse(AuditChain.SYSTEM_CHAIN);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + " " + action + " " + outcome + " " + rule + "]";
    }
}
