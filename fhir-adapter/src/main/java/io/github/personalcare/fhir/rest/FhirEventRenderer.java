package io.github.personalcare.fhir.rest;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.PatientId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides what {@link OkHttpFhirTransport} sends for an outbox event. Events carry ids only, so a
 * renderer reads what it needs (through the SDK's services, with the relay's own access context).
 * Returning empty means "nothing to send for this event"; the event then counts as delivered.
 */
@FunctionalInterface
public interface FhirEventRenderer {

    /**
     * {@return the request for the event, or empty if there is nothing to send}
     *
     * @param event the committed event
     */
    Optional<FhirRequest> render(DomainEvent event);

    /**
     * Sends the patient's whole current record as a transaction Bundle for any event about them:
     * every entry is a {@code PUT}, so a redelivered event changes nothing on the server.
     *
     * @param records reads the patient's current record; empty if the patient is unknown
     * @return the renderer
     * @throws NullPointerException if {@code records} is null
     */
    static FhirEventRenderer patientRecords(Function<PatientId, Optional<PatientRecord>> records) {
        Objects.requireNonNull(records, "records");
        PatientRecordMapper mapper = new PatientRecordMapper();
        return event -> records.apply(event.patient()).map(r -> FhirRequest.transaction(mapper.toTransaction(r)));
    }
}
