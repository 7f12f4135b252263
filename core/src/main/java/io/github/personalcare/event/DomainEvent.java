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

    /** Unique id of this event: consumers use it to ignore redeliveries. */
    UUID eventId();

    /** When it happened (the service's clock). */
    Instant occurredAt();

    /** The patient whose record changed. */
    PatientId patient();

    /** A stable dotted name such as {@code "careplan.agreed"}. */
    String type();
}
