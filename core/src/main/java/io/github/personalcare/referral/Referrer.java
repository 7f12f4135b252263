package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

/**
 * The professional who made the referral and the organisation they referred from.
 *
 * @param user         the referring professional's user id
 * @param organisation the ODS code of the organisation they referred from
 */
public record Referrer(UserId user, OdsCode organisation) {
    /**
     * Checks both components are present.
     *
     * @param user         the referring professional's user id
     * @param organisation the ODS code of the organisation they referred from
     * @throws InvalidInputException if either is missing
     */
    public Referrer {
        Require.present("referrer.user", user);
        Require.present("referrer.organisation", organisation);
    }
}
