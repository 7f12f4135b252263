package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careteam.AuthorityKind;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded agreement or co-signature (R8): who signed (kind and the actor's non-personal
 * reference), the authority a representative relied on, and when.
 */
public record Signature(SignatoryKind kind, String actor, Optional<AuthorityKind> authority, Instant at) {
    /**
     * Checks the signature (R8); an absent authority becomes empty. The actor is short text.
     *
     * @param kind      who signed: the patient, a representative or the lead professional
     * @param actor     the signer's non-personal reference ({@code Actor.reference()})
     * @param authority the authority a representative relied on
     * @param at        when it was signed
     * @throws InvalidInputException if a representative's authority is missing or another kind has
     *                               one
     */
    public Signature {
        Require.present("signature.kind", kind);
        actor = Require.text("signature.actor", actor, Require.SHORT_TEXT);
        authority = authority == null ? Optional.empty() : authority;
        Require.present("signature.at", at);
        if ((kind == SignatoryKind.REPRESENTATIVE) != authority.isPresent()) {
            throw new InvalidInputException("signature.authority", "R8",
                    "a representative's signature needs a recorded authority, and only theirs");
        }
    }

    /** True for the person's side of the agreement (patient or representative). */
    boolean forThePerson() {
        return kind != SignatoryKind.LEAD_PROFESSIONAL;
    }
}
