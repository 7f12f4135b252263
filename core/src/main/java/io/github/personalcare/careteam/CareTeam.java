package io.github.personalcare.careteam;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people involved in one patient's care: professionals, carers and family, each with a
 * membership period, and the lead professional who co-signs the care plan (R8). One care team per
 * patient. Memberships are never deleted, only ended, so the team's history stays readable.
 *
 * <p>Methods are pure: they return a new team or throw a typed exception.
 */
public record CareTeam(CareTeamId id, PatientId patient, List<ProfessionalMember> professionals,
        List<CarerMember> carers, Optional<MemberId> lead) {
    /** Most memberships one team may hold, ended ones included. */
    public static final int MAX_MEMBERS = 200;

    /**
     * Checks the team: id and patient are required, at most {@value #MAX_MEMBERS} professionals and
     * as many carers, member ids unique, and the lead, if any, is a professional on the team.
     *
     * @param id            the care team's id
     * @param patient       the patient whose care it is
     * @param professionals professional memberships, ended ones included
     * @param carers        carer, family and representative memberships, ended ones included
     * @param lead          the lead professional's membership, if appointed
     * @throws InvalidInputException if any of these does not hold
     */
    public CareTeam {
        Require.present("careTeam.id", id);
        Require.present("careTeam.patient", patient);
        professionals = Require.list("careTeam.professionals", professionals, MAX_MEMBERS);
        carers = Require.list("careTeam.carers", carers, MAX_MEMBERS);
        lead = lead == null ? Optional.empty() : lead;
        Set<MemberId> ids = new HashSet<>();
        professionals.forEach(m -> unique(ids, m.id()));
        carers.forEach(m -> unique(ids, m.id()));
        MemberId leadId = lead.orElse(null);
        if (leadId != null && professionals.stream().noneMatch(m -> m.id().equals(leadId))) {
            throw new InvalidInputException("careTeam.lead", "LEAD_PROFESSIONAL", "must be a professional on the team");
        }
    }

    private static void unique(Set<MemberId> ids, MemberId id) {
        if (!ids.add(id)) {
            throw new InvalidInputException("careTeam.members", "CARE_TEAM_MEMBER", "member ids must be unique");
        }
    }

    /**
     * A new team for the patient, with nobody on it yet.
     *
     * @param id      the new team's id
     * @param patient the patient
     * @return the team
     * @throws InvalidInputException if {@code id} or {@code patient} is missing
     */
    public static CareTeam establish(CareTeamId id, PatientId patient) {
        return new CareTeam(id, patient, List.of(), List.of(), Optional.empty());
    }

    /**
     * Adds a professional.
     *
     * @param member the membership to add
     * @return the new team
     * @throws RuleViolationException if the same user already has a membership in force
     *                                ({@code CARE_TEAM_MEMBER})
     * @throws InvalidInputException if {@code member} is missing, its id is already used, or the
     *                               team is full
     */
    public CareTeam withProfessional(ProfessionalMember member) {
        Require.present("member", member);
        rejectSecondActiveMembership(member.user(), member.period().start());
        List<ProfessionalMember> next = new ArrayList<>(professionals);
        next.add(member);
        return new CareTeam(id, patient, next, carers, lead);
    }

    /**
     * Adds a carer, family member or representative (R12: role and period are part of the member).
     *
     * @param member the membership to add
     * @return the new team
     * @throws RuleViolationException if the same user already has a membership in force
     * @throws InvalidInputException if {@code member} is missing, its id is already used, or the
     *                               team is full
     */
    public CareTeam withCarer(CarerMember member) {
        Require.present("member", member);
        rejectSecondActiveMembership(member.user(), member.period().start());
        List<CarerMember> next = new ArrayList<>(carers);
        next.add(member);
        return new CareTeam(id, patient, professionals, next, lead);
    }

    private void rejectSecondActiveMembership(UserId user, Instant at) {
        boolean active = professionals.stream().anyMatch(m -> m.user().equals(user) && m.activeAt(at))
                || carers.stream().anyMatch(m -> m.user().equals(user) && m.activeAt(at));
        if (active) {
            throw new RuleViolationException("CARE_TEAM_MEMBER", "this user is already a member of the care team");
        }
    }

    /**
     * Makes an active professional the lead professional (who co-signs the care plan, R8).
     *
     * @param member the professional's membership
     * @param at     the time of the command
     * @return the new team
     * @throws NotFoundException      if there is no such member
     * @throws RuleViolationException if the member is a carer or their membership has ended
     */
    public CareTeam withLead(MemberId member, Instant at) {
        ProfessionalMember p = professionals.stream().filter(m -> m.id().equals(member)).findFirst()
                .orElseThrow(() -> carers.stream().anyMatch(c -> c.id().equals(member))
                        ? new RuleViolationException("LEAD_PROFESSIONAL", "a carer cannot be the lead professional")
                        : new NotFoundException("CareTeamMember", member.toString()));
        if (!p.activeAt(at)) {
            throw new RuleViolationException("LEAD_PROFESSIONAL", "the lead must be a current member");
        }
        return new CareTeam(id, patient, professionals, carers, Optional.of(member));
    }

    /**
     * Ends a membership at {@code at}; ending the lead's membership leaves the team without a lead.
     *
     * @param member the membership to end
     * @param at     when it ends
     * @return the new team
     * @throws NotFoundException      if there is no such member
     * @throws RuleViolationException if the membership is not in force
     */
    public CareTeam endMembership(MemberId member, Instant at) {
        List<ProfessionalMember> ps = new ArrayList<>(professionals);
        List<CarerMember> cs = new ArrayList<>(carers);
        boolean found = false;
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).id().equals(member)) {
                requireActive(ps.get(i).activeAt(at));
                ps.set(i, ps.get(i).endedAt(at));
                found = true;
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).id().equals(member)) {
                requireActive(cs.get(i).activeAt(at));
                cs.set(i, cs.get(i).endedAt(at));
                found = true;
            }
        }
        if (!found) {
            throw new NotFoundException("CareTeamMember", member.toString());
        }
        Optional<MemberId> nextLead = lead.filter(l -> !l.equals(member));
        return new CareTeam(id, patient, ps, cs, nextLead);
    }

    private static void requireActive(boolean active) {
        if (!active) {
            throw new RuleViolationException("CARE_TEAM_MEMBER", "the membership is not in force");
        }
    }

    /**
     * Records that the patient agreed to the carer's involvement in their care planning (R12).
     *
     * @param member the carer's membership
     * @param at     when the patient agreed
     * @return the new team
     * @throws NotFoundException      if there is no such carer
     * @throws RuleViolationException if the membership is not in force
     */
    public CareTeam withCarerAgreement(MemberId member, Instant at) {
        List<CarerMember> cs = new ArrayList<>(carers);
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).id().equals(member)) {
                requireActive(cs.get(i).activeAt(at));
                cs.set(i, cs.get(i).agreedAt(at));
                return new CareTeam(id, patient, professionals, cs, lead);
            }
        }
        throw new NotFoundException("CareTeamCarer", member.toString());
    }

    /**
     * The user's professional membership in force at {@code at}, if any.
     *
     * @param user the user
     * @param at   the time asked about
     * @return the membership, or empty if the user is not a professional member then
     */
    public Optional<ProfessionalMember> professional(UserId user, Instant at) {
        return professionals.stream().filter(m -> m.user().equals(user) && m.activeAt(at)).findFirst();
    }

    /**
     * The user's carer membership in force at {@code at} (involvement agreed or not), if any.
     *
     * @param user the user
     * @param at   the time asked about
     * @return the membership, or empty if the user is not a carer member then
     */
    public Optional<CarerMember> carer(UserId user, Instant at) {
        return carers.stream().filter(m -> m.user().equals(user) && m.activeAt(at)).findFirst();
    }

    /**
     * The lead professional at {@code at}, if one is appointed and still a member.
     *
     * @param at the time asked about
     * @return the lead's membership, or empty if there is no lead in force then
     */
    public Optional<ProfessionalMember> leadAt(Instant at) {
        return lead.flatMap(l -> professionals.stream().filter(m -> m.id().equals(l) && m.activeAt(at)).findFirst());
    }

    /**
     * {@return whether the member exists on the team and is in force at {@code at}}
     *
     * @param member the membership
     * @param at     the time asked about
     */
    public boolean hasActiveMember(MemberId member, Instant at) {
        return professionals.stream().anyMatch(m -> m.id().equals(member) && m.activeAt(at))
                || carers.stream().anyMatch(m -> m.id().equals(member) && m.activeAt(at));
    }

    /**
     * {@return the ids of every membership in force at {@code at}: professionals first, then
     * carers}
     *
     * @param at the time asked about
     */
    public List<MemberId> activeMembersAt(Instant at) {
        List<MemberId> ids = new ArrayList<>();
        professionals.stream().filter(m -> m.activeAt(at)).forEach(m -> ids.add(m.id()));
        carers.stream().filter(m -> m.activeAt(at)).forEach(m -> ids.add(m.id()));
        return List.copyOf(ids);
    }
}
