package io.github.personalcare.careteam;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;

/**
 * A professional on the care team: their user id (what an acting
 * {@link io.github.personalcare.access.Actor.Professional} is matched by), role, organisation (ODS
 * code) and membership period.
 */
public record ProfessionalMember(MemberId id, UserId user, ProfessionalRole role, OdsCode organisation,
        MembershipPeriod period) {
    /**
     * Checks every component is present.
     *
     * @param id           the membership's id
     * @param user         the professional's user id
     * @param role         the role they act in
     * @param organisation the organisation they act for
     * @param period       when the membership is in force
     * @throws InvalidInputException if a component is missing
     */
    public ProfessionalMember {
        Require.present("member.id", id);
        Require.present("member.user", user);
        Require.present("member.role", role);
        Require.present("member.organisation", organisation);
        Require.present("member.period", period);
    }

    /**
     * {@return whether the membership is in force at {@code at}}
     *
     * @param at the time asked about
     */
    public boolean activeAt(Instant at) {
        return period.covers(at);
    }

    ProfessionalMember endedAt(Instant at) {
        return new ProfessionalMember(id, user, role, organisation, period.endedAt(at));
    }
}
