package io.github.personalcare.careplan;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.ChangeHooks;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.careplan.CarePlanAuthorship.Participant;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Personalised care and support plans: drafting with the person and their carers, proposing,
 * agreement by the person and co-signature by the lead professional, reviews that produce new
 * versions, and the queries that find plans due for review. Every method runs through the access
 * guard (audited) and saves the plan, the audit record and the outbox events in one transaction;
 * writers pass the storage version they read and a stale one throws
 * {@link VersionConflictException}. A refused command stores nothing.
 *
 * <p>A command on an existing plan reads, by its internal id and in the command's own transaction,
 * which patient it belongs to, so the guard decides for that patient. An unknown id is decided as a
 * request about the population: a caller who may not make it is denied ({@code AccessDeniedException},
 * audited), and only a caller who may is told {@link io.github.personalcare.lang.NotFoundException},
 * audited {@code NOT_FOUND}, so an id never reveals whether it exists to someone who may not know.
 *
 * <pre>{@code
 * Versioned<CarePlan> draft = care.carePlans().draft(patientCtx, patientId, content);
 * Versioned<CarePlan> proposed = care.carePlans().propose(patientCtx, draft.value().id(), draft.version());
 * Versioned<CarePlan> agreed = care.carePlans().agree(patientCtx, planId, proposed.version());
 * agreed = care.carePlans().coSign(leadCtx, planId, agreed.version());   // now AGREED, version 1
 * }</pre>
 *
 * <p>Rules: R6 (one current agreed plan), R7 (complete content and future review date to agree),
 * R8 (the person's agreement and the lead professional's co-signature), R9 (who may draft and
 * view), R10 (agreed versions immutable), R11 (review dates), R12 (carers), R13 (FHIR status,
 * entered in error). Thread-safe.
 */
public final class CarePlanService {
    private static final Logger log = LoggerFactory.getLogger(CarePlanService.class);

    private final AccessGuard guard;
    private final GuardedAggregates<CarePlanId, CarePlan> plans;
    private final ZoneId zone;
    private final ChangeHooks hooks;

