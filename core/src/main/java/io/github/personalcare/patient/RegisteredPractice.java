package io.github.personalcare.patient;

import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.spi.CareRelationship;

import java.time.Instant;
import java.util.List;

/**
 * The relationship of a professional whose organisation is the patient's registered GP practice
 * (R39): one source of legitimate relationships for the access policy.
 */
public final class RegisteredPractice implements CareRelationship {

    /** The relationship source for registered practices. */
    public RegisteredPractice() {
    }

    @Override
    public List<Relationship> relationships(AccessFacts facts, PatientId patient, Actor actor, Instant at) {
        if (!(actor instanceof Actor.Professional p)) {
            return List.of();
        }
        return facts.find(PatientStores.PATIENTS, patient)
                .filter(record -> record.registeredPractice().map(p.organisation()::equals).orElse(false))
                .map(record -> List.of(new Relationship(RelationshipKind.REGISTERED_PRACTICE, "Patient/" + patient)))
                .orElse(List.of());
    }
}
