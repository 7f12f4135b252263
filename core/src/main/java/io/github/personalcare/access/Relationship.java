package io.github.personalcare.access;

import io.github.personalcare.internal.check.Require;

/**
 * One legitimate relationship between an actor and a patient, with the record that establishes it
 * ({@code "CareTeam/<id>"}, {@code "Referral/<id>"}, {@code "Patient/<id>"}) so a decision can
 * name its source.
 */
public record Relationship(RelationshipKind kind, String source) {
    public Relationship {
        Require.present("kind", kind);
        Require.text("source", source, Require.SHORT_TEXT);
    }

    /** True for relationships held by professionals (not carers). */
    public boolean isProfessional() {
        return kind != RelationshipKind.CARER && kind != RelationshipKind.CARER_WITH_PROXY;
    }
}
