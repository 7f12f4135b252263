package io.github.personalcare.careplan;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Events in the life of a personalised care and support plan. Each carries the plan's id and the
 * version number concerned; never plan content (which is the person's own words).
 */
public sealed interface CarePlanEvent extends DomainEvent permits CarePlanEvent.Drafted, CarePlanEvent.Proposed,
        CarePlanEvent.Signed, CarePlanEvent.Agreed, CarePlanEvent.ReviewStarted, CarePlanEvent.Ended,
        CarePlanEvent.EnteredInError {

    /** {@return the plan's id (UUID)} */
    UUID plan();

    /** A new plan was drafted (version 1 in draft). */
    record Drafted(UUID eventId, Instant occurredAt, PatientId patient, UUID plan) implements CarePlanEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the plan was drafted
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @throws NullPointerException if a component is null
         */
        public Drafted {
            check(eventId, occurredAt, patient, plan);
        }

        @Override
        public String type() {
            return "careplan.drafted";
        }
    }

    /** A draft was proposed for agreement; its content is frozen. */
    record Proposed(UUID eventId, Instant occurredAt, PatientId patient, UUID plan, int version)
            implements CarePlanEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the plan was proposed
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @param version    the version number proposed
         * @throws NullPointerException if an object component is null
         */
        public Proposed {
            check(eventId, occurredAt, patient, plan);
        }

        @Override
        public String type() {
            return "careplan.proposed";
        }
    }

    /**
     * One of the two signatures agreement needs was recorded (R8).
     *
     * @param signatory {@code PATIENT}, {@code REPRESENTATIVE} or {@code LEAD_PROFESSIONAL}
     */
    record Signed(UUID eventId, Instant occurredAt, PatientId patient, UUID plan, int version, String signatory)
            implements CarePlanEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the signature was recorded
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @param version    the version number signed
         * @param signatory  {@code PATIENT}, {@code REPRESENTATIVE} or {@code LEAD_PROFESSIONAL}
         * @throws NullPointerException if an object component is null
         */
        public Signed {
            check(eventId, occurredAt, patient, plan);
            Objects.requireNonNull(signatory, "signatory");
        }

        @Override
        public String type() {
            return "careplan.signed";
        }
    }

    /** A version was agreed; it supersedes any earlier agreed version (R6). */
    record Agreed(UUID eventId, Instant occurredAt, PatientId patient, UUID plan, int version)
            implements CarePlanEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the version was agreed
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @param version    the version number agreed
         * @throws NullPointerException if an object component is null
         */
        public Agreed {
            check(eventId, occurredAt, patient, plan);
        }

        @Override
        public String type() {
            return "careplan.agreed";
        }
    }

    /** A review started: a new draft version is open; the agreed version stays current. */
    record ReviewStarted(UUID eventId, Instant occurredAt, PatientId patient, UUID plan, int version)
            implements CarePlanEvent {
        /**
         * Checks every object component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the review started
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @param version    the version number now being drafted
         * @throws NullPointerException if an object component is null
         */
        public ReviewStarted {
            check(eventId, occurredAt, patient, plan);
        }

        @Override
        public String type() {
            return "careplan.review-started";
        }
    }

    /**
     * The plan ended.
     *
     * @param reason {@code COMPLETED}, {@code WITHDRAWN}, {@code TRANSFERRED} or {@code DECEASED}
     */
    record Ended(UUID eventId, Instant occurredAt, PatientId patient, UUID plan, String reason)
            implements CarePlanEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the plan ended
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @param reason     {@code COMPLETED}, {@code WITHDRAWN}, {@code TRANSFERRED} or
         *                   {@code DECEASED}
         * @throws NullPointerException if a component is null
         */
        public Ended {
            check(eventId, occurredAt, patient, plan);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "careplan.ended";
        }
    }

    /** The plan was recorded in error; it never counts in metrics (R13). */
    record EnteredInError(UUID eventId, Instant occurredAt, PatientId patient, UUID plan)
            implements CarePlanEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the error was recorded
         * @param patient    whose plan it is
         * @param plan       the plan's id
         * @throws NullPointerException if a component is null
         */
        public EnteredInError {
            check(eventId, occurredAt, patient, plan);
        }

        @Override
        public String type() {
            return "careplan.entered-in-error";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, UUID plan) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(plan, "plan");
    }
}
