package io.github.personalcare.access;

import io.github.personalcare.Require;
import io.github.personalcare.identity.PatientId;

import java.util.Optional;

/**
 * Who is acting, for what purpose, why (optional free-text reason, required for break-glass) and
 * under which correlation id. Every service method takes one as its first argument.
 *
 * <pre>{@code
 * AccessContext gp = AccessContext.of(Actor.professional(UserId.of("U1"), GENERAL_PRACTITIONER,
 *         OdsCode.of("A81001")), Purpose.DIRECT_CARE);
 * AccessContext me = AccessContext.patientSelf(patientId);
 * }</pre>
 */
public record AccessContext(Actor actor, Purpose purpose, Optional<String> reason, CorrelationId correlationId) {
    public AccessContext {
        Require.present("actor", actor);
        Require.present("purpose", purpose);
        reason = Require.optionalText("reason", reason == null ? Optional.empty() : reason, Require.SHORT_TEXT * 5);
        correlationId = correlationId == null ? CorrelationId.random() : correlationId;
    }

    /** A context with no reason and a new correlation id. */
    public static AccessContext of(Actor actor, Purpose purpose) {
        return new AccessContext(actor, purpose, Optional.empty(), CorrelationId.random());
    }

    /** A context with a reason (as break-glass requires, R40) and a new correlation id. */
    public static AccessContext of(Actor actor, Purpose purpose, String reason) {
        return new AccessContext(actor, purpose, Optional.of(reason), CorrelationId.random());
    }

    /** The patient acting on their own record. */
    public static AccessContext patientSelf(PatientId patient) {
        return of(Actor.patient(patient), Purpose.PATIENT_SELF_SERVICE);
    }

    /** A copy carrying the supplier's correlation id. */
    public AccessContext withCorrelationId(CorrelationId id) {
        return new AccessContext(actor, purpose, reason, id);
    }

    @Override
    public String toString() {
        // The reason is free text and may be personal: never printed.
        return "AccessContext[" + actor.reference() + ", " + purpose + ", " + correlationId + "]";
    }
}
