package io.github.personalcare.event;

import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Events about a patient's consents: recorded, changed, withdrawn. They carry ids only. */
public sealed interface ConsentEvent extends DomainEvent
        permits ConsentEvent.Recorded, ConsentEvent.Updated, ConsentEvent.Withdrawn {

    /** The consent's internal id. */
    UUID consent();

    /** A consent was recorded. */
    record Recorded(UUID eventId, Instant occurredAt, PatientId patient, UUID consent) implements ConsentEvent {
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
}
