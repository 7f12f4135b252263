package io.github.personalcare.patient;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Events about the patient record itself. */
public sealed interface PatientEvent extends DomainEvent
        permits PatientEvent.Registered, PatientEvent.Updated {

    /** A patient was registered with the SDK. */
    record Registered(UUID eventId, Instant occurredAt, PatientId patient) implements PatientEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the patient was registered
         * @param patient    the patient
         * @throws NullPointerException if a component is null
         */
        public Registered {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
        }

        @Override
        public String type() {
            return "patient.registered";
        }
    }

    /** The patient's flags or date of death changed. */
    record Updated(UUID eventId, Instant occurredAt, PatientId patient) implements PatientEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the record changed
         * @param patient    the patient
         * @throws NullPointerException if a component is null
         */
        public Updated {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
        }

        @Override
        public String type() {
            return "patient.updated";
        }
    }
}
