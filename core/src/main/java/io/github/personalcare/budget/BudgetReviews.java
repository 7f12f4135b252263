package io.github.personalcare.budget;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget's reviews: when the next one is due (R22), the review tasks raised on a change in
 * health or a shortfall (R23), and the reviews completed. With direct payments made, the first
 * review is due within {@value #FIRST_REVIEW_MONTHS} months of the first payment and each later
 * one within {@value #LATER_REVIEW_MONTHS} months of the previous review; otherwise the agreed
 * plan's review date applies.
 *
 * <p>{@link PersonalHealthBudget} stores this state as its {@code planReviewDue}, {@code reviews}
 * and {@code reviewTasks} components (the stored shape) and delegates these rules here.
 *
 * @param planReviewDue the agreed plan's next review date, as last read
 * @param completed     completed reviews, oldest first
 * @param tasks         review tasks raised (R23)
 */
record BudgetReviews(Optional<LocalDate> planReviewDue, List<BudgetReview> completed, List<ReviewTask> tasks) {
    /** R22: the first direct-payment review is due within this many months of the first payment. */
    static final int FIRST_REVIEW_MONTHS = 3;
    /** R22: later direct-payment reviews are due within this many months of the previous one. */
    static final int LATER_REVIEW_MONTHS = 12;

    BudgetReviews {
        Objects.requireNonNull(planReviewDue, "planReviewDue");
        completed = List.copyOf(completed);
        tasks = List.copyOf(tasks);
    }

    /**
     * When the next review is due (R22).
     *
     * @param firstDirectPayment the first payment into a direct-payment line; empty if there is
     *                           none, or if the budget has no direct-payment line
     */
    Optional<LocalDate> nextDue(Optional<LocalDate> firstDirectPayment) {
        if (firstDirectPayment.isPresent()) {
            LocalDate first = firstDirectPayment.get();
            Optional<LocalDate> last = completed.stream().map(BudgetReview::on).filter(d -> !d.isBefore(first))
                    .max(LocalDate::compareTo);
            return Optional.of(last.map(d -> d.plusMonths(LATER_REVIEW_MONTHS))
                    .orElse(first.plusMonths(FIRST_REVIEW_MONTHS)));
        }
        return planReviewDue;
    }

    /** True if a review is due by {@code asOf}: its date has come (R22), or a review task is open (R23). */
    boolean dueBy(LocalDate asOf, Optional<LocalDate> firstDirectPayment) {
        return nextDue(firstDirectPayment).map(d -> !d.isAfter(asOf)).orElse(false)
                || tasks.stream().anyMatch(ReviewTask::isOpen);
    }

    /** True if the due date has passed on {@code date} without a review (R22: missed dates surface as overdue). */
    boolean overdueOn(LocalDate date, Optional<LocalDate> firstDirectPayment) {
        return nextDue(firstDirectPayment).map(date::isAfter).orElse(false);
    }

    /** With the agreed plan's review date, as read when the budget is activated. */
    BudgetReviews withPlanReviewDue(Optional<LocalDate> due) {
        return new BudgetReviews(due, completed, tasks);
    }

    /** With a review task raised (R23). */
    BudgetReviews raise(ReviewTask task) {
        List<ReviewTask> t = new ArrayList<>(tasks);
        t.add(task);
        return new BudgetReviews(planReviewDue, completed, t);
    }

    /**
     * With a completed review: open tasks close on its date, the next due date moves on (R22),
     * and the plan's review date is refreshed when the plan has one.
     */
    BudgetReviews complete(BudgetReview review, Optional<LocalDate> planDue) {
        List<BudgetReview> r = new ArrayList<>(completed);
        r.add(review);
        List<ReviewTask> t = tasks.stream().map(x -> x.isOpen() ? x.closedOn(review.on()) : x).toList();
        return new BudgetReviews(planDue.isPresent() ? planDue : planReviewDue, r, t);
    }
}
