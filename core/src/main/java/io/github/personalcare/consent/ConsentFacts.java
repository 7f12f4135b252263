package io.github.personalcare.consent;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.patient.Patient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the {@link ConsentEngine} needs to decide one request, read beforehand so the
 * engine does no I/O (the consents are indexed here, once, so facts kept for several decisions
 * pay for it once): the patient's consents, the actor's relationships with the patient, the
 * patient record (age, flags), the policy, and when the actor's current break-glass episode
 * for this patient began, if any.
 *
 * @param consents           the patient's consents (any status: the engine evaluates active ones only)
 * @param relationships      the actor's legitimate relationships with the patient (R39)
 * @param patient            the patient record; empty when it does not exist (yet)
 * @param policy             the organisation's consent policy
 * @param breakGlassOpenedAt when this actor last gave a break-glass reason for this patient (R40)
 */
public record ConsentFacts(
        List<ConsentRecord> consents,
        List<Relationship> relationships,
        Optional<Patient> patient,
        ConsentPolicy policy,
        Optional<Instant> breakGlassOpenedAt) {

    /**
     * Copies the lists, indexing the consents by what each can apply to (purpose, actor, data
     * class, action) so that a decision reads only those; consents, relationships and policy are
     * required, absent optionals become empty.
     *
     * @param consents           the patient's consents (any status: the engine evaluates active
     *                           ones only)
     * @param relationships      the actor's legitimate relationships with the patient (R39)
     * @param patient            the patient record; empty when it does not exist (yet)
     * @param policy             the organisation's consent policy
     * @param breakGlassOpenedAt when this actor last gave a break-glass reason for this patient
     *                           (R40)
     * @throws InvalidInputException if {@code consents}, {@code relationships} or {@code policy} is
     *                               missing
     */
    public ConsentFacts {
        consents = ConsentIndex.of(Require.present("consents", consents));
        relationships = List.copyOf(Require.present("relationships", relationships));
        patient = patient == null ? Optional.empty() : patient;
        Require.present("policy", policy);
        breakGlassOpenedAt = breakGlassOpenedAt == null ? Optional.empty() : breakGlassOpenedAt;
    }

    /**
     * Facts about a patient with no open break-glass episode.
     *
     * @param patient       the patient record
     * @param consents      the patient's consents
     * @param relationships the actor's legitimate relationships with the patient
     * @param policy        the organisation's consent policy
     * @return the facts
     */
    public static ConsentFacts of(Patient patient, List<ConsentRecord> consents, List<Relationship> relationships,
            ConsentPolicy policy) {
        return new ConsentFacts(consents, relationships, Optional.of(patient), policy, Optional.empty());
    }

    /**
     * Facts for a population-level request (no patient).
     *
     * @param policy the organisation's consent policy
     * @return the facts, with no patient, consents or relationships
     */
    public static ConsentFacts population(ConsentPolicy policy) {
        return new ConsentFacts(List.of(), List.of(), Optional.empty(), policy, Optional.empty());
    }

    /**
     * A copy with the start of the actor's open break-glass episode.
     *
     * @param at when the actor last gave a break-glass reason for this patient
     * @return the copy
     * @throws NullPointerException if {@code at} is null
     */
    public ConsentFacts withBreakGlassOpenedAt(Instant at) {
        return new ConsentFacts(consents, relationships, patient, policy, Optional.of(at));
    }
}
