package io.github.personalcare.budget;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The written notices given to a budget's direct-payment recipients (R24): reductions of a line's
 * amount and demands for repayment, each with reasons, the recipient's requests to reconsider
 * them and the reasoned outcomes. While a reconsideration is pending, or if the notice was
 * withdrawn, nothing is reduced or recovered under it.
 *
 * <p>{@link PersonalHealthBudget} stores this state as its {@code notices} component (the stored
 * shape) and delegates these rules here.
 *
 * @param given the notices given, oldest first
 */
record BudgetNotices(List<WrittenNotice> given) {
    BudgetNotices {
        given = List.copyOf(given);
    }

    /** The notice with this id. */
    Optional<WrittenNotice> find(NoticeId id) {
        return given.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /**
     * With {@code notice} given (R24).
     *
     * @param line   the budget's line the notice names, if the budget has it
     * @param status the budget's status: notices are given while it is active or suspended, and
     *               repayment notices after it ended
     * @throws InvalidInputException      if the line is not a direct-payment line of the budget, or a
     *                                    reduction is not below the current amount
     * @throws IllegalTransitionException if the budget's status allows no such notice
     */
    BudgetNotices issue(WrittenNotice notice, Optional<BudgetLine> line, BudgetStatus status) {
        BudgetLine l = line.filter(BudgetLine::isDirectPayment).orElseThrow(() ->
                new InvalidInputException("notice.line", "R24", "must be a direct-payment line of this budget"));
        boolean allowed = status == BudgetStatus.ACTIVE || status == BudgetStatus.SUSPENDED
                || (status == BudgetStatus.ENDED && notice.kind() == NoticeKind.REPAYMENT);
        if (!allowed) {
            throw new IllegalTransitionException("BUDGET_STATUS", status.name(), "issue notice");
        }
        if (notice.kind() == NoticeKind.REDUCTION && !l.plannedPerPeriod().isMoreThan(notice.amount())) {
            throw new InvalidInputException("notice.amount", "R24", "a reduction must be below the current planned amount");
        }
        List<WrittenNotice> n = new ArrayList<>(given);
        n.add(notice);
        return new BudgetNotices(n);
    }

    /**
     * With the recipient's request to reconsider a notice recorded (R24).
     *
     * @throws InvalidInputException      if there is no such notice, or the request predates it
     * @throws IllegalTransitionException if reconsideration was already requested
     */
    BudgetNotices requestReconsideration(NoticeId id, LocalDate on) {
        WrittenNotice n = existing(id);
        if (n.reconsideration().isPresent()) {
            throw new IllegalTransitionException("R24", "RECONSIDERATION_REQUESTED", "request reconsideration");
        }
        if (on.isBefore(n.issuedOn())) {
            throw new InvalidInputException("requestedOn", "R24", "must not be before the notice was given");
        }
        return replace(n.withReconsideration(new Reconsideration(on, Optional.empty(), Optional.empty(), Optional.empty())));
    }

    /**
     * With the reasoned outcome of a reconsideration recorded (R24).
     *
     * @throws InvalidInputException      if there is no such notice
     * @throws IllegalTransitionException unless a reconsideration is pending
     */
    BudgetNotices decideReconsideration(NoticeId id, ReconsiderationOutcome outcome, String reasons, LocalDate on) {
        WrittenNotice n = existing(id);
        Reconsideration r = n.reconsideration().filter(Reconsideration::isPending).orElseThrow(() ->
                new IllegalTransitionException("R24", n.reconsideration().isPresent() ? "DECIDED" : "NOT_REQUESTED",
                        "decide reconsideration"));
        return replace(n.withReconsideration(new Reconsideration(r.requestedOn(), Optional.of(on), Optional.of(outcome),
                Optional.of(reasons))));
    }

    /**
     * Checks that a reduction of a direct-payment line to {@code amount} has a reduction notice
     * in force for that line and amount (R24).
     *
     * @throws RuleViolationException with R24 if the notice is missing, of another kind, line or
     *                                amount, pending reconsideration or withdrawn
     */
    void checkReduction(BudgetLineCode line, Money amount, Optional<NoticeId> id) {
        WrittenNotice n = id.flatMap(this::find).orElseThrow(() -> new RuleViolationException("R24",
                "reducing a direct payment needs a written notice with reasons"));
        if (n.kind() != NoticeKind.REDUCTION || !n.line().equals(line) || !n.amount().equals(amount)) {
            throw new RuleViolationException("R24", "the notice is not a reduction of this line to this amount");
        }
        if (!n.isInForce()) {
            throw new RuleViolationException("R24", "the notice is under reconsideration or was withdrawn");
        }
    }

    /**
     * Checks an entry on {@code line} that recovers direct-payment money: it needs a repayment
     * notice for the line, in force, demanding at least the amount (R24). Other entries and lines
     * pass.
     *
     * @throws RuleViolationException with R24 otherwise
     */
    void checkRecovery(LedgerEntry e, BudgetLine line) {
        if (e.kind() != EntryKind.RECOVERY || !line.isDirectPayment()) {
            return;
        }
        WrittenNotice n = e.notice().flatMap(this::find).orElseThrow(() -> new RuleViolationException("R24",
                "recovering direct-payment money needs a written repayment notice"));
        if (n.kind() != NoticeKind.REPAYMENT || !n.line().equals(e.line())) {
            throw new RuleViolationException("R24", "the notice is not a repayment notice for this line");
        }
        if (!n.isInForce()) {
            throw new RuleViolationException("R24", "the notice is under reconsideration or was withdrawn");
        }
        if (e.amount().isMoreThan(n.outstanding())) {
            throw new RuleViolationException("R24", "more than the notice demands");
        }
    }

    /** After {@code e} is recorded: a recovery under a notice counts towards what it demands. */
    BudgetNotices recorded(LedgerEntry e) {
        if (e.kind() != EntryKind.RECOVERY || e.notice().isEmpty()) {
            return this;
        }
        NoticeId id = e.notice().get();
        return new BudgetNotices(given.stream().map(x -> x.id().equals(id) ? x.withRecovered(e.amount().pence()) : x)
                .toList());
    }

    private WrittenNotice existing(NoticeId id) {
        return find(id).orElseThrow(() -> new InvalidInputException("noticeId", "R24", "is not a notice of this budget"));
    }

    private BudgetNotices replace(WrittenNotice notice) {
        return new BudgetNotices(given.stream().map(n -> n.id().equals(notice.id()) ? notice : n).toList());
    }
}
