package io.github.personalcare.careteam;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;

import java.time.Instant;

/**
 * A professional on the care team: their user id (what an acting
 * {@link io.github.personalcare.access.Actor.Professional} is matched by), role, organisation (ODS
 * code) and membership period.
 */
public record ProfessionalMember(MemberId id, UserId user, ProfessionalRole role, OdsCode organisation,
        MembershipPeriod period) {
    public ProfessionalMember {
        Require.present("member.id", id);
        Require.present("member.user", user);
        Require.present("member.role", role);
        Require.present("member.organisation", organisation);
        Require.present("member.period", period);
    }

    /** True if the membership is in force at {@code at}. */
    public boolean activeAt(Instant at) {
        return period.covers(at);
    }

    ProfessionalMember endedAt(Instant at) {
        return new ProfessionalMember(id, user, role, organisation, period.endedAt(at));
    }
}