    static {
        ServiceWiring.register(CarePlanService.class, w -> new CarePlanService(w.guard(),
                w.option(ChangeHooks.class).orElseGet(ChangeHooks::new)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    CarePlanService(AccessGuard guard, ChangeHooks hooks) {
        this.guard = Require.present("guard", guard);
        this.hooks = Require.present("hooks", hooks);
        this.plans = new GuardedAggregates<>(guard, CarePlanStores.PLANS, DataClass.CARE_PLAN, "CarePlan");
        this.zone = guard.clock().getZone();
    }

    /** What a command is decided on, read in its transaction. */
    private record Facts(Patient patient, Optional<CareTeam> team, Participant participant, Instant now, LocalDate today,
            Set<SensitivityLabel> withheld) {
    }

    /**
     * Drafts a new plan for the patient. The patient, a professional, or a carer with proxy rights or
     * recorded authority may draft (R9). A patient has at most one open plan: to change an agreed
     * plan, start a review of it (R6).
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient whose plan it is
     * @param content the plan's content: what matters to the person, goals, actions, support and review arrangements
     * @return the draft plan at version 1, as the caller may see it (R48)
     * @throws RuleViolationException if the patient already has an open plan (R6), the actor may not
     *                                draft (R9) or the patient has died ({@code DECEASED})
     * @throws InvalidInputException  if the review date is past or an action owner is not on the care team
     * @throws io.github.personalcare.access.AccessDeniedException if the guard denies
     */
    public Versioned<CarePlan> draft(AccessContext ctx, PatientId patient, CarePlanContent content) {
        Require.present("content", content);
        CarePlanId id = CarePlanId.random();
        Versioned<CarePlan> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.CARE_PLAN,
                "careplan.draft", "CarePlan/" + id), p -> {
            Facts f = facts(p, patient);
            CarePlanAuthorship.requireMayDraft(f.participant());
            if (f.patient().isDeceasedOn(f.today())) {
                throw new RuleViolationException("DECEASED", "the patient has died; no new plan can be drafted");
            }
            if (!CarePlanStores.open(p.tx(), patient).isEmpty()) {
                throw new RuleViolationException("R6", "the patient already has an open care plan; review it instead");
            }
            requireOwnersOnTeam(content, f, p);
            CarePlan plan = CarePlan.draft(id, patient, content, p.now(), f.today());
            long version = p.tx().aggregates(CarePlanStores.PLANS).insert(plan);
            p.tx().outbox().publish(new CarePlanEvent.Drafted(UUID.randomUUID(), p.now(), patient, id.value()));
            return visible(p, new Versioned<>(plan, version));
        });
        log.info("care plan {} drafted", id);
        return saved;
    }

    /**
     * Replaces the working content of a draft or of a plan under review. Carers whose involvement
     * the patient agreed to may edit (R12). An agreed or proposed version cannot be edited (R10).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the plan's id
     * @param content         the new working content; entries withheld from the caller (R48) are kept as stored
     * @param expectedVersion the version read
     * @return the plan at its new version, as the caller may see it (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is a draft or under review
     * @throws InvalidInputException    if the review date is past or an action owner is not on the care team
     * @throws VersionConflictException if {@code expectedVersion} is stale
     * @throws RuleViolationException with R12 if the caller may not edit the plan, or {@code DECEASED} if the patient
     *                                has died
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> edit(AccessContext ctx, CarePlanId id, CarePlanContent content, long expectedVersion) {
        Require.present("content", content);
        return change(ctx, id, expectedVersion, PlanCommand.EDIT, (plan, f) -> plan.edit(content.keepingWithheld(plan.content(), f.withheld()), f.today()),
                (f, p) -> requireOwnersOnTeam(content, f, p));
    }

    /**
     * Proposes the plan for agreement and freezes its content (R10). The content must be complete
     * (R7). The care team members in force are recorded in the plan's care team section.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan, proposed, at its new version, as the caller may see it (R48)
     * @throws InvalidInputException naming the first missing section (R7)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is a draft or under review
     * @throws RuleViolationException with R9 if the caller may not propose the plan, or {@code DECEASED} if the patient
     *                                has died
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> propose(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.PROPOSE, (plan, f) -> plan.propose(
                f.team().map(t -> t.activeMembersAt(f.now())).orElse(List.of()), f.today()), null);
    }

    /**
     * Takes a proposal back for more editing; signatures so far are discarded.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan at its new version, in draft if never agreed, else under review, as the caller may see
     *         it (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is proposed
     * @throws RuleViolationException with R9 if the caller may not take the proposal back, or {@code DECEASED} if
     *                                the patient has died
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> returnToDraft(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.RETURN_TO_DRAFT, (plan, f) -> plan.returnToDraft(), null);
    }

    /**
     * Records the person's agreement: by the patient (aged 16 or over or Gillick competent, not
     * flagged as lacking capacity) or by a carer on the care team whose recorded authority applies
     * (R8). Once the lead professional has also co-signed, the proposal becomes the new agreed
     * version and supersedes the previous one (R6).
     *
     * @param ctx             who asks: the patient, or a carer on the care team whose recorded authority applies
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan at its new version, agreed if the lead professional has co-signed, as the caller may see it
     *         (R48)
     * @throws RuleViolationException if the actor cannot agree for the person (R8), or the new version
     *                                breaks R11 or R22
     * @throws InvalidInputException  if the content is incomplete or the review date is not in the future (R7)
     * @throws RuleViolationException with R6 if another plan of the patient is already in force, or {@code DECEASED} if
     *                                the patient has died
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is proposed
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> agree(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.AGREE, (plan, f) -> plan.agree(
                CarePlanAuthorship.personAgreement(ctx.actor(), f.patient(), f.team(), f.now(), f.today()), f.today()),
                null);
    }

    /**
     * Records the lead professional's co-signature (R8). Once the person has also agreed, the
     * proposal becomes the new agreed version.
     *
     * @param ctx             who asks: the care team's lead professional
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan at its new version, agreed if the person has agreed, as the caller may see it (R48)
     * @throws RuleViolationException if the actor is not the care team's lead professional (R8)
     * @throws RuleViolationException if already co-signed or the version cannot be agreed (R11, R22), with R6 if
     *                                another plan of the patient is already in force, or {@code DECEASED} if the
     *                                patient has died
     * @throws InvalidInputException if the content is incomplete or the review date is not in the future (R7)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is proposed
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> coSign(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.CO_SIGN, (plan, f) -> plan.coSign(
                CarePlanAuthorship.leadCoSignature(ctx.actor(), f.team(), f.now()), f.today()), null);
    }

    /**
     * Starts a review of the agreed plan: a new draft version opens; the agreed version stays in
     * force until the new one is agreed (R6, R10, R11).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan, under review, at its new version, as the caller may see it (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the plan is agreed
     * @throws RuleViolationException with R9 if the caller may not review the plan, or {@code DECEASED} if the patient
     *                                has died
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> startReview(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.START_REVIEW, (plan, f) -> plan.startReview(), null);
    }

    /**
     * Ends the plan (completed, withdrawn, transferred, deceased); agreed versions stay retrievable.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the plan's id
     * @param reason          why the plan ends
     * @param expectedVersion the version read
     * @return the plan, ended, at its new version, as the caller may see it (R48)
     * @throws InvalidInputException if {@code reason} is missing
     * @throws io.github.personalcare.lang.IllegalTransitionException if the plan has already ended or is entered in
     *                                                                error
     * @throws RuleViolationException with R9 if the caller may not end the plan
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> end(AccessContext ctx, CarePlanId id, EndReason reason, long expectedVersion) {
        Require.present("reason", reason);
        return change(ctx, id, expectedVersion, PlanCommand.END, (plan, f) -> plan.end(reason, f.now()), null);
    }

    /**
     * Marks the plan as recorded in error (professionals only): kept for audit, never counted in
     * coverage metrics (R13).
     *
     * @param ctx             who asks: a professional
     * @param id              the plan's id
     * @param expectedVersion the version read
     * @return the plan, entered in error, at its new version, as the caller may see it (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException if the plan is already entered in error
     * @throws RuleViolationException with R13 if the caller is not a professional
     * @throws VersionConflictException if the plan is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the plan (audited)
     */
    public Versioned<CarePlan> enterInError(AccessContext ctx, CarePlanId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, PlanCommand.ENTER_IN_ERROR, (plan, f) -> plan.enterInError(f.now()),
                null);
    }

