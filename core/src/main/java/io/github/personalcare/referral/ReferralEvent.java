package io.github.personalcare.referral;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about referrals and their RTT clocks. They carry ids, states and codes only: never the
 * clinical reason, comments, advice or attachment titles. Clock dates are UK local dates
 * (Europe/London).
 */
public sealed interface ReferralEvent extends DomainEvent
        permits ReferralEvent.Drafted, ReferralEvent.Transitioned, ReferralEvent.PriorityChanged,
        ReferralEvent.AppointmentCancelled, ReferralEvent.ClockStarted, ReferralEvent.PatientChoiceDelayStarted,
        ReferralEvent.PatientChoiceDelayEnded, ReferralEvent.ClockStopped, ReferralEvent.ClockNullified {

    /** {@return the referral concerned} */
    ReferralId referral();

    /** A referral was drafted with its UBRN (R4). */
    record Drafted(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral, Ubrn ubrn,
            Priority priority, RequestType requestType) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when the referral was drafted
         * @param patient     who is referred
         * @param referral    the referral's id
         * @param ubrn        its UBRN
         * @param priority    its priority
         * @param requestType appointment, or advice and guidance
         * @throws NullPointerException if a component is null
         */
        public Drafted {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(ubrn, "ubrn");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(requestType, "requestType");
        }

        @Override
        public String type() {
            return "referral.drafted";
        }
    }

    /** A command moved the referral from one state to another (or recorded a change within one). */
    record Transitioned(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral,
            ReferralCommand.Type command, ReferralState from, ReferralState to) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the command was applied
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param command    the command applied
         * @param from       the state before
         * @param to         the state after, possibly the same
         * @throws NullPointerException if a component is null
         */
        public Transitioned {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String type() {
            return "referral.transitioned";
        }
    }

    /** The provider changed the priority when reviewing. */
    record PriorityChanged(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral, Priority from,
            Priority to) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the priority changed
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param from       the priority before
         * @param to         the priority after
         * @throws NullPointerException if a component is null
         */
        public PriorityChanged {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String type() {
            return "referral.priority_changed";
        }
    }

    /** The current appointment was cancelled (by patient, provider, rejection or with the referral, R31). */
    record AppointmentCancelled(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral,
            ServiceId service, AppointmentStatus status) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the appointment was cancelled
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param service    the service the appointment was at
         * @param status     how it ended: cancelled by the patient, by the provider or with the
         *                   referral
         * @throws NullPointerException if a component is null
         */
        public AppointmentCancelled {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String type() {
            return "referral.appointment_cancelled";
        }
    }

    /** An RTT clock started on a UK date (R35). */
    record ClockStarted(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral, LocalDate on)
            implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the command was applied
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param on         the UK date the clock started
         * @throws NullPointerException if a component is null
         */
        public ClockStarted {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String type() {
            return "referral.clock_started";
        }
    }

    /** A patient-choice delay note opened on a UK date; the RTT clock runs on (R36). */
    record PatientChoiceDelayStarted(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral,
            LocalDate on) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the delay was recorded
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param on         the UK date the delay started
         * @throws NullPointerException if a component is null
         */
        public PatientChoiceDelayStarted {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String type() {
            return "referral.patient_choice_delay_started";
        }
    }

    /** The open patient-choice delay note ended on a UK date (R36). */
    record PatientChoiceDelayEnded(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral,
            LocalDate on) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the end of the delay was recorded
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param on         the UK date the delay ended
         * @throws NullPointerException if a component is null
         */
        public PatientChoiceDelayEnded {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String type() {
            return "referral.patient_choice_delay_ended";
        }
    }

    /** The RTT clock stopped on a UK date for a reason (R36). */
    record ClockStopped(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral, LocalDate on,
            StopReason reason) implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the clock stopped
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param on         the UK date the clock stopped
         * @param reason     why it stopped
         * @throws NullPointerException if a component is null
         */
        public ClockStopped {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "referral.clock_stopped";
        }
    }

    /** The RTT clock was nullified on a UK date after a first-appointment DNA (R36). */
    record ClockNullified(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral, LocalDate on)
            implements ReferralEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the clock was nullified
         * @param patient    who is referred
         * @param referral   the referral's id
         * @param on         the UK date of the decision to nullify it
         * @throws NullPointerException if a component is null
         */
        public ClockNullified {
            check(eventId, occurredAt, patient, referral);
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String type() {
            return "referral.clock_nullified";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, ReferralId referral) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(referral, "referral");
    }
}
