package io.github.personalcare.access;

import io.github.personalcare.internal.Permitted;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
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
 * AccessContext walkIn = AccessContext.claimingRelationship(nurse, "walk-in centre, patient present");
 * }</pre>
 *
 * @param actor               who is acting
 * @param purpose             the purpose of use
 * @param reason              free text why (required for break-glass and self-claimed relationships);
 *                            may be personal, so never logged
 * @param correlationId       the supplier's correlation id, or a new one
 * @param relationshipClaimed the professional asserts a legitimate relationship with the patient
 *                            that the SDK has no record of (R40: permitted for direct care by a
 *                            clinician, always audited and alerted to the privacy officer)
 */
public record AccessContext(Actor actor, Purpose purpose, Optional<String> reason, CorrelationId correlationId,
        boolean relationshipClaimed) {
    /**
     * Checks the context. Actor and purpose are required; a reason, if given, is not blank and at
     * most 1,000 characters; a missing correlation id is replaced by a new one.
     *
     * @param actor               who is acting
     * @param purpose             the purpose of use
     * @param reason              free text why; may be personal, so never logged
     * @param correlationId       the supplier's correlation id, or null for a new one
     * @param relationshipClaimed whether the professional asserts a relationship the SDK has no
     *                            record of
     * @throws InvalidInputException if the actor or purpose is missing, the reason is blank or too
     *                               long, or a relationship is claimed other than by a professional
     *                               for direct care with a reason (R40)
     */
    public AccessContext {
        Require.present("actor", actor);
        Require.present("purpose", purpose);
        reason = Require.optionalText("reason", reason == null ? Optional.empty() : reason, Require.SHORT_TEXT * 5);
        correlationId = correlationId == null ? CorrelationId.random() : correlationId;
        if (relationshipClaimed && (!(actor instanceof Actor.Professional) || purpose != Purpose.DIRECT_CARE
                || reason.isEmpty())) {
            throw new InvalidInputException("relationshipClaimed", "R40",
                    "a relationship is claimed only by a professional, for direct care, with a reason");
        }
    }

    /**
     * A context that claims no relationship.
     *
     * @param actor         who is acting
     * @param purpose       the purpose of use
     * @param reason        free text why, or empty
     * @param correlationId the supplier's correlation id, or null for a new one
     * @throws InvalidInputException if the actor or purpose is missing or the reason is blank or
     *                               too long
     */
    public AccessContext(Actor actor, Purpose purpose, Optional<String> reason, CorrelationId correlationId) {
        this(actor, purpose, reason, correlationId, false);
    }

    /**
     * A professional acting for direct care who asserts a legitimate relationship the SDK has no
     * record of, such as a clinician seeing a walk-in patient (R40). Permitted only to clinical
     * roles and if the policy accepts self-claims; never overrides an objection; always audited
     * with the reason and alerted to the privacy officer.
     *
     * @param actor  the professional
     * @param reason why the relationship is legitimate; stored in the audit trail, never logged
     * @return the context, for direct care, with a new correlation id
     * @throws InvalidInputException if the reason is missing or blank (R40)
     */
    public static AccessContext claimingRelationship(Actor.Professional actor, String reason) {
        return new AccessContext(actor, Purpose.DIRECT_CARE, Optional.ofNullable(reason), CorrelationId.random(), true);
    }

    /**
     * A context with no reason and a new correlation id.
     *
     * @param actor   who is acting
     * @param purpose the purpose of use
     * @return the context
     * @throws InvalidInputException if the actor or purpose is missing
     */
    public static AccessContext of(Actor actor, Purpose purpose) {
        return new AccessContext(actor, purpose, Optional.empty(), CorrelationId.random());
    }

    /**
     * A context with a reason (as break-glass requires, R40) and a new correlation id.
     *
     * @param actor   who is acting
     * @param purpose the purpose of use
     * @param reason  free text why; may be personal, so never logged
     * @return the context
     * @throws InvalidInputException if the actor, purpose or reason is missing or the reason is
     *                               blank or too long
     */
    public static AccessContext of(Actor actor, Purpose purpose, String reason) {
        return new AccessContext(actor, purpose, Optional.of(Require.present("reason", reason)), CorrelationId.random());
    }

    /**
     * The patient acting on their own record.
     *
     * @param patient the patient
     * @return the context, for patient self-service
     * @throws InvalidInputException if {@code patient} is missing
     */
    public static AccessContext patientSelf(PatientId patient) {
        return of(Actor.patient(patient), Purpose.PATIENT_SELF_SERVICE);
    }

    /**
     * A copy carrying the supplier's correlation id.
     *
     * @param id the supplier's correlation id
     * @return the copy
     */
    public AccessContext withCorrelationId(CorrelationId id) {
        return new AccessContext(actor, purpose, reason, id, relationshipClaimed);
    }

    @Override
    public String toString() {
        // The reason is free text and may be personal: never printed.
        return "AccessContext[" + actor.reference() + ", " + purpose + (relationshipClaimed ? ", relationship claimed" : "")
                + ", " + correlationId + "]";
    }
}
