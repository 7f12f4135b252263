package io.github.personalcare.budget;

import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.internal.ChangeHooks;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Personal health budgets, through the access guard: propose and activate a budget against the
 * patient's agreed care plan, record allocations, spends, refunds, adjustments and recoveries
 * in its ledger, read balances, statements and forecasts, run reviews, notices and the stopping
 * of direct payments. Every call is decided and audited by the guard; every change publishes a
 * {@link BudgetEvent} in the same transaction. Population reports on budgets are in
 * {@code care.reports()}.
 *
 * <p>Lifecycle, review and notice commands follow the SDK's one command contract: they take the
 * budget's id and the version the caller read, and return the budget at its new version; a
 * stale version is a {@link VersionConflictException} and nothing changes.
 *
 * <p>Ledger commands (allocations, spends, refunds, adjustments, recoveries) take an
 * idempotency key instead of a version, so two tills can spend from one budget at once: each is
 * checked against the {@link SpendingRule}s (spends) or the budget's own rules (other entries)
 * in the same transaction as the write and serialised by the budget's version; when two race,
 * one commits and the other is run again on the new state, up to {@value #ATTEMPTS} times, so
 * no spend is lost and none overdraws the budget (R17). A key used again returns the first
 * entry, even when the budget would now refuse the command (its money spent, its state moved on);
 * a key used for another movement of money is refused ({@code IDEMPOTENCY}).
 *
 * <pre>{@code
 * Versioned<PersonalHealthBudget> budget = care.budgets().propose(ctx, new BudgetProposal(patientId, plan,
 *         new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, start), BudgetHolder.patient(),
 *         List.of(new BudgetLine(BudgetLineCode.of("PA-HOURS"), SpendCategory.PERSONAL_ASSISTANT,
 *                 Money.parse("12000.00"), Management.directPayment(Recipient.patient(start), account))),
 *         start));
 * budget = care.budgets().activate(ctx, budget.value().id(), budget.version());
 * care.budgets().allocate(ctx, budget.value().id(), LedgerCommand.Allocation.directPayment("pay-1",
 *         BudgetLineCode.of("PA-HOURS"), Money.parse("3000.00"), start, "DP-ACCOUNT-1"));
 * care.budgets().recordSpend(ctx, budget.value().id(), LedgerCommand.Spend.of("inv-17",
 *         BudgetLineCode.of("PA-HOURS"), Money.parse("240.00"), start, SpendCategory.PERSONAL_ASSISTANT,
 *         "Personal assistant, March"));
 * }</pre>
 *
 * <p>Thread-safe. Logs internal ids, codes and states only; never payees, reasons or names.
 */
public final class BudgetService {
    private static final Logger log = LoggerFactory.getLogger(BudgetService.class);
    /** How many times a ledger command is run when it loses a race for the budget's version. */
    public static final int ATTEMPTS = 8;

    private final AccessGuard guard;
    private final GuardedAggregates<BudgetId, PersonalHealthBudget> budgets;
    private final BudgetPolicy policy;
    private final AgreedPlanLines plans;
    private final List<SpendingRule> rules;

