package io.github.personalcare.consent;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Events about a patient's consents: recorded, changed, withdrawn, moved along their lifecycle. Ids and codes only. */
public sealed interface ConsentEvent extends DomainEvent
        permits ConsentEvent.Recorded, ConsentEvent.Updated, ConsentEvent.Withdrawn, ConsentEvent.StatusChanged {

    /** {@return the consent's internal id} */
    UUID consent();

    /** A consent was recorded. */
    record Recorded(UUID eventId, Instant occurredAt, PatientId patient, UUID consent) implements ConsentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the consent was recorded
         * @param patient    whose consent it is
         * @param consent    the consent's internal id
         * @throws NullPointerException if a component is null
         */
        public Recorded {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public String type() {
            return "consent.recorded";
        }
    }

    /** A consent's terms were changed. */
    record Updated(UUID eventId, Instant occurredAt, PatientId patient, UUID consent) implements ConsentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the terms were changed
         * @param patient    whose consent it is
         * @param consent    the consent's internal id
         * @throws NullPointerException if a component is null
         */
        public Updated {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public String type() {
            return "consent.updated";
        }
    }

    /** A consent was withdrawn; it stopped applying at {@code occurredAt}. */
    record Withdrawn(UUID eventId, Instant occurredAt, PatientId patient, UUID consent) implements ConsentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the consent was withdrawn
         * @param patient    whose consent it is
         * @param consent    the consent's internal id
         * @throws NullPointerException if a component is null
         */
        public Withdrawn {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public String type() {
            return "consent.withdrawn";
        }
    }

    /**
     * A consent moved along its lifecycle other than by withdrawal: a proposal accepted
     * ({@code "active"}) or rejected, or a record marked entered in error.
     *
     * @param status the FHIR status code it moved to
     */
    record StatusChanged(UUID eventId, Instant occurredAt, PatientId patient, UUID consent, String status)
            implements ConsentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the status changed
         * @param patient    whose consent it is
         * @param consent    the consent's internal id
         * @param status     the FHIR status code it moved to
         * @throws NullPointerException if a component is null
         */
        public StatusChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String type() {
            return "consent.status_changed";
        }
    }
}
