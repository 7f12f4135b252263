package io.github.personalcare.careplan;

import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.PatientFlag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a care plan, once the access guard has let them in. Pure: decides from the
 * actor, the patient and the care team.
 *
 * <ul>
 *   <li>The patient, a professional, or a carer holding proxy rights or an applicable legal authority may draft,
 *       propose, return to draft, start a review and end the plan (R9).</li>
 *   <li>Any carer whose involvement the patient agreed to may also edit a draft (R12).</li>
 *   <li>Only a professional may mark a plan entered in error (R13).</li>
 *   <li>The person's agreement comes from the patient (16 or over, or Gillick competent, and not
 *       flagged as lacking capacity) or from a representative whose recorded authority applies;
 *       never from a professional (R8, R46).</li>
 *   <li>Only the care team's lead professional co-signs (R8).</li>
 * </ul>
 */
public final class CarePlanAuthorship {

    /** How the actor takes part in this patient's care planning. */
    public enum Participant {
        /** The patient themself. */
        PATIENT,
        /** A professional (the access guard has already checked their relationship). */
        PROFESSIONAL,
        /** A carer with proxy rights or a legal authority that applies now: may author the plan (R9). */
        PROXY,
        /** A carer whose involvement the patient agreed to: may edit a draft (R12). */
        CARER,
        /** Anyone else: takes no part. */
        NONE
    }

    private static final Set<Participant> AUTHORS = EnumSet.of(Participant.PATIENT, Participant.PROFESSIONAL,
            Participant.PROXY);
    private static final Set<Participant> EDITORS = EnumSet.of(Participant.PATIENT, Participant.PROFESSIONAL,
            Participant.PROXY, Participant.CARER);

    private CarePlanAuthorship() {
    }

    /**
     * Classifies the actor for the patient at {@code at} ({@code today} is the date of {@code at}).
     *
     * @param actor   who is acting
     * @param patient the patient whose plan it is
     * @param team    the patient's care team, if they have one
     * @param at      the time of the command
     * @param today   the date of {@code at} in England
     * @return how the actor takes part, {@link Participant#NONE} if not at all
     */
    public static Participant participant(Actor actor, Patient patient, Optional<CareTeam> team, Instant at,
            LocalDate today) {
        if (actor instanceof Actor.PatientActor self) {
            return self.patient().equals(patient.id()) ? Participant.PATIENT : Participant.NONE;
        }
        if (actor instanceof Actor.Professional) {
            return Participant.PROFESSIONAL;
        }
        if (actor instanceof Actor.Carer c) {
            Optional<CarerMember> member = team.flatMap(t -> t.carer(c.user(), at))
                    .filter(m -> m.involvedAt(at, patient, today));
            if (member.isEmpty()) {
                return Participant.NONE;
            }
            return member.get().proxy() || member.get().authorityFor(patient, today).isPresent() ? Participant.PROXY
                    : Participant.CARER;
        }
        return Participant.NONE;
    }

    /**
     * Checks the actor may carry out {@code command} other than agreeing or co-signing.
     *
     * @param command the command
     * @param who     how the actor takes part
     * @throws RuleViolationException with rule R9, R12 or R13 if not
     */
    public static void requireMay(PlanCommand command, Participant who) {
        boolean allowed = switch (command) {
            case EDIT -> EDITORS.contains(who);
            case PROPOSE, RETURN_TO_DRAFT, START_REVIEW, END -> AUTHORS.contains(who);
            case ENTER_IN_ERROR -> who == Participant.PROFESSIONAL;
            case AGREE, CO_SIGN -> false;
        };
        if (!allowed) {
            String rule = switch (command) {
                case EDIT -> "R12";
                case ENTER_IN_ERROR -> "R13";
                default -> "R9";
            };
            throw new RuleViolationException(rule, who + " may not " + command + " a care plan");
        }
    }

    /**
     * Checks the actor may draft a new plan (R9).
     *
     * @param who how the actor takes part
     * @throws RuleViolationException with rule R9 if they may not
     */
    public static void requireMayDraft(Participant who) {
        if (!AUTHORS.contains(who)) {
            throw new RuleViolationException("R9", who + " may not draft a care plan");
        }
    }

    /**
     * The person's agreement by this actor (R8).
     *
     * @param actor   who is acting
     * @param patient the patient whose plan it is
     * @param team    the patient's care team, if they have one
     * @param at      the time of the agreement
     * @param today   the date of {@code at} in England
     * @return the signature, of the patient or of a representative with the authority named
     * @throws RuleViolationException with rule R8 if the actor cannot agree for the person
     */
    public static Signature personAgreement(Actor actor, Patient patient, Optional<CareTeam> team, Instant at,
            LocalDate today) {
        if (actor instanceof Actor.PatientActor self && self.patient().equals(patient.id())) {
            boolean competent = !patient.has(PatientFlag.LACKS_CAPACITY)
                    && (patient.ageOn(today) >= AuthorityKind.AGE_OF_PRESUMED_COMPETENCE
                        || patient.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, today).isPresent());
            if (!competent) {
                throw new RuleViolationException("R8",
                        "the patient cannot agree alone; a representative with recorded authority must agree");
            }
            return new Signature(SignatoryKind.PATIENT, actor.reference(), Optional.empty(), at);
        }
        if (actor instanceof Actor.Carer c) {
            Optional<AuthorityKind> authority = team.flatMap(t -> t.carer(c.user(), at))
                    .flatMap(m -> m.authorityFor(patient, today));
            if (authority.isEmpty()) {
                throw new RuleViolationException("R8",
                        "a carer may agree only as a representative whose recorded authority applies");
            }
            return new Signature(SignatoryKind.REPRESENTATIVE, actor.reference(), authority, at);
        }
        throw new RuleViolationException("R8",
                "agreement must come from the patient or their representative; a professional alone cannot agree");
    }

    /**
     * The lead professional's co-signature by this actor (R8).
     *
     * @param actor who is acting
     * @param team  the patient's care team, if they have one
     * @param at    the time of the co-signature
     * @return the lead professional's signature
     * @throws RuleViolationException with rule R8 if the actor is not the care team's lead
     *                                professional
     */
    public static Signature leadCoSignature(Actor actor, Optional<CareTeam> team, Instant at) {
        if (actor instanceof Actor.Professional p
                && team.flatMap(t -> t.leadAt(at)).map(l -> l.user().equals(p.user())).orElse(false)) {
            return new Signature(SignatoryKind.LEAD_PROFESSIONAL, actor.reference(), Optional.empty(), at);
        }
        throw new RuleViolationException("R8", "only the care team's lead professional co-signs a care plan");
    }
}
