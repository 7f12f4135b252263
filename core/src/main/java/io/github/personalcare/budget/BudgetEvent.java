package io.github.personalcare.budget;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about personal health budgets. They carry ids, codes and amounts in pence, never a
 * payee, a reason in words or anything else typed by a person.
 */
public sealed interface BudgetEvent extends DomainEvent
        permits BudgetEvent.Proposed, BudgetEvent.StatusChanged, BudgetEvent.EntryRecorded,
        BudgetEvent.DirectPaymentsStopped, BudgetEvent.ReviewTaskRaised, BudgetEvent.ReviewCompleted,
        BudgetEvent.NoticeIssued, BudgetEvent.ReconsiderationRecorded, BudgetEvent.PlannedAmountChanged,
        BudgetEvent.PlanReviewDateFollowed {

    /** {@return the budget concerned} */
    BudgetId budget();

    /** A budget was proposed. */
    record Proposed(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the budget was proposed
         * @param patient    whose budget it is
         * @param budget     the budget
         * @throws NullPointerException if a component is null
         */
        public Proposed {
            check(eventId, occurredAt, patient, budget);
        }

        @Override
        public String type() {
            return "budget.proposed";
        }
    }

    /** A budget was activated, suspended, resumed or ended. */
    record StatusChanged(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, BudgetStatus status,
            StatusReason reason) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the status changed
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param status     the new status
         * @param reason     why it changed, as a code
         * @throws NullPointerException if a component is null
         */
        public StatusChanged {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "budget.status." + status.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A ledger entry was recorded. */
    record EntryRecorded(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, LedgerEntryId entry,
            EntryKind kind, String line, long signedPence) implements BudgetEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when the entry was recorded
         * @param patient     whose budget it is
         * @param budget      the budget
         * @param entry       the entry's id
         * @param kind        allocation, spend, refund, adjustment or recovery
         * @param line        the line's code
         * @param signedPence the amount in pence: positive into the budget, negative out of it
         * @throws NullPointerException if an object component is null
         */
        public EntryRecorded {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(line, "line");
        }

        @Override
        public String type() {
            return "budget.entry." + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Direct payments on the budget stopped (R25, R26). */
    record DirectPaymentsStopped(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget,
            StopReason reason) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when direct payments stopped
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param reason     why they stopped
         * @throws NullPointerException if a component is null
         */
        public DirectPaymentsStopped {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "budget.directPayments.stopped";
        }
    }

    /** A review task was raised (R23). */
    record ReviewTaskRaised(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, ReviewTaskId task,
            ReviewTaskKind kind) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the task was raised
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param task       the task's id
         * @param kind       what prompted it
         * @throws NullPointerException if a component is null
         */
        public ReviewTaskRaised {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String type() {
            return "budget.reviewTask.raised";
        }
    }

    /** A review was completed (R22). */
    record ReviewCompleted(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget)
            implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the review was completed
         * @param patient    whose budget it is
         * @param budget     the budget
         * @throws NullPointerException if a component is null
         */
        public ReviewCompleted {
            check(eventId, occurredAt, patient, budget);
        }

        @Override
        public String type() {
            return "budget.review.completed";
        }
    }

    /**
     * The budget took the review date of its care plan's newly agreed version (R22), in the same
     * transaction as the agreement.
     */
    record PlanReviewDateFollowed(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget,
            java.util.Optional<java.time.LocalDate> planReviewDue) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when the plan was agreed
         * @param patient       whose budget it is
         * @param budget        the budget
         * @param planReviewDue the plan's review date the budget now follows
         * @throws NullPointerException if a component is null
         */
        public PlanReviewDateFollowed {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(planReviewDue, "planReviewDue");
        }

        @Override
        public String type() {
            return "budget.planReviewDate.followed";
        }
    }

    /** A written notice of reduction or repayment was given (R24). */
    record NoticeIssued(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, NoticeId notice,
            NoticeKind kind) implements BudgetEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the notice was given
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param notice     the notice's id
         * @param kind       reduction or repayment
         * @throws NullPointerException if a component is null
         */
        public NoticeIssued {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String type() {
            return "budget.notice.issued";
        }
    }

    /** Reconsideration of a notice was requested or decided (R24). */
    record ReconsiderationRecorded(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget,
            NoticeId notice, boolean decided) implements BudgetEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the request or the decision was recorded
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param notice     the notice reconsidered
         * @param decided    false when reconsideration was requested, true when it was decided
         * @throws NullPointerException if an object component is null
         */
        public ReconsiderationRecorded {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(notice, "notice");
        }

        @Override
        public String type() {
            return decided ? "budget.reconsideration.decided" : "budget.reconsideration.requested";
        }
    }

    /** A line's planned amount per period changed. */
    record PlannedAmountChanged(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, String line,
            long pence) implements BudgetEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the amount changed
         * @param patient    whose budget it is
         * @param budget     the budget
         * @param line       the line's code
         * @param pence      the new planned amount per period, in pence
         * @throws NullPointerException if an object component is null
         */
        public PlannedAmountChanged {
            check(eventId, occurredAt, patient, budget);
            Objects.requireNonNull(line, "line");
        }

        @Override
        public String type() {
            return "budget.line.plannedAmountChanged";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(budget, "budget");
    }
}
