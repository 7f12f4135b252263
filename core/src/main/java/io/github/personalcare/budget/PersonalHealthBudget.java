package io.github.personalcare.budget;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A personal health budget: money a person controls to meet the outcomes of their agreed care
 * plan. It belongs to one patient and one agreed plan (R15); records why the person has it
 * (R18) and who holds it; and has lines, each a plan item with a category, a planned amount per
 * period and its own management option (R14). It keeps the running totals of its ledger per
 * line, so every ledger entry is one optimistic update of the budget: its version is the lock
 * that stops two racing spends from overdrawing it (R17).
 *
 * <p>Every method is pure: it takes the command and the date and returns the new budget, or
 * throws a typed exception; the service stores the result. Direct payments follow SI
 * 2013/1617: recipients (R19), the Schedule exclusion (R20), registered accounts (R21), reviews
 * (R22), review tasks (R23), written notices (R24), stopping on withdrawal of consent or death
 * (R25, R26) and offsetting unused money (R27).
 *
 * @param id                 internal id
 * @param patient            whose budget
 * @param carePlan           the agreed plan it is for (R15)
 * @param eligibility        why the person has it (R18)
 * @param holder             who holds it
 * @param lines              its lines, unique by code
 * @param startDate          first day of the first allocation period
 * @param periodMonths       length of each period in months
 * @param status             lifecycle state
 * @param history            every status change with its reason
 * @param accounts           the running totals of each line, in line order
 * @param planReviewDue      the agreed plan's next review date, as last read
 * @param firstDirectPayment the date of the first payment into a direct-payment line (R22)
 * @param reviews            completed reviews, oldest first
 * @param reviewTasks        review tasks raised (R23)
 * @param notices            written notices given (R24)
 * @param directPaymentStop  when and why direct payments stopped, if they have (R25, R26)
 */
