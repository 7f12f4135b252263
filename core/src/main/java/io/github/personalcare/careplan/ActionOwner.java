package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careteam.MemberId;

import java.util.Optional;

/**
 * Who carries out an action: the patient themself, or a member of their care team (a
 * professional or a carer). A member owner must be on the care team when the plan is saved.
 */
public record ActionOwner(Kind kind, Optional<MemberId> member) {
    /** The kinds of owner. */
    public enum Kind {
        /** The patient carries out the action. */
        PATIENT,
        /** A member of the care team (a professional or a carer) carries it out. */
        CARE_TEAM_MEMBER
    }

    /**
     * Checks the owner; an absent member becomes empty.
     *
     * @param kind   the patient or a care team member
     * @param member the member, for a care team member owner
     * @throws InvalidInputException if a member owner has no member, or the patient owner has one
     */
    public ActionOwner {
        Require.present("action.owner.kind", kind);
        member = member == null ? Optional.empty() : member;
        if (kind == Kind.CARE_TEAM_MEMBER && member.isEmpty()) {
            throw new InvalidInputException("action.owner.member", "REQUIRED", "is required for a care team member");
        }
        if (kind == Kind.PATIENT && member.isPresent()) {
            throw new InvalidInputException("action.owner.member", "OWNER", "must be empty when the patient owns the action");
        }
    }

    /** {@return the owner for an action the patient carries out} */
    public static ActionOwner patient() {
        return new ActionOwner(Kind.PATIENT, Optional.empty());
    }

    /**
     * A care team member (professional or carer) owns the action.
     *
     * @param member the care team membership
     * @return the owner
     * @throws InvalidInputException if {@code member} is missing
     */
    public static ActionOwner member(MemberId member) {
        return new ActionOwner(Kind.CARE_TEAM_MEMBER, Optional.of(Require.present("action.owner.member", member)));
    }
}
