package io.github.personalcare.fhir.rest;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides what {@link OkHttpFhirTransport} sends for an outbox event. Events carry ids only, so a
 * renderer reads what it needs (through the SDK's services, with the relay's own access context,
 * such as {@link RecordReader#through}, so every read is guarded and audited). Returning no request means "nothing to send for this event"; the event
 * then counts as delivered.
 */
@FunctionalInterface
public interface FhirEventRenderer {

    /**
     * {@return the requests for the event, in the order to send them; empty if there is nothing to send}
     *
     * @param event the committed event
     */
    List<FhirRequest> render(DomainEvent event);

    /**
     * Sends the write each event implies, reading only what the event names: the resources the
     * event changed with every resource they reference, as {@code PUT Type/id} in dependency order
     * (resources that reference each other, such as a budget Account and its line Accounts, as one
     * transaction). Each event reads the patient and the aggregate(s) it names, never the whole
     * record (except {@code record.imported}): patient events send the Patient; {@code careteam.changed}
     * the CareTeam; care plan events the CarePlan (with its goals and version snapshots); budget
     * events the budget Account and its lines, a ledger entry also its ChargeItem; referral events
     * the ServiceRequest; consent events the Consent; access events (break-glass, relationship
     * claims, patient notifications) the AuditEvents of the access's audit records; a posted
     * message its Communication; appointment events the Appointment with its Slot(s) and Schedule;
     * prescription events the MedicationRequest and MedicationStatement of each repeat medicine of
     * the request; e-consultation events the Task; feedback events the QuestionnaireResponse
     * without its free-text comment; {@code record.imported} the whole record. Every write is an
     * upsert by a stable id, so a redelivered event is harmless.
     *
     * @param reader reads the aggregates an event names (through the SDK's guarded services:
     *               {@link RecordReader#through}); an absent one sends nothing
     * @return the renderer
     * @throws io.github.personalcare.lang.InvalidInputException if {@code reader} is missing
     */
    static FhirEventRenderer eventWrites(RecordReader reader) {
        return EventWrites.parts(Require.present("reader", reader));
    }

    /**
     * Sends the write each event implies, as {@link #eventWrites(RecordReader)} does, but reads
     * and maps the patient's whole record for every event (costly for big records; prefer
     * {@link #eventWrites(RecordReader)}). Only the events about the parts a {@link PatientRecord}
     * holds send anything: messaging, appointment, prescription, e-consultation and feedback
     * events send nothing here.
     *
     * @param records reads the patient's current record (through the SDK's guarded services);
     *                empty if the patient is unknown, and then nothing is sent
     * @return the renderer
     * @throws NullPointerException if {@code records} is null
     */
    static FhirEventRenderer eventWrites(Function<PatientId, Optional<PatientRecord>> records) {
        return EventWrites.wholeRecord(Objects.requireNonNull(records, "records"));
    }

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
        return event -> records.apply(event.patient()).map(r -> FhirRequest.transaction(mapper.toTransaction(r)))
                .map(List::of).orElse(List.of());
    }
}
