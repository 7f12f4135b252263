package io.github.personalcare.econsult;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Events about e-consultations. They carry ids, statuses and codes only: never the patient's
 * answers or the practice's note.
 */
public sealed interface EconsultEvent extends DomainEvent
        permits EconsultEvent.Submitted, EconsultEvent.UrgentAdviceGiven, EconsultEvent.Triaged,
        EconsultEvent.Withdrawn {

    /** {@return the e-consultation concerned} */
    EconsultationId econsultation();

    /**
     * A request was submitted to the practice.
     *
     * @param eventId       the unique id of the event
     * @param occurredAt    when it was submitted
     * @param patient       whose request it is
     * @param econsultation its id
     * @param practice      the practice it was sent to
     * @param status        the status it started in: awaiting triage or urgent advice
     */
    record Submitted(UUID eventId, Instant occurredAt, PatientId patient, EconsultationId econsultation,
            OdsCode practice, EconsultStatus status) implements EconsultEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when it was submitted
         * @param patient       whose request it is
         * @param econsultation its id
         * @param practice      the practice
         * @param status        the status it started in
         * @throws NullPointerException if a component is null
         */
        public Submitted {
            check(eventId, occurredAt, patient, econsultation);
            Objects.requireNonNull(practice, "practice");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String type() {
            return "econsult.submitted";
        }
    }

    /**
     * A red-flag answer routed the request to urgent advice: the practice's clinical system should
     * alert at once, whatever the routine queue holds.
     *
     * @param eventId       the unique id of the event
     * @param occurredAt    when the advice was given
     * @param patient       whose request it is
     * @param econsultation its id
     * @param practice      the practice to alert
     * @param redFlags      the red-flag codes answered "yes"
     */
    record UrgentAdviceGiven(UUID eventId, Instant occurredAt, PatientId patient, EconsultationId econsultation,
            OdsCode practice, Set<RedFlag> redFlags) implements EconsultEvent {
        /**
         * Checks every component is present and copies the flags.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when the advice was given
         * @param patient       whose request it is
         * @param econsultation its id
         * @param practice      the practice to alert
         * @param redFlags      the red flags, at least one
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if there is no red flag
         */
        public UrgentAdviceGiven {
            check(eventId, occurredAt, patient, econsultation);
            Objects.requireNonNull(practice, "practice");
            if (redFlags == null || redFlags.isEmpty()) {
                throw new IllegalArgumentException("urgent advice needs a red flag");
            }
            redFlags = Set.copyOf(EnumSet.copyOf(redFlags));
        }

        @Override
        public String type() {
            return "econsult.urgent-advice";
        }
    }

    /**
     * The practice recorded its outcome; the patient can now see it.
     *
     * @param eventId       the unique id of the event
     * @param occurredAt    when
     * @param patient       whose request it is
     * @param econsultation its id
     * @param outcome       the kind of outcome
     * @param overdue       whether it was triaged after its due time
     */
    record Triaged(UUID eventId, Instant occurredAt, PatientId patient, EconsultationId econsultation,
            TriageOutcome.Kind outcome, boolean overdue) implements EconsultEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when
         * @param patient       whose request it is
         * @param econsultation its id
         * @param outcome       the kind of outcome
         * @param overdue       whether it was late
         * @throws NullPointerException if a component is null
         */
        public Triaged {
            check(eventId, occurredAt, patient, econsultation);
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String type() {
            return "econsult.triaged";
        }
    }

    /**
     * The patient or proxy withdrew the request.
     *
     * @param eventId       the unique id of the event
     * @param occurredAt    when
     * @param patient       whose request it is
     * @param econsultation its id
     */
    record Withdrawn(UUID eventId, Instant occurredAt, PatientId patient, EconsultationId econsultation)
            implements EconsultEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when
         * @param patient       whose request it is
         * @param econsultation its id
         * @throws NullPointerException if a component is null
         */
        public Withdrawn {
            check(eventId, occurredAt, patient, econsultation);
        }

        @Override
        public String type() {
            return "econsult.withdrawn";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, EconsultationId id) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(id, "econsultation");
    }
}
