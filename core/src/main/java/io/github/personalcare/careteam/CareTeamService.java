package io.github.personalcare.careteam;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Who is involved in a person's care: establishing the care team, adding professionals and carers,
 * recording the patient's agreement to a carer's involvement, appointing the lead professional and
 * ending memberships. Every method runs through the access guard (audited) and saves the team,
 * the audit record and a {@link CareTeamEvent} in one transaction; writers pass the storage version
 * they read. Only the patient and professionals change the team; carers may view it.
 *
 * <p>A command on an existing team reads, by its internal id and in the command's own transaction,
 * which patient it belongs to, so the guard decides for that patient. An unknown id is decided as a
 * request about the population: a caller who may not make it is denied ({@code AccessDeniedException},
 * audited), and only a caller who may is told {@link io.github.personalcare.lang.NotFoundException},
 * audited {@code NOT_FOUND}, so an id never reveals whether it exists to someone who may not know.
 *
 * <pre>{@code
 * Versioned<CareTeam> team = care.careTeams().establish(gp, patientId);
 * team = care.careTeams().addProfessional(gp, team.value().id(), UserId.of("GP-1"),
 *         ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), team.version());
 * MemberId lead = team.value().professionals().get(0).id();
 * team = care.careTeams().appointLead(gp, team.value().id(), lead, team.version());
 * }</pre>
 *
 * <p>Rules: R12 (carers have a role and a period; their involvement needs the patient's recorded
 * agreement or a legal authority), R39 (membership is a legitimate relationship). Thread-safe.
 */
public final class CareTeamService {
    private static final Logger log = LoggerFactory.getLogger(CareTeamService.class);

    private final AccessGuard guard;
    private final GuardedAggregates<CareTeamId, CareTeam> teams;

