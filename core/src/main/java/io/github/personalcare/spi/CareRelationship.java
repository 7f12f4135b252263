package io.github.personalcare.spi;


import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the legitimate relationships an actor has with a patient at a time (care team
 * membership, an open referral to their organisation, registration), reading facts from the
 * transaction. Each concern contributes a source; {@link #anyOf} combines them.
 */
@FunctionalInterface
public interface CareRelationship {

    /**
     * The actor's relationships with the patient at {@code at}; empty if none.
     *
     * @param facts   a read-only view of the call's transaction
     * @param patient the patient
     * @param actor   who is acting
     * @param at      the time of the request
     * @return the relationships found
     */
    List<Relationship> relationships(AccessFacts facts, PatientId patient, Actor actor, Instant at);

    /** {@return a source that finds no relationships at all} */
    static CareRelationship none() {
        return (facts, patient, actor, at) -> List.of();
    }

    /**
     * Every relationship any of the sources finds.
     *
     * @param sources the sources to ask, in order
     * @return a source that returns what all of them find
     */
    static CareRelationship anyOf(CareRelationship... sources) {
        List<CareRelationship> all = List.of(sources);
        return (facts, patient, actor, at) -> {
            List<Relationship> found = new ArrayList<>();
            for (CareRelationship s : all) {
                found.addAll(s.relationships(facts, patient, actor, at));
            }
            return found;
        };
    }

}
