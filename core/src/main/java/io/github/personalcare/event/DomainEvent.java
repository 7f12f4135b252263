package io.github.personalcare.event;

import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a patient's record, published through the transactional outbox in
 * the same transaction as the change, and handed to the configured transport at least once.
 * Events carry internal ids and codes only, never free text or personal details.
 *
 * <p>Each concern seals its own family beside its aggregate ({@code patient.PatientEvent},
 * {@code careplan.CarePlanEvent}, ...); this package holds only the marker, so no package imports
 * up to reach its events. Ids and times are given by the service that raises the event.
 */
public interface DomainEvent {

    /** {@return the unique id of this event} Consumers use it to ignore redeliveries. */
    UUID eventId();

    /** {@return when it happened, by the clock of the service that raised it} */
    Instant occurredAt();

    /** {@return the patient whose record changed} */
    PatientId patient();

    /** {@return a stable dotted name such as {@code "careplan.agreed"}} */
    String type();
}