    static {
        ServiceWiring.register(BudgetService.class, w -> new BudgetService(w.guard(),
                w.option(BudgetPolicy.class).orElseGet(BudgetPolicy::defaults), AgreedPlanLines.carePlans(),
                w.option(ChangeHooks.class).orElseGet(ChangeHooks::new)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    BudgetService(AccessGuard guard, BudgetPolicy policy, AgreedPlanLines plans, ChangeHooks hooks) {
        this.guard = Require.present("guard", guard);
        this.budgets = new GuardedAggregates<>(guard, BudgetStores.BUDGETS, DataClass.BUDGET, "PersonalHealthBudget");
        this.policy = Require.present("policy", policy);
        this.plans = Require.present("plans", plans);
        this.rules = SpendingRule.standard();
        hooks.subscribe(CarePlan.class, BudgetService::followAgreedPlan);
    }

    /**
     * A plan agreed again (after a review) carries its new review date to the budgets it funds, in
     * the same transaction: a notional or third-party budget is reviewed with its plan, never left
     * overdue on the old date (R22).
     */
    private static void followAgreedPlan(Transaction tx, CarePlan plan) {
        Optional<LocalDate> due = plan.currentAgreed().map(CarePlanVersion::nextReviewDue);
        var stored = tx.aggregates(BudgetStores.BUDGETS);
        for (Versioned<PersonalHealthBudget> v : stored.findByPatient(plan.patient())) {
            PersonalHealthBudget b = v.value();
            if (b.carePlan().equals(plan.id()) && b.status() != BudgetStatus.ENDED && !b.planReviewDue().equals(due)) {
                stored.update(b.followingPlanReviewDue(due), v.version());
                Instant agreedAt = plan.currentAgreed().map(CarePlanVersion::agreedAt).orElseThrow();
                tx.outbox().publish(new BudgetEvent.PlanReviewDateFollowed(UUID.randomUUID(), agreedAt, b.patient(),
                        b.id(), due));
                log.info("budget {} follows care plan {}: review date read again", b.id(), plan.id());
            }
        }
    }

    /** {@return the policy budgets are run under} */
    public BudgetPolicy policy() {
        return policy;
    }

    // --- lifecycle ---

    /**
     * Proposes a budget for the patient's current agreed care plan (R15). It can be spent from
     * only once {@link #activate activated}, when the plan must reference every line.
     *
     * @param ctx      who asks, for what purpose
     * @param proposal the patient, the agreed plan, eligibility, holder, lines and start date
     * @return the proposed budget at version 1
     * @throws InvalidInputException  for a bad field, a cohort the person's age does not fit (R18) or an excluded line category (R16)
     * @throws RuleViolationException for a direct-payment line breaking R19, R20 or R21, a deceased patient (R26),
     *                                or a plan that is not the patient's current agreed plan (R15)
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not act on the patient's budgets
     */
    public Versioned<PersonalHealthBudget> propose(AccessContext ctx, BudgetProposal proposal) {
        Require.present("proposal", proposal);
        BudgetId id = BudgetId.random();
        Versioned<PersonalHealthBudget> saved = guard.run(GuardedCall.on(ctx, proposal.patient(), AccessAction.COLLECT,
                DataClass.BUDGET, "budget.propose", subject(id)), p -> {
            Patient person = p.tx().aggregates(PatientStores.PATIENTS).get(proposal.patient()).value();
            PersonalHealthBudget budget = PersonalHealthBudget.propose(id, person, proposal.carePlan(),
                    proposal.eligibility(), proposal.holder(), proposal.lines(), proposal.startDate(), policy, today(p));
            budget.requireAgreedPlan(plans.currentAgreed(p.tx(), budget.patient()));
            for (BudgetLine line : budget.lines()) {
                if (budget.reliesOnScheduleOverride(line, person)) {
                    // R20: the override is a decision by a named person; it goes on the record
                    p.audit(AuditEvent.of(ctx, p.now(), "budget.scheduleOverride", budget.patient(),
                            subject(id), AuditOutcome.SUCCESS, "R20"));
                }
            }
            long version = p.tx().aggregates(BudgetStores.BUDGETS).insert(budget);
            p.tx().outbox().publish(new BudgetEvent.Proposed(UUID.randomUUID(), p.now(), budget.patient(), id));
            return new Versioned<>(budget, version);
        });
        log.info("budget {} proposed with {} lines", id, saved.value().lines().size());
        return saved;
    }

    /**
     * Activates a proposed budget against the patient's current agreed care plan, whose support
     * section must reference every line (R15).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param expectedVersion the version read
     * @return the budget, active, at its new version, without the review notes withheld from the caller (R48)
     * @throws RuleViolationException with R15 if there is no such plan or a line is missing from it
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is proposed
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> activate(AccessContext ctx, BudgetId id, long expectedVersion) {
        return change(ctx, id, expectedVersion, "budget.activate", (p, b) -> {
            PersonalHealthBudget next = b.activate(plans.currentAgreed(p.tx(), b.patient()), today(p));
            publish(p, new BudgetEvent.StatusChanged(UUID.randomUUID(), p.now(), b.patient(), id, next.status(),
                    StatusReason.PLAN_AGREED));
            return next;
        });
    }

    /**
     * Suspends an active budget: no payments or spends until resumed.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param reason          why, as a code
     * @param detail          the reason in words, if any (stored, never logged)
     * @param expectedVersion the version read
     * @return the budget, suspended, at its new version, without the review notes withheld from the caller (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if {@code reason} is missing, or the detail is blank or too long
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> suspend(AccessContext ctx, BudgetId id, StatusReason reason,
            Optional<String> detail, long expectedVersion) {
        return statusChange(ctx, id, expectedVersion, "budget.suspend", (b, today) -> b.suspend(reason, detail, today),
                reason);
    }

    /**
     * Resumes a suspended budget.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param reason          why, as a code
     * @param detail          the reason in words, if any (stored, never logged)
     * @param expectedVersion the version read
     * @return the budget, active again, at its new version, without the review notes withheld from the caller (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is suspended
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if {@code reason} is missing, or the detail is blank or too long
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> resume(AccessContext ctx, BudgetId id, StatusReason reason,
            Optional<String> detail, long expectedVersion) {
        return statusChange(ctx, id, expectedVersion, "budget.resume", (b, today) -> b.resume(reason, detail, today),
                reason);
    }

    /**
     * Ends a budget; unspent money can still be recovered.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param reason          why, as a code
     * @param detail          the reason in words, if any (stored, never logged)
     * @param expectedVersion the version read
     * @return the budget, ended, at its new version, without the review notes withheld from the caller (R48)
     * @throws io.github.personalcare.lang.IllegalTransitionException if the budget has already ended
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if {@code reason} is missing, or the detail is blank or too long
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> end(AccessContext ctx, BudgetId id, StatusReason reason,
            Optional<String> detail, long expectedVersion) {
        return statusChange(ctx, id, expectedVersion, "budget.end", (b, today) -> b.end(reason, detail, today), reason);
    }

    private Versioned<PersonalHealthBudget> statusChange(AccessContext ctx, BudgetId id, long expectedVersion,
            String action, BiFunction<PersonalHealthBudget, LocalDate, PersonalHealthBudget> command,
            StatusReason reason) {
        Require.present("reason", reason);
        return change(ctx, id, expectedVersion, action, (p, b) -> {
            PersonalHealthBudget next = command.apply(b, today(p));
            publish(p, new BudgetEvent.StatusChanged(UUID.randomUUID(), p.now(), b.patient(), id, next.status(), reason));
            return next;
        });
    }

    // --- ledger ---

    /**
     * Records a payment into the budget. For a direct-payment line it must go into the line's
     * registered account (R21), not after direct payments stopped (R25) or the patient's death
     * (R26); an offset of accumulated unused money may not exceed the payment (R27).
     *
     * @param ctx        who asks, for what purpose
     * @param id         the budget's id
     * @param allocation the payment: its idempotency key, line, amount, date, the account it was paid into and
     *                   any offset
     * @return the allocation entry (the first one, if the key was used before)
     * @throws InvalidInputException  for an unknown line, a date outside the current period, or a key reused for another entry
     * @throws RuleViolationException for a state or direct-payment rule
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry allocate(AccessContext ctx, BudgetId id, LedgerCommand.Allocation allocation) {
        return record(ctx, id, allocation);
    }

    /**
     * Records a spend after every {@link SpendingRule} passed.
     *
     * @param ctx   who asks, for what purpose
     * @param id    the budget's id
     * @param spend the spend: its idempotency key, line, amount, date, category, payee and any approver
     * @return the spend entry (the first one, if the key was used before)
     * @throws SpendRejectedException with its reason if a rule refuses the spend (audited, nothing stored)
     * @throws InvalidInputException  if the key was used for a different entry
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry recordSpend(AccessContext ctx, BudgetId id, LedgerCommand.Spend spend) {
        return record(ctx, id, spend);
    }

    /**
     * Records money returned from an earlier spend; never more than the line has spent.
     *
     * @param ctx    who asks, for what purpose
     * @param id     the budget's id
     * @param refund the refund: its idempotency key, line, amount, date and payee
     * @return the refund entry (the first one, if the key was used before)
     * @throws RuleViolationException if more than the line's net spend
     * @throws InvalidInputException for an unknown line, a date outside the current period, or a key reused for another
     *                               entry
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active or suspended
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry recordRefund(AccessContext ctx, BudgetId id, LedgerCommand.Refund refund) {
        return record(ctx, id, refund);
    }

    /**
     * Records a correction with its reason; a downward one may not take the line below zero (R17).
     *
     * @param ctx        who asks, for what purpose
     * @param id         the budget's id
     * @param adjustment the correction: its idempotency key, line, direction, amount, date and reason
     * @return the adjustment entry (the first one, if the key was used before)
     * @throws RuleViolationException with R17 if it would
     * @throws InvalidInputException for an unknown line, a date outside the current period, or a key reused for another
     *                               entry
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active or suspended
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry adjust(AccessContext ctx, BudgetId id, LedgerCommand.Adjustment adjustment) {
        return record(ctx, id, adjustment);
    }

    /**
     * Recovers unspent or misused money, with its reason. From a direct-payment line it needs a
     * repayment notice in force (R24); never below zero (R17).
     *
     * @param ctx      who asks, for what purpose
     * @param id       the budget's id
     * @param recovery the recovery: its idempotency key, line, amount, date, reason and any repayment notice
     * @return the recovery entry (the first one, if the key was used before)
     * @throws RuleViolationException with R24 or R17
     * @throws InvalidInputException for an unknown line, a date outside the current period, or a key reused for another
     *                               entry
     * @throws io.github.personalcare.lang.IllegalTransitionException while the budget is only proposed
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry recover(AccessContext ctx, BudgetId id, LedgerCommand.Recovery recovery) {
        return record(ctx, id, recovery);
    }

    /**
     * Records any ledger command; see the specific methods for the rules each kind follows. Takes
     * the command's idempotency key instead of an expected version (see the class description).
     *
     * @param ctx     who asks, for what purpose
     * @param id      the budget's id
     * @param command the allocation, spend, refund, adjustment or recovery, with its idempotency key
     * @return the entry recorded (the first one, if the key was used before)
     * @throws SpendRejectedException with its reason if a spending rule refuses a spend (audited, nothing stored)
     * @throws InvalidInputException if the command is missing, names an unknown line, is dated outside the current
     *                               period, or reuses a key for another entry
     * @throws RuleViolationException if a state, direct-payment or balance rule refuses another kind of entry
     * @throws io.github.personalcare.lang.IllegalTransitionException if the budget's state does not take this kind of
     *                                                                entry
     * @throws VersionConflictException if the command lost the race for the budget's version {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public LedgerEntry record(AccessContext ctx, BudgetId id, LedgerCommand command) {
        Require.present("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                // The key is looked up first only when running again: a first run finds a resend
                // when a rule refuses it or when its ledger entry collides with the first one.
                boolean lookUpKeyFirst = attempt > 1;
                LedgerEntry entry = budgets.run(ctx, id, AccessAction.COLLECT, command.auditAction(),
                        (p, current) -> recordIn(p, current, command, lookUpKeyFirst));
                log.info("budget {} {} on line {}: entry {}", id, entry.kind(), entry.line(), entry.id());
                return entry;
            } catch (VersionConflictException | DuplicateKeyException e) {
                // The budget's version is the lock: another entry committed first (or the same
                // command did, and its key collided). Run the command again on the new state: its
                // rules are checked afresh, and a collided key now returns the first entry.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("budget {} ledger command lost a race (attempt {}), running it again", id, attempt);
            }
        }
    }

    private LedgerEntry recordIn(Permitted p, Versioned<PersonalHealthBudget> current, LedgerCommand command,
            boolean lookUpKeyFirst) {
        var ledger = p.tx().entries(BudgetStores.LEDGER);
        PersonalHealthBudget budget = current.value();
        LedgerEntry entry = command.toEntry(LedgerEntryId.random(), budget.id(), budget.patient(),
                p.context().actor().reference(), p.now());
        if (lookUpKeyFirst) {
            Optional<LedgerEntry> earlier = earlierWithKey(ledger, entry);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Checked checked;
        try {
            checked = checked(p, budget, command, entry);
        } catch (InvalidInputException | RuleViolationException refused) {
            if (lookUpKeyFirst) {
                throw refused;
            }
            // A resend is answered with the first entry even when the budget would refuse it now
            // (its money spent, its state moved on). Nothing has been written in this run yet.
            return earlierWithKey(ledger, entry).orElseThrow(() -> refused);
        }
        try {
            ledger.append(entry);
        } catch (DuplicateKeyException collided) {
            // A resend the rules let through collides with its first entry. Nothing of this run is
            // written yet: answer with the first entry in this transaction, if the store can still
            // read in it; otherwise the command runs again, looking the key up first.
            if (lookUpKeyFirst) {
                throw collided;
            }
            Optional<LedgerEntry> earlier;
            try {
                earlier = earlierWithKey(ledger, entry);
            } catch (StorageException unusable) {
                collided.addSuppressed(unusable);
                throw collided;
            }
            return earlier.orElseThrow(() -> collided);
        }
        for (LedgerEntry e : checked.entries().subList(1, checked.entries().size())) {
            ledger.append(e);
        }
        if (command instanceof LedgerCommand.Spend) {
            auditOverrides(p, budget, entry);
        }
        for (LedgerEntry e : checked.entries()) {
            publish(p, new BudgetEvent.EntryRecorded(UUID.randomUUID(), p.now(), budget.patient(), budget.id(), e.id(),
                    e.kind(), e.line().value(), e.signedPence()));
        }
        p.tx().aggregates(BudgetStores.BUDGETS).update(checked.next(), current.version());
        return entry;
    }

    /** The entries a ledger command records, and the budget once it has taken them. */
    private record Checked(List<LedgerEntry> entries, PersonalHealthBudget next) {
    }

    /** The entry recorded earlier under the entry's key, if the same movement; refused if another. */
    private static Optional<LedgerEntry> earlierWithKey(EntryLog<LedgerEntry> ledger,
            LedgerEntry entry) {
        Optional<LedgerEntry> earlier = ledger.findByKey(entry.budget(), entry.idempotencyKey());
        if (earlier.isPresent() && !earlier.get().sameMovementAs(entry)) {
            throw new InvalidInputException("idempotencyKey", "IDEMPOTENCY", "was already used for a different entry");
        }
        return earlier;
    }

    /**
     * The entries the command records, after every rule that may refuse it has passed (and the
     * budget has taken them, which checks its balance and state rules); writes nothing.
     */
    private Checked checked(Permitted p, PersonalHealthBudget budget, LedgerCommand command,
            LedgerEntry entry) {
        PatientId patient = budget.patient();
        LocalDate today = today(p);
        List<LedgerEntry> entries = new ArrayList<>(2);
        entries.add(entry);
        if (command instanceof LedgerCommand.Spend) {
            SpendingRule.checkAll(rules, new ProposedSpend(budget, entry, plans.currentAgreed(p.tx(), patient), policy,
                    today));
        } else {
            Patient person = p.tx().aggregates(PatientStores.PATIENTS).get(patient).value();
            Optional<String> account = command instanceof LedgerCommand.Allocation a ? a.paidIntoAccount() : Optional.empty();
            budget.checkEntry(entry, account, person, today);
            if (command instanceof LedgerCommand.Allocation a && a.offset().isPresent()) {
                budget.checkOffset(a.line(), a.offset().get(), a.amount());
                entries.add(a.offsetEntry(LedgerEntryId.random(), budget.id(), patient, entry.recordedBy(), p.now()));
            }
        }
        PersonalHealthBudget next = budget;
        for (LedgerEntry e : entries) {
            next = next.record(e, policy);
        }
        return new Checked(List.copyOf(entries), next);
    }

    private void auditOverrides(Permitted p, PersonalHealthBudget budget, LedgerEntry spend) {
        SpendCategory category = spend.category().orElseThrow();
        if (SpendCategory.EXCLUDED_BY_DEFAULT.contains(category) && policy.overrideFor(category).isPresent()) {
            // R16: a default exclusion set aside by configuration; each use goes on the record
            p.audit(AuditEvent.of(p.context(), p.now(), "budget.spend.exclusionOverride",
                    budget.patient(), subject(budget.id()), AuditOutcome.SUCCESS, "R16"));
        }
        if (!budget.balance(spend.line()).covers(spend.amount()) || !budget.balance().covers(spend.amount())) {
            // the only way past FUNDS_SUFFICIENT with too little money: an approved notional overspend
            p.audit(AuditEvent.of(p.context(), p.now(), "budget.spend.overspendApproved",
                    budget.patient(), subject(budget.id()), AuditOutcome.SUCCESS, "R17"));
        }
    }

    // --- reading ---

    /**
     * The budget with its stored version, the version a command on it expects.
     *
     * @param ctx who asks, for what purpose
     * @param id  the budget's id
     * @return the budget with its stored version, without the review notes withheld from the caller (R48)
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Versioned<PersonalHealthBudget> get(AccessContext ctx, BudgetId id) {
        return read(ctx, id, "budget.read", BudgetService::visible);
    }

    /**
     * Every budget of the patient with its stored version, oldest start first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the patient's budgets with their stored versions, oldest start first, without the review notes withheld
     *         from the caller (R48)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budgets (audited)
     */
    public List<Versioned<PersonalHealthBudget>> budgetsOf(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.BUDGET, "budget.list",
                "Patient/" + patient), p -> p.tx().aggregates(BudgetStores.BUDGETS).findByPatient(patient).stream()
                .sorted(Comparator.comparing((Versioned<PersonalHealthBudget> v) -> v.value().startDate()))
                .map(v -> visible(p, v))
                .toList());
    }

    /**
     * The budget's ledger: every entry in recording order.
     *
     * @param ctx who asks, for what purpose
     * @param id  the budget's id
     * @return the ledger, every entry in recording order
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Ledger ledger(AccessContext ctx, BudgetId id) {
        return read(ctx, id, "budget.ledger", (p, b) -> ledgerOf(p, id));
    }

    /**
     * The budget's balance: allocations − spends + refunds ± adjustments − recoveries.
     *
     * @param ctx who asks, for what purpose
     * @param id  the budget's id
     * @return the budget's balance over all its lines
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Balance balance(AccessContext ctx, BudgetId id) {
        return read(ctx, id, "budget.balance", (p, b) -> b.value().balance());
    }

    /**
     * One line's balance.
     *
     * @param ctx  who asks, for what purpose
     * @param id   the budget's id
     * @param line the line's code
     * @return the line's balance
     * @throws InvalidInputException with R15 if the line is not a line of this budget
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Balance balance(AccessContext ctx, BudgetId id, BudgetLineCode line) {
        return read(ctx, id, "budget.balance", (p, b) -> {
            b.value().line(line).orElseThrow(() -> new InvalidInputException("line", "R15", "is not a line of this budget"));
            return b.value().balance(line);
        });
    }

    /**
     * The statement of the allocation period containing {@code date}: opening balance, entries,
     * closing balance, and per line.
     *
     * @param ctx  who asks, for what purpose
     * @param id   the budget's id
     * @param date a date in the period wanted
     * @return the period's statement
     * @throws InvalidInputException if the date is before the budget starts
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Statement statement(AccessContext ctx, BudgetId id, LocalDate date) {
        Require.date("date", date);
        return read(ctx, id, "budget.statement", (p, b) -> {
            BudgetPeriod period = b.value().periodOn(date).orElseThrow(() ->
                    new InvalidInputException("date", "PERIOD", "is before the budget starts"));
            return ledgerOf(p, id).statement(period, b.value().lineCodes());
        });
    }

    /**
     * The forecast of the current period's closing balance from each line's payment schedule: the
     * spending so far, over the payments due so far, carried to the period's payments, with the
     * planned money still to be paid in (R23).
     *
     * @param ctx who asks, for what purpose
     * @param id  the budget's id
     * @return the forecast of the current period as of today
     * @throws InvalidInputException if the budget has not started yet
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the budget (audited)
     */
    public Forecast forecast(AccessContext ctx, BudgetId id) {
        return read(ctx, id, "budget.forecast", (p, b) -> {
            LocalDate today = today(p);
            BudgetPeriod period = b.value().periodOn(today).orElseThrow(() ->
                    new InvalidInputException("date", "PERIOD", "the budget has not started yet"));
            Set<BudgetLineCode> stopped = b.value().directPaymentsStopped()
                    ? b.value().lines().stream().filter(BudgetLine::isDirectPayment).map(BudgetLine::code)
                            .collect(java.util.stream.Collectors.toSet())
                    : Set.of();
            return ledgerOf(p, id).forecast(period, today, b.value().lines(), stopped);
        });
    }

    // --- reviews (R22, R23) ---

    /**
     * Records a significant change in the person's health: raises a task to consider a review (R23),
     * held in the budget's {@code reviewTasks()}.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param on              the date the person's health changed, not in the future
     * @param expectedVersion the version read
     * @return the budget at its new version, with the review task open, without the review notes withheld from the
     *         caller (R48)
     * @throws InvalidInputException    if {@code on} is in the future (rule R23)
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> recordHealthChange(AccessContext ctx, BudgetId id, LocalDate on,
            long expectedVersion) {
        return raise(ctx, id, ReviewTaskKind.HEALTH_CHANGED, Optional.empty(), on, expectedVersion);
    }

    /**
     * Records that the money is insufficient for the plan (on one line, or overall): raises a
     * must-review task (R23), held in the budget's {@code reviewTasks()}.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param line            the line whose money is insufficient, or empty for the budget overall
     * @param on              the date the shortfall was found
     * @param expectedVersion the version read
     * @return the budget at its new version, with the review task open, without the review notes withheld from the
     *         caller (R48)
     * @throws InvalidInputException    if the line is not a line of this budget
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> recordShortfall(AccessContext ctx, BudgetId id,
            Optional<BudgetLineCode> line, LocalDate on, long expectedVersion) {
        return raise(ctx, id, ReviewTaskKind.SHORTFALL, line, on, expectedVersion);
    }

    private Versioned<PersonalHealthBudget> raise(AccessContext ctx, BudgetId id, ReviewTaskKind kind,
            Optional<BudgetLineCode> line, LocalDate on, long expectedVersion) {
        Require.date("on", on);
        Require.present("line", line);
        ReviewTask task = new ReviewTask(ReviewTaskId.random(), kind, on, line, Optional.empty());
        Versioned<PersonalHealthBudget> saved = change(ctx, id, expectedVersion, "budget.reviewTask", (p, b) -> {
            if (kind == ReviewTaskKind.HEALTH_CHANGED && on.isAfter(today(p))) {
                throw new InvalidInputException("on", "R23", "a change in health is recorded once it happened, not in the future");
            }
            line.ifPresent(l -> b.line(l).orElseThrow(() -> new InvalidInputException("line", "R15", "is not a line of this budget")));
            publish(p, new BudgetEvent.ReviewTaskRaised(UUID.randomUUID(), p.now(), b.patient(), id, task.id(), kind));
            return b.raise(task);
        });
        log.info("budget {} review task {} raised: {}", id, task.id(), kind);
        return saved;
    }

    /**
     * Records a completed review: open tasks close, the next direct-payment review falls due 12
     * months on (R22), and the agreed plan's review date is read again.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param review          the completed review: its date, findings and any notes
     * @param expectedVersion the version read
     * @return the budget at its new version, with its next review date, without the review notes withheld from the
     *         caller (R48)
     * @throws InvalidInputException    if the review is dated in the future
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active or suspended
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> completeReview(AccessContext ctx, BudgetId id, BudgetReview review,
            long expectedVersion) {
        Require.present("review", review);
        return change(ctx, id, expectedVersion, "budget.review", (p, b) -> {
            if (review.on().isAfter(today(p))) {
                throw new InvalidInputException("review.on", "R22", "must not be in the future");
            }
            Optional<LocalDate> planDue = plans.currentAgreed(p.tx(), b.patient()).flatMap(AgreedPlan::nextReviewDue);
            publish(p, new BudgetEvent.ReviewCompleted(UUID.randomUUID(), p.now(), b.patient(), id));
            return b.completeReview(review, planDue);
        });
    }

    /**
     * The active or suspended budgets due for review by {@code asOf} (R22: review date reached
     * or passed; R23: an open review task), soonest due first. A population query; for research
     * and planning, patients with a national data opt-out are left out (R42).
     *
     * @param ctx  who asks, for what purpose
     * @param asOf the date reviews are due by
     * @return the budgets due for review, soonest due first
     * @throws InvalidInputException if {@code asOf} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not query budgets (audited)
     */
    public List<PersonalHealthBudget> dueForReview(AccessContext ctx, LocalDate asOf) {
        Require.date("asOf", asOf);
        return guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.BUDGET, "budget.dueForReview"), p -> {
            // Two indexed queries per status (date reached; task open); a budget in both is kept once.
            Map<BudgetId, PersonalHealthBudget> due = new LinkedHashMap<>();
            var budgets = p.tx().aggregates(BudgetStores.BUDGETS);
            for (BudgetStatus s : List.of(BudgetStatus.ACTIVE, BudgetStatus.SUSPENDED)) {
                for (Query q : List.of(Query.where("status").is(s).and("next_review_due").onOrBefore(asOf),
                        Query.where("status").is(s).and("review_task_open").is(true))) {
                    for (Versioned<PersonalHealthBudget> v : budgets.query(q)) {
                        if (v.value().dueForReview(asOf)) {
                            due.putIfAbsent(v.value().id(), v.value());
                        }
                    }
                }
            }
            List<PersonalHealthBudget> sorted = new ArrayList<>(due.values());
            sorted.sort(Comparator.comparing((PersonalHealthBudget b) -> b.nextReviewDue().orElse(LocalDate.MAX)));
            return PatientStores.releasable(p.tx(), ctx.purpose(), sorted, PersonalHealthBudget::patient);
        });
    }

    // --- notices (R24) ---

    /**
     * Gives written notice that a direct-payment line's planned amount will be reduced, with
     * reasons (R24). The reduction itself is {@link #changePlannedAmount}; the notice is the
     * last of the returned budget's {@code notices()}.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param line            the direct-payment line to be reduced
     * @param newAmount       the planned amount per period after the reduction
     * @param reasons         the reasons for the reduction, in words
     * @param expectedVersion the version read
     * @return the budget at its new version, with the notice last of its notices
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if the line is not a direct-payment line of this budget, the new amount is not
     *                               below the current one, or a component is missing (R24)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active or suspended
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> issueReductionNotice(AccessContext ctx, BudgetId id, BudgetLineCode line,
            Money newAmount, String reasons, long expectedVersion) {
        return issue(ctx, id, expectedVersion,
                (today) -> WrittenNotice.reduction(NoticeId.random(), today, reasons, line, newAmount));
    }

    /**
     * Gives written notice that money must be repaid, with reasons, the amount, the date it is
     * due and who must repay (R24; personal representatives after a death, R26). The notice is
     * the last of the returned budget's {@code notices()}.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param line            the direct-payment line the money was paid into
     * @param amount          the amount to be repaid
     * @param dueOn           the date repayment is due
     * @param repayer         who must repay
     * @param reasons         the reasons for the demand, in words
     * @param expectedVersion the version read
     * @return the budget at its new version, with the notice last of its notices
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if the line is not a direct-payment line of this budget or a component is missing
     *                               (R24)
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the budget is active, suspended or ended
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> issueRepaymentNotice(AccessContext ctx, BudgetId id, BudgetLineCode line,
            Money amount, LocalDate dueOn, Repayer repayer, String reasons, long expectedVersion) {
        return issue(ctx, id, expectedVersion, (today) -> WrittenNotice.repayment(NoticeId.random(), today, reasons,
                line, amount, dueOn, repayer));
    }

    private Versioned<PersonalHealthBudget> issue(AccessContext ctx, BudgetId id, long expectedVersion,
            Function<LocalDate, WrittenNotice> notice) {
        NoticeId[] issued = new NoticeId[1];
        Versioned<PersonalHealthBudget> after = change(ctx, id, expectedVersion, "budget.notice", (p, b) -> {
            WrittenNotice n = notice.apply(today(p));
            issued[0] = n.id();
            publish(p, new BudgetEvent.NoticeIssued(UUID.randomUUID(), p.now(), b.patient(), id, n.id(), n.kind()));
            return b.issue(n);
        });
        log.info("budget {} notice {} issued", id, issued[0]);
        return after;
    }

    /**
     * Records the recipient's request to reconsider a notice (R24).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param notice          the notice to be reconsidered
     * @param expectedVersion the version read
     * @return the budget at its new version, with the request recorded on the notice
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if there is no such notice, or the request predates it
     * @throws io.github.personalcare.lang.IllegalTransitionException if reconsideration was already requested
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> requestReconsideration(AccessContext ctx, BudgetId id, NoticeId notice,
            long expectedVersion) {
        Require.present("notice", notice);
        return change(ctx, id, expectedVersion, "budget.reconsideration", (p, b) -> {
            publish(p, new BudgetEvent.ReconsiderationRecorded(UUID.randomUUID(), p.now(), b.patient(), id, notice, false));
            return b.requestReconsideration(notice, today(p));
        });
    }

    /**
     * Records the reasoned outcome of a reconsideration (R24).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param notice          the notice reconsidered
     * @param outcome         the outcome of the reconsideration
     * @param reasons         the reasons for it, in words
     * @param expectedVersion the version read
     * @return the budget at its new version, with the outcome recorded on the notice
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if the outcome or reasons are missing, or there is no such notice
     * @throws io.github.personalcare.lang.IllegalTransitionException unless a reconsideration is pending
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> decideReconsideration(AccessContext ctx, BudgetId id, NoticeId notice,
            ReconsiderationOutcome outcome, String reasons, long expectedVersion) {
        Require.present("notice", notice);
        Require.present("outcome", outcome);
        Require.text("reasons", reasons, Require.LONG_TEXT);
        return change(ctx, id, expectedVersion, "budget.reconsideration", (p, b) -> {
            publish(p, new BudgetEvent.ReconsiderationRecorded(UUID.randomUUID(), p.now(), b.patient(), id, notice, true));
            return b.decideReconsideration(notice, outcome, reasons, today(p));
        });
    }

    /**
     * Changes a line's planned amount per period; reducing a direct-payment line needs a
     * reduction notice in force for that amount (R24).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param line            the line's code
     * @param amount          the new amount planned for each period, more than zero
     * @param notice          the reduction notice in force, for a reduction of a direct-payment line
     * @param expectedVersion the version read
     * @return the budget at its new version, with the line's new planned amount
     * @throws RuleViolationException   with R24 if a direct-payment reduction has no notice in force
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if the line, amount or notice is missing, the line is not a line of this
     *                               budget (R15) or the amount is not positive; missing ones before anything is audited
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> changePlannedAmount(AccessContext ctx, BudgetId id, BudgetLineCode line,
            Money amount, Optional<NoticeId> notice, long expectedVersion) {
        Require.present("line", line);
        Require.present("amount", amount);
        Require.present("notice", notice);
        return change(ctx, id, expectedVersion, "budget.plannedAmount", (p, b) -> {
            PersonalHealthBudget next = b.changePlannedAmount(line, amount, notice);
            publish(p, new BudgetEvent.PlannedAmountChanged(UUID.randomUUID(), p.now(), b.patient(), id, line.value(),
                    amount.pence()));
            return next;
        });
    }

    /**
     * Pays a direct-payment line to another recipient, into their own registered account (R19,
     * R21), for example the young person, with their consent, once a child whose representative
     * received the payments turns 16: from that birthday a payment to the representative is
     * refused (unless the young person lacks capacity). A patient of 16 or over with capacity
     * chooses their own nominee: only they may name one.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param line            the direct-payment line's code
     * @param recipient       who receives the payments from now on
     * @param account         the recipient's own registered account
     * @param expectedVersion the version read
     * @return the budget at its new version, with the line paid to the new recipient
     * @throws InvalidInputException    if the line is not a direct-payment line of this budget or
     *                                  the consent is dated in the future
     * @throws RuleViolationException   with R19 if the recipient may not receive the money or a
     *                                  nominee is not named by the patient who may choose one, with
     *                                  R21 if the account is the previous recipient's or not yet
     *                                  registered
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> changeRecipient(AccessContext ctx, BudgetId id, BudgetLineCode line,
            Recipient recipient, PaymentAccount account, long expectedVersion) {
        Require.present("line", line);
        Require.present("recipient", recipient);
        Require.present("account", account);
        return change(ctx, id, expectedVersion, "budget.recipient", (p, b) -> {
            Patient person = p.tx().aggregates(PatientStores.PATIENTS).get(b.patient()).value();
            LocalDate today = today(p);
            boolean decidesForThemself = person.ageOn(today) >= 16 && !person.has(PatientFlag.LACKS_CAPACITY);
            boolean byThePatient = ctx.actor() instanceof Actor.PatientActor self && self.patient().equals(b.patient());
            if (recipient.kind() == RecipientKind.NOMINEE && decidesForThemself && !byThePatient) {
                throw new RuleViolationException("R19", "a patient of 16 or over with capacity chooses their own nominee");
            }
            return b.changeRecipient(line, recipient, account, person, today);
        });
    }

    // --- stopping direct payments (R25, R26) ---

    /**
     * Records that the adult patient with capacity, or the only consenting representative,
     * withdrew consent: direct payments stop at once (R25).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param on              the date consent was withdrawn
     * @param expectedVersion the version read
     * @return the budget at its new version, with direct payments stopped
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws InvalidInputException if {@code on} is in the future or before the patient's date of birth (R25)
     * @throws RuleViolationException if the budget has no direct-payment line
     * @throws io.github.personalcare.lang.IllegalTransitionException if direct payments have already stopped
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> withdrawDirectPaymentConsent(AccessContext ctx, BudgetId id, LocalDate on,
            long expectedVersion) {
        return stopDirectPayments(ctx, id, StopReason.CONSENT_WITHDRAWN, on, expectedVersion);
    }

    /**
     * Records the patient's death: direct payments stop (R26). Unspent money can then be
     * demanded from the personal representatives with {@link #issueRepaymentNotice}.
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param dateOfDeath     the date the patient died
     * @param expectedVersion the version read
     * @return the budget at its new version, with direct payments stopped
     * @throws InvalidInputException    if the date is in the future or before the patient's date of
     *                                  birth (rule R26)
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws RuleViolationException if the budget has no direct-payment line
     * @throws io.github.personalcare.lang.IllegalTransitionException if direct payments have already stopped
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> recordDeath(AccessContext ctx, BudgetId id, LocalDate dateOfDeath,
            long expectedVersion) {
        return stopDirectPayments(ctx, id, StopReason.DEATH, dateOfDeath, expectedVersion);
    }

    /**
     * Stops direct payments for a reason of reg. 17 (R25, R26 and the discretionary reasons).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the budget's id
     * @param reason          the reg. 17 reason
     * @param on              the date direct payments stop
     * @param expectedVersion the version read
     * @return the budget at its new version, with direct payments stopped
     * @throws InvalidInputException    if {@code on} is in the future or before the patient's date of birth
     * @throws VersionConflictException if the budget is no longer at {@code expectedVersion}
     * @throws RuleViolationException if the budget has no direct-payment line
     * @throws io.github.personalcare.lang.IllegalTransitionException if direct payments have already stopped
     * @throws NotFoundException if the caller may ask and there is no such budget (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the budget (audited)
     */
    public Versioned<PersonalHealthBudget> stopDirectPayments(AccessContext ctx, BudgetId id, StopReason reason,
            LocalDate on, long expectedVersion) {
        Require.present("reason", reason);
        Require.date("on", on);
        Require.present("on", on);
        return change(ctx, id, expectedVersion, "budget.directPayments.stop", (p, b) -> {
            if (on.isAfter(today(p))) {
                throw new InvalidInputException("on", reason.rule(), "must not be in the future");
            }
            LocalDate born = p.tx().aggregates(PatientStores.PATIENTS).get(b.patient()).value().dateOfBirth();
            if (on.isBefore(born)) {
                throw new InvalidInputException(reason == StopReason.DEATH ? "dateOfDeath" : "on", reason.rule(),
                        "cannot be before the patient's date of birth");
            }
            publish(p, new BudgetEvent.DirectPaymentsStopped(UUID.randomUUID(), p.now(), b.patient(), id, reason));
            return b.stopDirectPayments(new DirectPaymentStop(reason, on));
        });
    }

    // --- plumbing ---

    private Versioned<PersonalHealthBudget> change(AccessContext ctx, BudgetId id, long expectedVersion,
            String action, BiFunction<Permitted, PersonalHealthBudget, PersonalHealthBudget> command) {
        // R48: the answer shows what the caller may see
        Versioned<PersonalHealthBudget> result = budgets.change(ctx, id, expectedVersion, AccessAction.CORRECT, action,
                command, BudgetService::visible);
        log.info("budget {} {}: status {}, storage version {}", id, action, result.value().status(), result.version());
        return result;
    }

    private <R> R read(AccessContext ctx, BudgetId id, String action,
            BiFunction<Permitted, Versioned<PersonalHealthBudget>, R> query) {
        return budgets.read(ctx, id, action, query);
    }

    /** R48: the budget without the review notes withheld from this viewer. */
    private static Versioned<PersonalHealthBudget> visible(Permitted p, Versioned<PersonalHealthBudget> stored) {
        PersonalHealthBudget seen = stored.value().withNotesWithheldFrom(p.withheld());
        return seen == stored.value() ? stored : new Versioned<>(seen, stored.version());
    }

    private static Ledger ledgerOf(Permitted p, BudgetId id) {
        return new Ledger(id, p.tx().entries(BudgetStores.LEDGER).byOwner(id));
    }

    private LocalDate today(Permitted p) {
        return LocalDate.ofInstant(p.now(), guard.clock().getZone());
    }

    private static void publish(Permitted p, BudgetEvent event) {
        p.tx().outbox().publish(event);
    }

    private String subject(BudgetId id) {
        return budgets.subject(id);
    }
}