    /**
     * The plan with its storage version. Only the patient, their proxy and their care team may view
     * it (R9, R12: the guard decides).
     *
     * @param ctx who asks, for what purpose
     * @param id  the plan's id
     * @return the plan with its storage version, without the entries withheld from the caller (R48)
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plan (audited)
     */
    public Versioned<CarePlan> get(AccessContext ctx, CarePlanId id) {
        return plans.read(ctx, id, "careplan.read", CarePlanService::visible);
    }

    /**
     * Every plan of the patient, ended ones included, oldest first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the patient's plans with their storage versions, oldest first, as the caller may see them (R48)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plans (audited)
     */
    public List<Versioned<CarePlan>> plansOf(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CARE_PLAN, "careplan.list",
                "Patient/" + patient), p -> p.tx().aggregates(CarePlanStores.PLANS).findByPatient(patient).stream()
                .sorted(Comparator.comparing((Versioned<CarePlan> v) -> v.value().draftedAt()))
                .map(v -> visible(p, v)).toList());
    }

    /**
     * The patient's agreed plan version in force, if any (R6).
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the agreed version in force, as the caller may see it (R48), or empty if none is
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plans (audited)
     */
    public Optional<CarePlanVersion> currentAgreed(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CARE_PLAN, "careplan.current",
                "Patient/" + patient), p -> CarePlanStores.currentAgreed(p.tx(), patient)
                .flatMap(v -> visible(p, v).value().currentAgreed()));
    }

    /**
     * Agreed version {@code number} of the plan, exactly as agreed (R10).
     *
     * @param ctx    who asks, for what purpose
     * @param id     the plan's id
     * @param number the agreed version's number, from 1
     * @return the agreed version, as the caller may see it (R48)
     * @throws NotFoundException if there is no such plan or version
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plan (audited)
     */
    public CarePlanVersion version(AccessContext ctx, CarePlanId id, int number) {
        return read(ctx, id, "careplan.version", plan -> plan.version(number));
    }

    /**
     * Every agreed version of the plan, oldest first (R10).
     *
     * @param ctx who asks, for what purpose
     * @param id  the plan's id
     * @return the agreed versions, oldest first, as the caller may see them (R48)
     * @throws NotFoundException if the caller may ask and there is no such plan (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plan (audited)
     */
    public List<CarePlanVersion> history(AccessContext ctx, CarePlanId id) {
        return read(ctx, id, "careplan.history", CarePlan::versions);
    }

    /**
     * What changed, section by section, from agreed version {@code number} to the plan as it is now
     * (the working draft while under review).
     *
     * @param ctx    who asks, for what purpose
     * @param id     the plan's id
     * @param number the agreed version's number, from 1
     * @return the changed sections in {@link PlanSection} order; empty if nothing changed
     * @throws NotFoundException if there is no such plan or version
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the plan (audited)
     */
    public List<SectionChange> changesSince(AccessContext ctx, CarePlanId id, int number) {
        return read(ctx, id, "careplan.changes", plan -> plan.changesSince(number));
    }

    /**
     * Plans whose agreed version in force is due for review on or before {@code asOf}, overdue ones
     * included, earliest first. A population query: commissioners, administrators, clinicians. For
     * research and planning, patients with a national data opt-out are left out (R42).
     *
     * @param ctx  who asks, for what purpose
     * @param asOf the date reviews are due by
     * @return the plans due for review, by internal id, version and review date, earliest first
     * @throws InvalidInputException if {@code asOf} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not query care plans (audited)
     */
    public List<ReviewDue> dueForReview(AccessContext ctx, LocalDate asOf) {
        Require.date("asOf", asOf);
        return reviews(ctx, "careplan.dueForReview", Query.where("next_review_due").onOrBefore(asOf));
    }

    /**
     * Plans overdue for review on {@code asOf}: the date is after the review date (R11). Earliest
     * first. For research and planning, patients with a national data opt-out are left out (R42).
     *
     * @param ctx  who asks, for what purpose
     * @param asOf the date the plans are overdue on
     * @return the plans overdue for review, by internal id, version and review date, earliest first
     * @throws InvalidInputException if {@code asOf} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not query care plans (audited)
     */
    public List<ReviewDue> overdue(AccessContext ctx, LocalDate asOf) {
        Require.date("asOf", asOf);
        return reviews(ctx, "careplan.overdue", Query.where("next_review_due").before(asOf));
    }

    private List<ReviewDue> reviews(AccessContext ctx, String auditAction, Query query) {
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.CARE_PLAN, auditAction),
                p -> PatientStores.releasable(p.tx(), ctx.purpose(), p.tx().aggregates(CarePlanStores.PLANS).query(query)
                        .stream()
                        .flatMap(v -> v.value().currentAgreed().stream()
                                .map(cur -> new ReviewDue(v.value().id(), v.value().patient(), cur.number(),
                                        cur.nextReviewDue())))
                        .sorted(Comparator.comparing(ReviewDue::nextReviewDue)
                                .thenComparing(r -> r.plan().value()))
                        .toList(), ReviewDue::patient));
    }

    private <R> R read(AccessContext ctx, CarePlanId id, String auditAction, Function<CarePlan, R> f) {
        return plans.read(ctx, id, auditAction, (p, v) -> f.apply(visible(p, v).value()));
    }

    /** R48: the plan without the entries withheld from this viewer (third-party, serious harm). */
    private static Versioned<CarePlan> visible(Permitted p, Versioned<CarePlan> stored) {
        Set<SensitivityLabel> withheld = p.withheld();
        return withheld.isEmpty() ? stored
                : new Versioned<>(stored.value().withoutEntriesLabelled(withheld), stored.version());
    }

    /** Extra checks that need the facts and the transaction. */
    @FunctionalInterface
    private interface Check {
        void run(Facts facts, Permitted permitted);
    }

    private Versioned<CarePlan> change(AccessContext ctx, CarePlanId id, long expectedVersion, PlanCommand command,
            BiFunction<CarePlan, Facts, CarePlan> apply, Check check) {
        AccessAction action = command == PlanCommand.EDIT ? AccessAction.CORRECT : AccessAction.COLLECT;
        String auditAction = "careplan." + command.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Versioned<CarePlan> saved = plans.change(ctx, id, expectedVersion, action, auditAction, (p, before) -> {
            PatientId patient = before.patient();
            before.requireAllows(command);
            Facts f = facts(p, patient);
            if (command != PlanCommand.AGREE && command != PlanCommand.CO_SIGN) {
                CarePlanAuthorship.requireMay(command, f.participant());
            }
            if (f.patient().isDeceasedOn(f.today()) && command != PlanCommand.END
                    && command != PlanCommand.ENTER_IN_ERROR) {
                throw new RuleViolationException("DECEASED", "the patient has died; the plan can only be ended");
            }
            if (check != null) {
                check.run(f, p);
            }
            CarePlan after = apply.apply(before, f);
            if (after.status() == PlanStatus.AGREED && CarePlanStores.currentAgreed(p.tx(), patient)
                    .filter(other -> !other.value().id().equals(id)).isPresent()) {
                // R6: never a second plan in force, even if two drafts slipped past the check in draft()
                throw new RuleViolationException("R6", "the patient already has an agreed plan in force");
            }
            publish(p, command, before, after);
            if (after.status() == PlanStatus.AGREED && before.status() != PlanStatus.AGREED) {
                // what depends on the agreed version (a budget's review date) follows it in this transaction
                hooks.publish(p.tx(), CarePlan.class, after);
            }
            return after;
        }, CarePlanService::visible); // R48: the caller gets back only what they may see
        log.info("care plan {} {}: status {}, agreed versions {}, storage version {}", id, command,
                saved.value().status(), saved.value().versions().size(), saved.version());
        return saved;
    }

    private static void publish(Permitted p, PlanCommand command, CarePlan before, CarePlan after) {
        UUID plan = after.id().value();
        PatientId patient = after.patient();
        int working = after.versions().size() + (after.status() == PlanStatus.AGREED ? 0 : 1);
        switch (command) {
            case PROPOSE -> p.tx().outbox().publish(
                    new CarePlanEvent.Proposed(UUID.randomUUID(), p.now(), patient, plan, working));
            case AGREE, CO_SIGN -> {
                Signature s = command == PlanCommand.AGREE
                        ? after.personAgreement().orElseGet(() -> lastVersion(after).personAgreement())
                        : after.leadCoSignature().orElseGet(() -> lastVersion(after).leadCoSignature());
                p.tx().outbox().publish(new CarePlanEvent.Signed(UUID.randomUUID(), p.now(), patient, plan, working,
                        s.kind().name()));
                if (after.status() == PlanStatus.AGREED && before.status() != PlanStatus.AGREED) {
                    p.tx().outbox().publish(new CarePlanEvent.Agreed(UUID.randomUUID(), p.now(), patient, plan,
                            after.versions().size()));
                }
            }
            case START_REVIEW -> p.tx().outbox().publish(
                    new CarePlanEvent.ReviewStarted(UUID.randomUUID(), p.now(), patient, plan, working));
            case END -> p.tx().outbox().publish(new CarePlanEvent.Ended(UUID.randomUUID(), p.now(), patient, plan,
                    after.endReason().orElseThrow().name()));
            case ENTER_IN_ERROR -> p.tx().outbox().publish(
                    new CarePlanEvent.EnteredInError(UUID.randomUUID(), p.now(), patient, plan));
            case EDIT, RETURN_TO_DRAFT -> {
                // working-draft changes are not announced: nothing agreed has changed
            }
        }
    }

    private static CarePlanVersion lastVersion(CarePlan plan) {
        return plan.versions().get(plan.versions().size() - 1);
    }

    private Facts facts(Permitted p, PatientId patient) {
        Patient record = p.tx().aggregates(PatientStores.PATIENTS).get(patient).value();
        Optional<CareTeam> team = CareTeamStores.forPatient(p.tx(), patient).map(Versioned::value);
        LocalDate today = LocalDate.ofInstant(p.now(), zone);
        Participant who = CarePlanAuthorship.participant(p.context().actor(), record, team, p.now(), today);
        return new Facts(record, team, who, p.now(), today, p.withheld());
    }

    private static void requireOwnersOnTeam(CarePlanContent content, Facts f, Permitted p) {
        for (int i = 0; i < content.actions().size(); i++) {
            Optional<MemberId> member = content.actions().get(i).owner().member();
            if (member.isPresent() && f.team().map(t -> !t.hasActiveMember(member.get(), p.now())).orElse(true)) {
                throw new InvalidInputException("actions[" + i + "].owner", "OWNER",
                        "must be the patient or a current member of the care team");
            }
        }
    }
}
