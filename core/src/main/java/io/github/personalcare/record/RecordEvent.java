package io.github.personalcare.record;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Events about whole patient records. */
public sealed interface RecordEvent extends DomainEvent permits RecordEvent.Imported {

    /**
     * A patient's whole record was imported (stored in bulk from another system).
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when the record was stored
     * @param patient    the patient
     */
    record Imported(UUID eventId, Instant occurredAt, PatientId patient) implements RecordEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the record was stored
         * @param patient    the patient
         * @throws NullPointerException if a component is null
         */
        public Imported {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
        }

        @Override
        public String type() {
            return "record.imported";
        }
    }
}