public record PersonalHealthBudget(
        BudgetId id,
        PatientId patient,
        CarePlanId carePlan,
        Eligibility eligibility,
        BudgetHolder holder,
        List<BudgetLine> lines,
        LocalDate startDate,
        int periodMonths,
        BudgetStatus status,
        List<StatusChange> history,
        List<LineAccount> accounts,
        Optional<LocalDate> planReviewDue,
        Optional<LocalDate> firstDirectPayment,
        List<BudgetReview> reviews,
        List<ReviewTask> reviewTasks,
        List<WrittenNotice> notices,
        Optional<DirectPaymentStop> directPaymentStop) {

    /** At most this many lines in one budget. */
    public static final int MAX_LINES = 100;
    /** R22: the first direct-payment review is due within this many months of the first payment. */
    public static final int FIRST_REVIEW_MONTHS = BudgetReviews.FIRST_REVIEW_MONTHS;
    /** R22: later direct-payment reviews are due within this many months of the previous one. */
    public static final int LATER_REVIEW_MONTHS = BudgetReviews.LATER_REVIEW_MONTHS;

    /**
     * Checks the budget: the ids, eligibility, holder, start date and status are required; there are 1
     * to {@link #MAX_LINES} lines, unique by code, with one account each, in line order; a period is 1
     * to 12 months. Absent dates and the absent stop become empty.
     *
     * @param id                 internal id
     * @param patient            whose budget
     * @param carePlan           the agreed plan it is for (R15)
     * @param eligibility        why the person has it (R18)
     * @param holder             who holds it
     * @param lines              its lines, unique by code
     * @param startDate          first day of the first allocation period
     * @param periodMonths       length of each period in months, 1 to 12
     * @param status             lifecycle state
     * @param history            every status change with its reason
     * @param accounts           the running totals of each line, in line order
     * @param planReviewDue      the agreed plan's next review date, as last read
     * @param firstDirectPayment the date of the first payment into a direct-payment line (R22)
     * @param reviews            completed reviews, oldest first
     * @param reviewTasks        review tasks raised (R23)
     * @param notices            written notices given (R24)
     * @param directPaymentStop  when and why direct payments stopped, if they have (R25, R26)
     * @throws InvalidInputException    if a required component is missing, there are no lines or too many
     *                                  (R15), a line code repeats (R14) or the period length is out of range
     * @throws IllegalArgumentException if the accounts do not follow the lines one for one
     */
    public PersonalHealthBudget {
        Require.present("id", id);
        Require.present("patient", patient);
        Require.present("carePlan", carePlan);
        Require.present("eligibility", eligibility);
        Require.present("holder", holder);
        lines = Require.list("lines", lines, MAX_LINES);
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", "R15", "a budget needs at least one line");
        }
        Set<BudgetLineCode> codes = new HashSet<>();
        for (BudgetLine l : lines) {
            if (!codes.add(l.code())) {
                throw new InvalidInputException("lines", "R14", "each line code may appear once (one management option per line)");
            }
        }
        Require.present("startDate", startDate);
        if (periodMonths < 1 || periodMonths > 12) {
            throw new InvalidInputException("periodMonths", "PERIOD", "must be 1 to 12");
        }
        Require.present("status", status);
        history = List.copyOf(history);
        accounts = List.copyOf(accounts);
        if (accounts.size() != lines.size()) {
            throw new IllegalArgumentException("one account per line");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!accounts.get(i).line().equals(lines.get(i).code())) {
                throw new IllegalArgumentException("accounts must follow the lines");
            }
        }
        planReviewDue = planReviewDue == null ? Optional.empty() : planReviewDue;
        firstDirectPayment = firstDirectPayment == null ? Optional.empty() : firstDirectPayment;
        reviews = List.copyOf(reviews);
        reviewTasks = List.copyOf(reviewTasks);
        notices = List.copyOf(notices);
        directPaymentStop = directPaymentStop == null ? Optional.empty() : directPaymentStop;
    }

    /**
     * Proposes a budget for the patient, checking everything that does not need the plan.
     *
     * @param id          the new budget's id
     * @param person      the patient's record (date of birth, flags, date of death)
     * @param carePlan    the patient's current agreed plan the budget is for (R15); checked by the caller
     * @param eligibility why the person has it (R18)
     * @param holder      who holds it
     * @param lines       its lines, each with its own management option (R14)
     * @param startDate   first day of the first allocation period
     * @param policy      the policy budgets are run under: exclusions, overrides and the period length
     * @param today       the date of the command
     * @return the budget, {@link BudgetStatus#PROPOSED}, with empty line accounts
     * @throws InvalidInputException  for a bad field, a cohort the person's age does not fit (R18),
     *                                or a line category that is excluded (R16)
     * @throws RuleViolationException for a direct-payment line whose recipient is not allowed (R19),
     *                                a person excluded under the Schedule without an allowed override
     *                                (R20), an unregistered account (R21), or a patient who has died (R26)
     */
    public static PersonalHealthBudget propose(BudgetId id, Patient person, CarePlanId carePlan,
            Eligibility eligibility, BudgetHolder holder, List<BudgetLine> lines, LocalDate startDate,
            BudgetPolicy policy, LocalDate today) {
        Require.present("patient", person);
        Require.present("eligibility", eligibility);
        Require.present("policy", policy);
        Require.present("today", today);
        eligibility.checkAge(person.ageOn(eligibility.from()));
        if (person.isDeceasedOn(today)) {
            throw new RuleViolationException("R26", "no budget can be set up after the patient's death");
        }
        List<BudgetLine> checked = Require.list("lines", lines, MAX_LINES);
        List<LineAccount> accounts = new ArrayList<>();
        for (BudgetLine line : checked) {
            if (policy.excludes(line.category())) {
                throw new InvalidInputException("line.category", "R16", "is a category a budget may not pay for");
            }
            if (line.management() instanceof Management.DirectPayment dp) {
                DirectPayments.checkArrangement(dp, person, policy, today);
            }
            accounts.add(LineAccount.empty(line.code()));
        }
        return new PersonalHealthBudget(id, person.id(), carePlan, eligibility, holder, checked, startDate,
                policy.periodMonths(), BudgetStatus.PROPOSED,
                List.of(new StatusChange(BudgetStatus.PROPOSED, today, StatusReason.PROPOSED_FOR_PLAN, Optional.empty())),
                accounts, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    /**
     * True if the line carries an override of the Schedule exclusion that this budget relied on (R20).
     *
     * @param line   a line of the budget
     * @param person the patient's record
     * @return whether the line's direct payments rely on the override
     */
    public boolean reliesOnScheduleOverride(BudgetLine line, Patient person) {
        return DirectPayments.reliesOnScheduleOverride(line, person);
    }

    /**
     * Activates the budget against the patient's current agreed plan (R15).
     *
     * @param plan the patient's current agreed plan, if there is one
     * @param on   the date of the command
     * @return the budget, {@link BudgetStatus#ACTIVE}, reading the plan's review date
     * @throws RuleViolationException      with R15 if there is no agreed plan, it is not this budget's
     *                                     plan, or its support section does not reference every line
     * @throws IllegalTransitionException  unless the budget is proposed
     */
    public PersonalHealthBudget activate(Optional<AgreedPlan> plan, LocalDate on) {
        BudgetStatus next = status.next(BudgetStatus.Command.ACTIVATE);
        AgreedPlan agreed = requireAgreedPlan(plan);
        for (BudgetLine l : lines) {
            if (!agreed.references(l.code())) {
                throw new RuleViolationException("R15", "the agreed plan does not reference budget line " + l.code());
            }
        }
        return withStatus(next, on, StatusReason.PLAN_AGREED, Optional.empty())
                .with(reviewSchedule().withPlanReviewDue(agreed.nextReviewDue()));
    }

    /**
     * Checks that the budget's care plan is the patient's current agreed plan (R15): a budget
     * cannot be created, or activated, without one.
     *
     * @param plan the patient's current agreed plan, if there is one
     * @return the agreed plan, which is this budget's
     * @throws RuleViolationException with R15 otherwise
     */
    public AgreedPlan requireAgreedPlan(Optional<AgreedPlan> plan) {
        AgreedPlan agreed = plan.orElseThrow(() -> new RuleViolationException("R15",
                "the patient has no agreed care plan"));
        if (!agreed.plan().equals(carePlan)) {
            throw new RuleViolationException("R15", "the budget's care plan is not the patient's current agreed plan");
        }
        return agreed;
    }

    /**
     * Suspends the budget: no payments or spends until it is resumed.
     *
     * @param reason why, as a code
     * @param detail why, in words, if given (stored, never logged)
     * @param on     the date of the command
     * @return the budget, {@link BudgetStatus#SUSPENDED}
     * @throws IllegalTransitionException unless the budget is active
     * @throws InvalidInputException if the reason or date is missing, or the detail is blank or too long
     */
    public PersonalHealthBudget suspend(StatusReason reason, Optional<String> detail, LocalDate on) {
        return withStatus(status.next(BudgetStatus.Command.SUSPEND), on, reason, detail);
    }

    /**
     * Resumes a suspended budget.
     *
     * @param reason why, as a code
     * @param detail why, in words, if given (stored, never logged)
     * @param on     the date of the command
     * @return the budget, {@link BudgetStatus#ACTIVE} again
     * @throws IllegalTransitionException unless the budget is suspended
     * @throws InvalidInputException if the reason or date is missing, or the detail is blank or too long
     */
    public PersonalHealthBudget resume(StatusReason reason, Optional<String> detail, LocalDate on) {
        return withStatus(status.next(BudgetStatus.Command.RESUME), on, reason, detail);
    }

    /**
     * Ends the budget; final. Unspent money can still be recovered.
     *
     * @param reason why, as a code
     * @param detail why, in words, if given (stored, never logged)
     * @param on     the date of the command
     * @return the budget, {@link BudgetStatus#ENDED}
     * @throws IllegalTransitionException if the budget has already ended
     * @throws InvalidInputException if the reason or date is missing, or the detail is blank or too long
     */
    public PersonalHealthBudget end(StatusReason reason, Optional<String> detail, LocalDate on) {
        return withStatus(status.next(BudgetStatus.Command.END), on, reason, detail);
    }

    private PersonalHealthBudget withStatus(BudgetStatus next, LocalDate on, StatusReason reason,
            Optional<String> detail) {
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(next, on, reason, detail));
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, lines, startDate, periodMonths, next,
                h, accounts, planReviewDue, firstDirectPayment, reviews, reviewTasks, notices, directPaymentStop);
    }

    /**
     * The line with this code, if the budget has it.
     *
     * @param code the line's code
     * @return the line, or empty if the budget has no line with this code
     */
    public Optional<BudgetLine> line(BudgetLineCode code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /**
     * The line's running totals.
     *
     * @param code the line's code
     * @return the line's running totals, or empty if the budget has no line with this code
     */
    public Optional<LineAccount> account(BudgetLineCode code) {
        return accounts.stream().filter(a -> a.line().equals(code)).findFirst();
    }

    /** {@return the budget's balance: the sum of its lines' balances} */
    public Balance balance() {
        Balance b = Balance.ZERO;
        for (LineAccount a : accounts) {
            b = b.plus(a.balance());
        }
        return b;
    }

    /**
     * {@return the line's balance; zero for a line the budget does not have}
     *
     * @param code the line's code
     */
    public Balance balance(BudgetLineCode code) {
        return account(code).map(LineAccount::balance).orElse(Balance.ZERO);
    }

    /** {@return the management options the budget's lines use} */
    public Set<ManagementOption> options() {
        Set<ManagementOption> s = new HashSet<>();
        lines.forEach(l -> s.add(l.option()));
        return Set.copyOf(s);
    }

    /** {@return true if any line is a direct payment} */
    public boolean hasDirectPayments() {
        return lines.stream().anyMatch(BudgetLine::isDirectPayment);
    }

    /**
     * {@return the allocation period containing the date; empty before the start date}
     *
     * @param date the date
     */
    public Optional<BudgetPeriod> periodOn(LocalDate date) {
        return BudgetPeriod.containing(startDate, periodMonths, date);
    }

    /** {@return the codes of the lines, in order} */
    public List<BudgetLineCode> lineCodes() {
        return lines.stream().map(BudgetLine::code).toList();
    }

    /** {@return true if direct payments have stopped (R25, R26)} */
    public boolean directPaymentsStopped() {
        return directPayments().stopped();
    }

    /**
     * Checks an entry other than a spend before it is recorded (spends go through the
     * {@link SpendingRule}s): the line exists, the budget's state allows the kind of entry, the
     * date is in the current period and not in the future, and direct-payment rules hold.
     *
     * @param e               the allocation, refund, adjustment or recovery to record
     * @param paidIntoAccount for an allocation, the account the money was paid into, if known (R21)
     * @param person          the patient's record (date of birth, date of death)
     * @param today           the date of the command
     * @throws InvalidInputException  for an unknown line or a date outside the current period
     * @throws RuleViolationException for a state, direct-payment (R21, R24–R27) or balance (R17) rule
     * @throws IllegalTransitionException with {@code BUDGET_STATUS} if the budget's state does not take this kind of
     *                                    entry
     */
    public void checkEntry(LedgerEntry e, Optional<String> paidIntoAccount, Patient person, LocalDate today) {
        BudgetLine line = line(e.line()).orElseThrow(() -> new InvalidInputException("line", "R15",
                "is not a line of this budget"));
        boolean allowed = switch (e.kind()) {
            case ALLOCATION -> status == BudgetStatus.ACTIVE;
            case REFUND, ADJUSTMENT -> status == BudgetStatus.ACTIVE || status == BudgetStatus.SUSPENDED;
            case RECOVERY -> status != BudgetStatus.PROPOSED;
            case SPEND -> throw new IllegalArgumentException("spends are checked by the spending rules");
        };
        if (!allowed) {
            throw new IllegalTransitionException("BUDGET_STATUS", status.name(), "record " + e.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        checkDate(e.date(), today);
        directPayments().checkPayment(e, line, paidIntoAccount, person);
        if (e.kind() == EntryKind.REFUND) {
            LineAccount a = account(e.line()).orElseThrow();
            if (e.amount().pence() > a.netSpent()) {
                throw new RuleViolationException("LEDGER", "a refund cannot exceed what the line has spent");
            }
        }
        noticesGiven().checkRecovery(e, line);
        if (e.signedPence() < 0 && !balance(e.line()).covers(e.amount())) {
            throw new RuleViolationException("R17", "the entry would take the line's balance below zero");
        }
    }

    /**
     * Checks that an entry's date is in the allocation period containing {@code today}, and
     * not after it.
     *
     * @param date  the entry's date
     * @param today the date of the command
     * @throws InvalidInputException naming {@code date} with rule PERIOD otherwise
     */
    public void checkDate(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidInputException("date", "PERIOD", "must not be in the future");
        }
        if (!periodOn(today).map(p -> p.contains(date)).orElse(false)) {
            throw new InvalidInputException("date", "PERIOD", "must be within the current allocation period");
        }
    }

    /**
     * The budget with the entry added to its running totals. The last line of defence of R17:
     * a line may go below zero only through a notional spend with an approver, where the policy
     * allows it.
     *
     * @param e      the entry, already checked
     * @param policy the policy, which says whether a notional line may be overspent with an approver
     * @return the budget with the entry in its running totals
     * @throws RuleViolationException with R17 if the entry would overdraw the line
     * @throws InvalidInputException with R15 if the entry's line is not a line of this budget
     * @throws IllegalArgumentException if the entry belongs to another budget
     */
    public PersonalHealthBudget record(LedgerEntry e, BudgetPolicy policy) {
        if (!e.budget().equals(id)) {
            throw new IllegalArgumentException("an entry of another budget");
        }
        BudgetLine line = line(e.line()).orElseThrow(() -> new InvalidInputException("line", "R15",
                "is not a line of this budget"));
        List<LineAccount> next = new ArrayList<>(accounts.size());
        for (LineAccount a : accounts) {
            next.add(a.line().equals(e.line()) ? a.with(e) : a);
        }
        LineAccount after = next.get(lines.indexOf(line));
        if (after.balance().isOverdrawn() && e.signedPence() < 0 && !overspendAllowed(e, line, policy)) {
            throw new RuleViolationException("R17", "the entry would take the line's balance below zero");
        }
        DirectPayments d = directPayments().recorded(e, line);
        BudgetNotices n = noticesGiven().recorded(e);
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, lines, startDate, periodMonths,
                status, history, next, planReviewDue, d.firstPayment(), reviews, reviewTasks, n.given(), d.stop());
    }

    /** True if a spend on a notional line may take it below zero: policy allows it and an approver is named. */
    static boolean overspendAllowed(LedgerEntry e, BudgetLine line, BudgetPolicy policy) {
        return e.kind() == EntryKind.SPEND && e.approvedBy().isPresent()
                && line.option() == ManagementOption.NOTIONAL && policy.notionalOverspendAllowed();
    }

    // --- reviews (R22, R23) ---

    /**
     * When the next review is due. With direct payments made: no later than 3 months after the
     * first payment, then no more than 12 months after the previous review (R22); otherwise the
     * agreed plan's review date.
     *
     * @return the date the next review is due, or empty if none is set
     */
    public Optional<LocalDate> nextReviewDue() {
        return reviewSchedule().nextDue(reviewClockStart());
    }

    /**
     * True if the budget should be reviewed by {@code asOf}: its review date has come, or a
     * review task is open. Ended budgets are never due.
     *
     * @param asOf the date asked about
     * @return whether the budget should be reviewed by {@code asOf}
     */
    public boolean dueForReview(LocalDate asOf) {
        if (status == BudgetStatus.ENDED || status == BudgetStatus.PROPOSED) {
            return false;
        }
        return reviewSchedule().dueBy(asOf, reviewClockStart());
    }

    /**
     * True if the review due date has passed without a review (R22: missed dates surface as overdue).
     *
     * @param date the date asked about
     * @return whether the review due date had passed on {@code date} without a review
     */
    public boolean isReviewOverdueOn(LocalDate date) {
        return status != BudgetStatus.ENDED && reviewSchedule().overdueOn(date, reviewClockStart());
    }

    /**
     * The budget with a review task raised (R23).
     *
     * @param task the task to raise
     * @return the budget with the task among its open review tasks
     * @throws InvalidInputException if {@code task} is missing
     */
    public PersonalHealthBudget raise(ReviewTask task) {
        Require.present("task", task);
        return with(reviewSchedule().raise(task));
    }

    /**
     * The budget with a completed review: open review tasks close, the next due date moves on
     * (R22), and the plan's review date is refreshed.
     *
     * @param review  the completed review
     * @param planDue the agreed plan's next review date, read again
     * @return the budget with the review recorded
     * @throws IllegalTransitionException unless active or suspended
     * @throws InvalidInputException if {@code review} is missing
     */
    public PersonalHealthBudget completeReview(BudgetReview review, Optional<LocalDate> planDue) {
        Require.present("review", review);
        if (status != BudgetStatus.ACTIVE && status != BudgetStatus.SUSPENDED) {
            throw new IllegalTransitionException("BUDGET_STATUS", status.name(), "complete review");
        }
        return with(reviewSchedule().complete(review, planDue));
    }

    // --- notices (R24) ---

    /**
     * The notice with this id.
     *
     * @param noticeId the notice's id
     * @return the notice, or empty if the budget has none with this id
     */
    public Optional<WrittenNotice> notice(NoticeId noticeId) {
        return noticesGiven().find(noticeId);
    }

    /**
     * The budget with a written notice given (R24).
     *
     * @param notice the notice, reduction or repayment
     * @return the budget with the notice among its notices
     * @throws InvalidInputException  if the line is not a direct-payment line of this budget, or a
     *                                reduction is not below the current amount
     * @throws IllegalTransitionException unless active or suspended (or ended, for repayment)
     */
    public PersonalHealthBudget issue(WrittenNotice notice) {
        Require.present("notice", notice);
        return with(noticesGiven().issue(notice, line(notice.line()), status));
    }

    /**
     * The budget with the recipient's request to reconsider a notice recorded (R24).
     *
     * @param noticeId the notice's id
     * @param on       the date of the request
     * @return the budget with the request recorded on the notice
     * @throws InvalidInputException      if there is no such notice, or the request predates it
     * @throws IllegalTransitionException if reconsideration was already requested
     */
    public PersonalHealthBudget requestReconsideration(NoticeId noticeId, LocalDate on) {
        return with(noticesGiven().requestReconsideration(noticeId, on));
    }

    /**
     * The budget with the reasoned outcome of a reconsideration recorded (R24).
     *
     * @param noticeId the notice's id
     * @param outcome  the outcome of the reconsideration
     * @param reasons  the reasons for it, in words
     * @param on       the date of the decision
     * @return the budget with the outcome recorded on the notice
     * @throws InvalidInputException      if there is no such notice
     * @throws IllegalTransitionException unless a reconsideration is pending
     */
    public PersonalHealthBudget decideReconsideration(NoticeId noticeId, ReconsiderationOutcome outcome, String reasons,
            LocalDate on) {
        return with(noticesGiven().decideReconsideration(noticeId, outcome, reasons, on));
    }

    /**
     * The budget with a line's planned amount changed. Reducing a direct-payment line needs a
     * reduction notice in force for that line and amount (R24).
     *
     * @param code     the line's code
     * @param amount   the new amount planned for each period, more than zero
     * @param noticeId the reduction notice in force, for a reduction of a direct-payment line
     * @return the budget with the line's new planned amount
     * @throws RuleViolationException with R24 if a needed notice is missing, pending or withdrawn
     * @throws InvalidInputException if the line is not a line of this budget (R15) or the amount is not positive
     */
    public PersonalHealthBudget changePlannedAmount(BudgetLineCode code, Money amount, Optional<NoticeId> noticeId) {
        BudgetLine line = line(code).orElseThrow(() -> new InvalidInputException("line", "R15", "is not a line of this budget"));
        amount.requirePositive("plannedPerPeriod");
        if (line.isDirectPayment() && line.plannedPerPeriod().isMoreThan(amount)) {
            noticesGiven().checkReduction(code, amount, noticeId);
        }
        List<BudgetLine> l = lines.stream().map(x -> x.code().equals(code) ? x.withPlannedPerPeriod(amount) : x).toList();
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, l, startDate, periodMonths, status,
                history, accounts, planReviewDue, firstDirectPayment, reviews, reviewTasks, notices, directPaymentStop);
    }

    /**
     * The budget with a direct-payment line paid to another recipient, into their own registered
     * account, checked as at proposal (R19, R21) on {@code today}: for example the young person,
     * with their consent, when a child whose representative received the payments turns 16.
     *
     * @param code      the direct-payment line's code
     * @param recipient who receives the payments from now on
     * @param account   the recipient's own registered account (R21)
     * @param person    the patient's record (age, capacity)
     * @param today     the date of the command
     * @return the budget with the line paid to the new recipient
     * @throws InvalidInputException  if the line is not a direct-payment line of this budget, or
     *                                the recipient's consent is dated in the future
     * @throws RuleViolationException with R19 if the recipient may not receive the money
     * @throws RuleViolationException with R21 if the account is the previous recipient's or not yet registered
     */
    public PersonalHealthBudget changeRecipient(BudgetLineCode code, Recipient recipient, PaymentAccount account,
            Patient person, LocalDate today) {
        Require.present("recipient", recipient);
        Require.present("account", account);
        BudgetLine line = line(code).orElseThrow(() -> new InvalidInputException("line", "R15", "is not a line of this budget"));
        if (!(line.management() instanceof Management.DirectPayment dp)) {
            throw new InvalidInputException("line", "R19", "is not a direct-payment line");
        }
        if (account.reference().equals(dp.account().reference())) {
            throw new RuleViolationException("R21", "the new recipient's payments go into an account of their own, "
                    + "not the previous recipient's");
        }
        if (account.registeredOn().isAfter(today)) {
            throw new RuleViolationException("R21", "the direct-payment account is not registered yet");
        }
        Management.DirectPayment next = new Management.DirectPayment(recipient, account, dp.scheduleOverride());
        DirectPayments.checkRecipient(recipient, person, today);
        if (recipient.consentedOn().isAfter(today)) {
            throw new InvalidInputException("recipient.consentedOn", "R19", "must not be in the future");
        }
        List<BudgetLine> l = lines.stream().map(x -> x.code().equals(code)
                ? new BudgetLine(x.code(), x.category(), x.plannedPerPeriod(), next, x.paymentFrequency()) : x).toList();
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, l, startDate, periodMonths, status,
                history, accounts, planReviewDue, firstDirectPayment, reviews, reviewTasks, notices, directPaymentStop);
    }

    // --- stopping direct payments (R25, R26) ---

    /**
     * The budget with direct payments stopped from {@code stop.on()}: no further payment into or
     * spend from a direct-payment line (R25, R26). Notional and third-party lines carry on.
     *
     * @param stop why direct payments stop, and from when
     * @return the budget with direct payments stopped
     * @throws RuleViolationException     if the budget has no direct-payment line
     * @throws IllegalTransitionException if they already stopped
     */
    public PersonalHealthBudget stopDirectPayments(DirectPaymentStop stop) {
        Require.present("stop", stop);
        return with(directPayments().stoppedBy(stop, hasDirectPayments()));
    }

    // --- offsetting (R27) ---

    /**
     * Checks an offset of accumulated unused money against the next scheduled payment of a
     * line: the offset may not exceed that payment (R27), nor the unused money there is.
     *
     * @param code             the line's code
     * @param offset           the accumulated unused money to offset
     * @param scheduledPayment the next scheduled payment into the line
     * @throws RuleViolationException with R27 otherwise
     */
    public void checkOffset(BudgetLineCode code, Money offset, Money scheduledPayment) {
        if (offset.isMoreThan(scheduledPayment)) {
            throw new RuleViolationException("R27", "an offset may not exceed the next scheduled payment");
        }
        if (!balance(code).covers(offset)) {
            throw new RuleViolationException("R27", "an offset may not exceed the accumulated unused money");
        }
    }

    // --- the direct payments, reviews and notices as values ---
    // Each concern's state is stored flat in the components above (the stored shape of a budget, in
    // JSON and FHIR); the value built from it holds that concern's rules, and the methods above delegate.

    private DirectPayments directPayments() {
        return new DirectPayments(firstDirectPayment, directPaymentStop);
    }

    private PersonalHealthBudget with(DirectPayments d) {
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, lines, startDate, periodMonths,
                status, history, accounts, planReviewDue, d.firstPayment(), reviews, reviewTasks, notices, d.stop());
    }

    private BudgetReviews reviewSchedule() {
        return new BudgetReviews(planReviewDue, reviews, reviewTasks);
    }

    /**
     * The budget as a viewer sees it when review notes labelled with any of {@code withheld} are
     * left out (R48: third-party and serious-harm notes are never shown to the patient or a proxy).
     * For reading only: commands act on the stored budget.
     *
     * @param withheld the labels withheld from the viewer
     * @return the budget, the same one if nothing is withheld
     */
    public PersonalHealthBudget withNotesWithheldFrom(Set<SensitivityLabel> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        List<BudgetReview> visible = reviews.stream().map(r -> r.withNotesWithheldFrom(withheld)).toList();
        return visible.equals(reviews) ? this : new PersonalHealthBudget(id, patient, carePlan, eligibility, holder,
                lines, startDate, periodMonths, status, history, accounts, planReviewDue, firstDirectPayment, visible,
                reviewTasks, notices, directPaymentStop);
    }

    /** The budget reading the review date of its plan's newly agreed version (R22). */
    PersonalHealthBudget followingPlanReviewDue(Optional<LocalDate> due) {
        return with(reviewSchedule().withPlanReviewDue(due));
    }

    private PersonalHealthBudget with(BudgetReviews r) {
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, lines, startDate, periodMonths,
                status, history, accounts, r.planReviewDue(), firstDirectPayment, r.completed(), r.tasks(), notices,
                directPaymentStop);
    }

    private BudgetNotices noticesGiven() {
        return new BudgetNotices(notices);
    }

    private PersonalHealthBudget with(BudgetNotices n) {
        return new PersonalHealthBudget(id, patient, carePlan, eligibility, holder, lines, startDate, periodMonths,
                status, history, accounts, planReviewDue, firstDirectPayment, reviews, reviewTasks, n.given(),
                directPaymentStop);
    }

    /** R22: the review clock runs from the first direct payment, for a budget with a direct-payment line. */
    private Optional<LocalDate> reviewClockStart() {
        return hasDirectPayments() ? firstDirectPayment : Optional.empty();
    }

    @Override
    public String toString() {
        return "PersonalHealthBudget[" + id + " " + status + "]";
    }
}
