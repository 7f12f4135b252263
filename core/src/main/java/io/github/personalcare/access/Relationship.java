package io.github.personalcare.access;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * One legitimate relationship between an actor and a patient, with the record that establishes it
 * ({@code "CareTeam/<id>"}, {@code "Referral/<id>"}, {@code "Patient/<id>"}) so a decision can
 * name its source.
 */
public record Relationship(RelationshipKind kind, String source) {
    /**
     * Checks both components.
     *
     * @param kind   the kind of relationship
     * @param source the record that establishes it, such as {@code "CareTeam/<id>"}
     * @throws InvalidInputException if {@code kind} is missing or {@code source} is blank or longer
     *                               than 200 characters
     */
    public Relationship {
        Require.present("kind", kind);
        Require.text("source", source, Require.SHORT_TEXT);
    }

    /** {@return whether the relationship is held by a professional, not a carer} */
    public boolean isProfessional() {
        return kind != RelationshipKind.CARER && kind != RelationshipKind.CARER_WITH_PROXY;
    }
}
