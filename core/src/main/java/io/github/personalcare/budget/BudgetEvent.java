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
        BudgetEvent.NoticeIssued, BudgetEvent.ReconsiderationRecorded, BudgetEvent.PlannedAmountChanged {

    /** The budget concerned. */
    BudgetId budget();

    /** A budget was proposed. */
    record Proposed(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget) implements BudgetEvent {
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
        public ReviewCompleted {
            check(eventId, occurredAt, patient, budget);
        }

        @Override
        public String type() {
            return "budget.review.completed";
        }
    }

    /** A written notice of reduction or repayment was given (R24). */
    record NoticeIssued(UUID eventId, Instant occurredAt, PatientId patient, BudgetId budget, NoticeId notice,
            NoticeKind kind) implements BudgetEvent {
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
