package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;

/** The professional who made the referral and the organisation they referred from. */
public record Referrer(UserId user, OdsCode organisation) {
    public Referrer {
        Require.present("referrer.user", user);
        Require.present("referrer.organisation", organisation);
    }
}