    static {
        ServiceWiring.register(CareTeamService.class, w -> new CareTeamService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    CareTeamService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
        this.teams = new GuardedAggregates<>(guard, CareTeamStores.TEAMS, DataClass.CARE_TEAM, "CareTeam");
    }

    /**
     * Establishes the patient's care team, empty. One team per patient.
     *
     * @param ctx     who asks: the patient or a professional
     * @param patient the patient whose care team it is
     * @return the new, empty care team at version 1
     * @throws RuleViolationException if the patient already has a care team ({@code CARE_TEAM_UNIQUE})
     *                                or a carer tries to establish it
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not create the care team (audited)
     */
    public Versioned<CareTeam> establish(AccessContext ctx, PatientId patient) {
        CareTeamId id = CareTeamId.random();
        Versioned<CareTeam> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.CARE_TEAM,
                "careteam.establish", "CareTeam/" + id), p -> {
            requireMayChange(p);
            if (CareTeamStores.forPatient(p.tx(), patient).isPresent()) {
                throw new RuleViolationException("CARE_TEAM_UNIQUE", "the patient already has a care team");
            }
            CareTeam team = CareTeam.establish(id, patient);
            long version = p.tx().aggregates(CareTeamStores.TEAMS).insert(team);
            publish(p, team, CareTeamEvent.Change.ESTABLISHED, Optional.empty());
            return new Versioned<>(team, version);
        });
        log.info("care team {} established", id);
        return saved;
    }

    /**
     * Adds a professional to the team from now on.
     *
     * @param ctx             who asks: the patient or a professional
     * @param id              the care team's id
     * @param user            the professional's user id
     * @param role            the role they act in
     * @param organisation    the organisation they act for
     * @param expectedVersion the version read
     * @return the team at its new version, with the professional's membership in force from now
     * @throws RuleViolationException if the user already has a membership in force
     * @throws RuleViolationException with {@code CARE_TEAM_AUTHOR} if the caller is neither the patient nor a
     *                                professional
     * @throws io.github.personalcare.lang.InvalidInputException if the user, role or organisation is missing, or the
     *                                                           team is full
     * @throws io.github.personalcare.lang.VersionConflictException if the team is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such team (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the team (audited)
     */
    public Versioned<CareTeam> addProfessional(AccessContext ctx, CareTeamId id, UserId user, ProfessionalRole role,
            OdsCode organisation, long expectedVersion) {
        MemberId member = MemberId.random();
        return change(ctx, id, expectedVersion, "careteam.addProfessional", CareTeamEvent.Change.PROFESSIONAL_ADDED,
                member, (team, p) -> team.withProfessional(new ProfessionalMember(member, user, role, organisation,
                        MembershipPeriod.from(p.now()))));
    }

    /**
     * Adds a carer, family member or representative from now on (R12: a role and a period). When
     * the patient adds the carer themself, their agreement to the carer's involvement is recorded
     * at once; otherwise the carer takes part only once the patient records agreement
     * ({@link #recordCarerAgreement}) or when a legal {@code authority} is recorded.
     *
     * @param ctx             who asks: the patient or a professional
     * @param id              the care team's id
     * @param user            the carer's user id, which the carer acting later is matched by
     * @param role            their role, such as unpaid carer or advocate
     * @param relationship    the carer's relationship to the patient in words ("daughter"); personal data, never logged
     *                        or put in events
     * @param proxy           whether the carer holds proxy rights (acting for the patient)
     * @param authority       a legal authority the carer holds, checked by the supplier before recording
     * @param expectedVersion the version read
     * @return the team at its new version, with the carer's membership in force from now
     * @throws RuleViolationException if the user already has a membership in force, or with {@code CARE_TEAM_AUTHOR} if
     *                                the caller is neither the patient nor a professional
     * @throws io.github.personalcare.lang.InvalidInputException if the user or role is missing, the relationship is
     *                                                           blank or too long, or the team is full
     * @throws io.github.personalcare.lang.VersionConflictException if the team is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such team (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the team (audited)
     */
    public Versioned<CareTeam> addCarer(AccessContext ctx, CareTeamId id, UserId user, CarerRole role,
            String relationship, boolean proxy, Optional<AuthorityKind> authority, long expectedVersion) {
        MemberId member = MemberId.random();
        return change(ctx, id, expectedVersion, "careteam.addCarer", CareTeamEvent.Change.CARER_ADDED, member,
                (team, p) -> team.withCarer(new CarerMember(member, user, role, relationship, proxy, authority,
                        isPatientThemself(p, team) ? Optional.of(p.now()) : Optional.empty(),
                        MembershipPeriod.from(p.now()))));
    }

    /**
     * Records the patient's agreement to a carer's involvement in their care planning (R12). Only
     * the patient themself records it.
     *
     * @param ctx             who asks: the patient themself
     * @param id              the care team's id
     * @param carer           the carer's membership
     * @param expectedVersion the version read
     * @return the team at its new version, with the agreement recorded
     * @throws RuleViolationException if the actor is not the patient (R12)
     * @throws RuleViolationException with {@code CARE_TEAM_AUTHOR} if the caller is neither the patient nor a
     *                                professional
     * @throws NotFoundException if the caller may ask and there is no such team, or there is no such carer in it
     *                           (audited)
     * @throws io.github.personalcare.lang.VersionConflictException if the team is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the team (audited)
     */
    public Versioned<CareTeam> recordCarerAgreement(AccessContext ctx, CareTeamId id, MemberId carer,
            long expectedVersion) {
        Require.present("carer", carer);
        return change(ctx, id, expectedVersion, "careteam.carerAgreement", CareTeamEvent.Change.CARER_AGREEMENT_RECORDED,
                carer, (team, p) -> {
                    if (!isPatientThemself(p, team)) {
                        throw new RuleViolationException("R12", "only the patient records agreement to a carer's involvement");
                    }
                    return team.withCarerAgreement(carer, p.now());
                });
    }

    /**
     * Appoints the lead professional, who co-signs the care plan (R8).
     *
     * @param ctx             who asks: the patient or a professional
     * @param id              the care team's id
     * @param member          the membership of the professional to appoint
     * @param expectedVersion the version read
     * @return the team at its new version, with its new lead professional
     * @throws RuleViolationException if the member is not a professional in force
     * @throws RuleViolationException with {@code CARE_TEAM_AUTHOR} if the caller is neither the patient nor a
     *                                professional
     * @throws NotFoundException if the caller may ask and there is no such team, or there is no such member in it
     *                           (audited)
     * @throws io.github.personalcare.lang.VersionConflictException if the team is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the team (audited)
     */
    public Versioned<CareTeam> appointLead(AccessContext ctx, CareTeamId id, MemberId member, long expectedVersion) {
        Require.present("member", member);
        return change(ctx, id, expectedVersion, "careteam.appointLead", CareTeamEvent.Change.LEAD_APPOINTED, member,
                (team, p) -> team.withLead(member, p.now()));
    }

    /**
     * Ends a membership now; the history is kept.
     *
     * @param ctx             who asks: the patient or a professional
     * @param id              the care team's id
     * @param member          the membership to end
     * @param expectedVersion the version read
     * @return the team at its new version, with the membership ended (and no lead, if it was the lead's)
     * @throws RuleViolationException if the membership is not in force, or with {@code CARE_TEAM_AUTHOR} if the caller
     *                                is neither the patient nor a professional
     * @throws NotFoundException if the caller may ask and there is no such team, or there is no such member in it
     *                           (audited)
     * @throws io.github.personalcare.lang.VersionConflictException if the team is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the team (audited)
     */
    public Versioned<CareTeam> endMembership(AccessContext ctx, CareTeamId id, MemberId member, long expectedVersion) {
        Require.present("member", member);
        return change(ctx, id, expectedVersion, "careteam.endMembership", CareTeamEvent.Change.MEMBERSHIP_ENDED,
                member, (team, p) -> team.endMembership(member, p.now()));
    }

    /**
     * The care team with its storage version: who is involved in the patient's care.
     *
     * @param ctx who asks, for what purpose
     * @param id  the care team's id
     * @return the care team with its storage version
     * @throws NotFoundException if the caller may ask and there is no such team (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the team (audited)
     */
    public Versioned<CareTeam> get(AccessContext ctx, CareTeamId id) {
        return teams.read(ctx, id, "careteam.read", (p, v) -> v);
    }

    /**
     * The patient's care team, if one is established.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the patient's care team with its storage version, or empty if none is established
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the care team (audited)
     */
    public Optional<Versioned<CareTeam>> forPatient(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CARE_TEAM, "careteam.read",
                "Patient/" + patient), p -> CareTeamStores.forPatient(p.tx(), patient));
    }

    private Versioned<CareTeam> change(AccessContext ctx, CareTeamId id, long expectedVersion, String auditAction,
            CareTeamEvent.Change change, MemberId member, BiFunction<CareTeam, Permitted, CareTeam> apply) {
        Versioned<CareTeam> saved = teams.change(ctx, id, expectedVersion, AccessAction.CORRECT, auditAction,
                (p, stored) -> {
                    requireMayChange(p);
                    CareTeam next = apply.apply(stored, p);
                    publish(p, next, change, Optional.of(member));
                    return next;
                });
        log.info("care team {} {}: member {}, storage version {}", id, change, member, saved.version());
        return saved;
    }

    private static void requireMayChange(Permitted p) {
        Actor actor = p.context().actor();
        if (!(actor instanceof Actor.PatientActor) && !(actor instanceof Actor.Professional)) {
            throw new RuleViolationException("CARE_TEAM_AUTHOR", "only the patient or a professional changes the care team");
        }
    }

    private static boolean isPatientThemself(Permitted p, CareTeam team) {
        return p.context().actor() instanceof Actor.PatientActor self && self.patient().equals(team.patient());
    }

    private static void publish(Permitted p, CareTeam team, CareTeamEvent.Change change, Optional<MemberId> member) {
        p.tx().outbox().publish(new CareTeamEvent.Changed(UUID.randomUUID(), p.now(), team.patient(), team.id().value(),
                change, member.map(MemberId::value)));
    }
}
