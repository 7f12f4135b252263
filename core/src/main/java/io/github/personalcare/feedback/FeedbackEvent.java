package io.github.personalcare.feedback;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about feedback. They carry ids, the organisation and the topic only: never the answers
 * (which, beside the patient's id, would identify them) nor the comment.
 */
public sealed interface FeedbackEvent extends DomainEvent permits FeedbackEvent.Given, FeedbackEvent.Withdrawn {

    /** {@return the feedback response concerned} */
    FeedbackId feedback();

    /**
     * Feedback was given.
     *
     * @param eventId      the unique id of the event
     * @param occurredAt   when
     * @param patient      whose care it is about
     * @param feedback     its id
     * @param organisation the organisation it counts for
     * @param topic        what it is about
     */
    record Given(UUID eventId, Instant occurredAt, PatientId patient, FeedbackId feedback, OdsCode organisation,
            FeedbackTopic topic) implements FeedbackEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId      the unique id of the event
         * @param occurredAt   when
         * @param patient      whose care it is about
         * @param feedback     its id
         * @param organisation the organisation
         * @param topic        the topic
         * @throws NullPointerException if a component is null
         */
        public Given {
            check(eventId, occurredAt, patient, feedback);
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String type() {
            return "feedback.given";
        }
    }

    /**
     * Feedback was withdrawn: it leaves every aggregate.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when
     * @param patient    whose care it is about
     * @param feedback   its id
     */
    record Withdrawn(UUID eventId, Instant occurredAt, PatientId patient, FeedbackId feedback)
            implements FeedbackEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when
         * @param patient    whose care it is about
         * @param feedback   its id
         * @throws NullPointerException if a component is null
         */
        public Withdrawn {
            check(eventId, occurredAt, patient, feedback);
        }

        @Override
        public String type() {
            return "feedback.withdrawn";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, FeedbackId id) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(id, "feedback");
    }
}
