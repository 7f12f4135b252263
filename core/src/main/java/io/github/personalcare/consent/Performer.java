package io.github.personalcare.consent;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

/**
 * Who gave the consent ({@code Consent.performer}): the patient themself, or a representative
 * acting under a recorded {@link LegalAuthority}. Whether the giver could give it is decided by
 * age and competence when the consent is evaluated (R46, R47).
 */
public sealed interface Performer permits Performer.PatientSelf, Performer.Representative {

    /** {@return the performer for a consent the patient gave} */
    static PatientSelf patient() {
        return new PatientSelf();
    }

    /**
     * A representative acting under an authority.
     *
     * @param user      the representative's user id
     * @param authority the authority they act under
     * @return the performer
     * @throws InvalidInputException if either is missing
     */
    static Representative representative(UserId user, LegalAuthority authority) {
        return new Representative(user, authority);
    }

    /** The patient gave the consent. */
    record PatientSelf() implements Performer {
    }

    /**
     * A representative (parent, attorney, deputy, clinician deciding in best interests) gave it.
     *
     * @param user      the representative's user id
     * @param authority the authority they act under
     */
    record Representative(UserId user, LegalAuthority authority) implements Performer {
        /**
         * Checks both components are present.
         *
         * @param user      the representative's user id
         * @param authority the authority they act under
         * @throws InvalidInputException if either is missing
         */
        public Representative {
            Require.present("performer.user", user);
            Require.present("performer.authority", authority);
        }
    }
}
