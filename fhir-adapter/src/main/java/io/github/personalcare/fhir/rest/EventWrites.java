package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentEvent;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careteam.CareTeamEvent;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.consent.ConsentEvent;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.econsult.EconsultEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.feedback.FeedbackEvent;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.fhir.AppointmentMapper;
import io.github.personalcare.fhir.CommunicationMapper;
import io.github.personalcare.fhir.EconsultTaskMapper;
import io.github.personalcare.fhir.FeedbackMapper;
import io.github.personalcare.fhir.MedicationRequestMapper;
import io.github.personalcare.fhir.MedicationStatementMapper;
import io.github.personalcare.fhir.OrganizationMapper;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PractitionerMapper;
import io.github.personalcare.fhir.ScheduleMapper;
import io.github.personalcare.fhir.SlotMapper;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.messaging.MessagingEvent;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.prescription.PrescriptionEvent;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatMedicineId;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordEvent;
import io.github.personalcare.referral.ReferralEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a domain event implies: the resources the event changed (its primary resources),
 * with every resource they reference, transitively, so that a server that checks references on
 * write accepts them even if it missed earlier events. Sent as {@code PUT Type/id} in dependency
 * order, resources that reference each other in a cycle as one transaction: all upserts by stable
 * ids, so a redelivered event changes nothing but versions.
 *
 * <p>With a {@link RecordReader}, an event reads only the aggregates it names and the patient;
 * with a whole-record function (the older form), every event reads and maps the whole record.
 */
final class EventWrites implements FhirEventRenderer {
    private static final Logger log = LoggerFactory.getLogger(EventWrites.class);

    private final Function<PatientId, Optional<PatientRecord>> records;
    private final RecordReader reader;
    private final PatientRecordMapper mapper = new PatientRecordMapper();

    private EventWrites(Function<PatientId, Optional<PatientRecord>> records, RecordReader reader) {
        this.records = records;
        this.reader = reader;
    }

    /** Reads and maps the whole record per event. */
    static EventWrites wholeRecord(Function<PatientId, Optional<PatientRecord>> records) {
        return new EventWrites(records, null);
    }

    /** Reads only the aggregates each event names. */
    static EventWrites parts(RecordReader reader) {
        return new EventWrites(null, reader);
    }

    /** What an event may send: the resources at hand, and the keys of those it changed (null: all of them). */
    private record Parts(List<ObjectNode> resources, Set<String> primary) {
    }

    @Override
    public List<FhirRequest> render(DomainEvent event) {
        if (!mapped(event)) {
            log.debug("event {}: no FHIR write is mapped for it", event.eventId());
            return List.of();    // nothing on a FHIR server changes: nothing is even read
        }
        Optional<Parts> parts = reader == null ? wholeRecordParts(event) : read(event);
        if (parts.isEmpty()) {
            log.debug("event {}: what it names is not found, nothing to send", event.eventId());
            return List.of();
        }
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (ObjectNode r : parts.get().resources()) {
            byKey.putIfAbsent(WriteOrder.key(r), r);
        }
        Set<String> selected = parts.get().primary() == null ? byKey.keySet() : closure(parts.get().primary(), byKey);
        if (selected.isEmpty()) {
            log.debug("event {}: its resource is not in the record, nothing to send", event.eventId());
            return List.of();
        }
        List<ObjectNode> resources = new ArrayList<>();
        byKey.forEach((key, r) -> {
            if (selected.contains(key)) {
                resources.add(r);
            }
        });
        return FhirRequest.writes(resources);
    }

    private Optional<Parts> wholeRecordParts(DomainEvent event) {
        Optional<PatientRecord> record = records.apply(event.patient());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = primaryResources(event).orElse(null);
        if (event instanceof AccessEvent access) {
            keys = auditKeys(record.get().audit(), correlationId(access));
        }
        return Optional.of(new Parts(mapper.resources(record.get()), keys));
    }

    /** The aggregates the event names, the patient, and what they reference that the SDK can write from them. */
    private Optional<Parts> read(DomainEvent event) {
        PatientId id = event.patient();
        if (event instanceof RecordEvent) {
            return reader.record(id).map(r -> new Parts(mapper.resources(r), null));
        }
        Optional<Patient> patient = reader.patient(id);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        PatientRecord.Builder record = PatientRecord.builder(patient.get());
        Set<String> keys = new LinkedHashSet<>();
        List<ObjectNode> more = new ArrayList<>();
        if (event instanceof PatientEvent) {
            keys.add("Patient/" + id.value());
        } else if (event instanceof CareTeamEvent.Changed c) {
            reader.careTeam(new CareTeamId(c.careTeam())).ifPresent(t -> {
                record.careTeams(List.of(t));
                keys.add("CareTeam/" + c.careTeam());
            });
        } else if (event instanceof CarePlanEvent c) {
            reader.carePlan(new CarePlanId(c.plan())).ifPresent(p -> {
                record.carePlans(List.of(p));
                keys.add("CarePlan/" + c.plan());
            });
        } else if (event instanceof BudgetEvent b) {
            reader.budget(b.budget()).ifPresent(budget -> {
                record.budgets(List.of(budget));
                keys.add("Account/" + b.budget().value());
                if (b instanceof BudgetEvent.EntryRecorded e) {
                    record.ledger(reader.ledger(b.budget()));    // a ChargeItem's id carries its place in the ledger
                    keys.add("ChargeItem/" + e.entry().value());
                }
            });
        } else if (event instanceof ReferralEvent r) {
            reader.referral(r.referral()).ifPresent(referral -> {
                record.referrals(List.of(referral));
                keys.add("ServiceRequest/" + r.referral().value());
            });
        } else if (event instanceof ConsentEvent c) {
            reader.consent(new ConsentId(c.consent())).ifPresent(consent -> {
                record.consents(List.of(consent));
                keys.add("Consent/" + c.consent());
            });
        } else if (event instanceof AccessEvent a) {
            List<AuditRecord> audit = reader.audit(id).stream()
                    .filter(r -> r.event().correlationId().equals(correlationId(a))).toList();
            record.audit(audit);
            keys.addAll(auditKeys(audit, correlationId(a)));
        } else if (event instanceof MessagingEvent.MessagePosted m) {
            message(m, more, keys);
        } else if (event instanceof AppointmentEvent a) {
            appointment(a, record, more, keys);
        } else if (event instanceof PrescriptionEvent p) {
            reader.prescriptionRequest(p.request()).ifPresent(request -> {
                for (RepeatMedicineId item : request.items()) {
                    reader.repeatMedicine(item).ifPresent(m -> repeat(m, more, keys));
                }
            });
        } else if (event instanceof EconsultEvent e) {
            reader.econsultation(e.econsultation()).ifPresent(c -> {
                more.add(new EconsultTaskMapper().toFhir(c));
                keys.add("Task/" + e.econsultation().value());
            });
        } else if (event instanceof FeedbackEvent f) {
            reader.feedback(f.feedback()).ifPresent(feedback -> {
                more.add(withoutComment(new FeedbackMapper().toFhir(feedback)));
                keys.add("QuestionnaireResponse/" + f.feedback().value());
                if (feedback.answers().subject() instanceof FeedbackSubject.AboutReferral about) {
                    reader.referral(about.referral()).ifPresent(referral -> record.referrals(List.of(referral)));
                }
            });
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> resources = new ArrayList<>(mapper.resources(record.build()));
        resources.addAll(more);
        resources.addAll(referenced(more));
        return Optional.of(new Parts(resources, keys));
    }

    private void message(MessagingEvent.MessagePosted posted, List<ObjectNode> more, Set<String> keys) {
        CommunicationMapper communications = new CommunicationMapper();
        for (Message m : reader.messages(posted.conversation())) {
            // the message, and the one it corrects (which it references)
            if (m.id().equals(posted.message()) || posted.corrects().map(m.id()::equals).orElse(false)) {
                more.add(communications.toFhir(m));
            }
        }
        if (!more.isEmpty()) {
            keys.add("Communication/" + posted.message().value());
        }
    }

    private void appointment(AppointmentEvent event, PatientRecord.Builder record, List<ObjectNode> more,
            Set<String> keys) {
        Optional<Appointment> found = reader.appointment(event.appointment());
        if (found.isEmpty()) {
            return;
        }
        Appointment a = found.get();
        more.add(new AppointmentMapper().toFhir(a));
        keys.add("Appointment/" + a.id().value());
        Set<SlotId> slots = new LinkedHashSet<>();
        slots.add(a.slot());
        if (event instanceof AppointmentEvent.Rebooked r) {
            slots.add(r.from());    // freed by the rebooking
        }
        Set<String> schedules = new LinkedHashSet<>();
        for (SlotId slotId : slots) {
            Optional<Slot> slot = reader.slot(slotId);
            if (slot.isPresent()) {
                more.add(new SlotMapper().toFhir(slot.get()));
                keys.add("Slot/" + slotId.value());
                if (schedules.add(slot.get().schedule().value().toString())) {
                    reader.schedule(slot.get().schedule()).ifPresent(s -> more.add(new ScheduleMapper().toFhir(s)));
                }
            }
        }
        a.referral().flatMap(reader::referral).ifPresent(referral -> record.referrals(List.of(referral)));
    }

    private static void repeat(RepeatMedicine m, List<ObjectNode> more, Set<String> keys) {
        more.add(new MedicationRequestMapper().toFhir(m));
        more.add(new MedicationStatementMapper().toFhir(m));
        keys.add("MedicationRequest/" + m.id().value());
        keys.add("MedicationStatement/" + m.id().value());
    }

    /**
     * The feedback response without its free-text comment: the comment is stored once, in the SDK,
     * and never leaves it (docs/feedback.md); the coded answers travel.
     */
    static ObjectNode withoutComment(ObjectNode response) {
        JsonNode items = response.path("item");
        if (items instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.iterator(); it.hasNext();) {
                if ("comment".equals(it.next().path("linkId").asText())) {
                    it.remove();
                }
            }
        }
        return response;
    }

    /**
     * The Organizations and Practitioners the resources reference by ODS code or SDK user id
     * (carried in the reference's identifier), written from those alone.
     */
    private static List<ObjectNode> referenced(List<ObjectNode> resources) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        OrganizationMapper organizations = new OrganizationMapper();
        PractitionerMapper practitioners = new PractitionerMapper();
        List<JsonNode> pending = new ArrayList<>(resources);
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isObject()) {
                String reference = node.path("reference").asText("");
                String value = node.path("identifier").path("value").asText("");
                if (!value.isEmpty() && reference.startsWith("Organization/") && !out.containsKey(reference)) {
                    out.put(reference, organizations.toFhir(OdsCode.of(value)));
                } else if (!value.isEmpty() && reference.startsWith("Practitioner/") && !out.containsKey(reference)) {
                    out.put(reference, practitioners.toFhir(UserId.of(value)));
                }
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(pending::add);
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String correlationId(AccessEvent event) {
        if (event instanceof AccessEvent.BreakGlassUsed b) {
            return b.correlationId();
        } else if (event instanceof AccessEvent.RelationshipClaimed r) {
            return r.correlationId();
        }
        return ((AccessEvent.PatientNotificationDue) event).correlationId();
    }

    /** The AuditEvents of the audit records of the access the event reports, in chain order. */
    private static Set<String> auditKeys(List<AuditRecord> audit, String correlationId) {
        Set<String> keys = new LinkedHashSet<>();
        for (AuditRecord r : audit) {
            if (r.event().correlationId().equals(correlationId)) {
                keys.add("AuditEvent/" + r.event().id());
            }
        }
        return keys;
    }

    /** {@return whether the event implies a FHIR write} A conversation's changes do not: no resource is written for it. */
    static boolean mapped(DomainEvent event) {
        return event instanceof RecordEvent || event instanceof PatientEvent || event instanceof CareTeamEvent
                || event instanceof CarePlanEvent || event instanceof BudgetEvent || event instanceof ReferralEvent
                || event instanceof ConsentEvent || event instanceof AccessEvent
                || event instanceof MessagingEvent.MessagePosted || event instanceof AppointmentEvent
                || event instanceof PrescriptionEvent || event instanceof EconsultEvent || event instanceof FeedbackEvent;
    }

    /**
     * {@return the {@code Type/id} of the resources the event changed, as far as the event alone
     * tells (access events and prescriptions name theirs once the audit trail or the request is
     * read); empty optional: the whole record}
     */
    static Optional<Set<String>> primaryResources(DomainEvent event) {
        if (event instanceof RecordEvent) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (event instanceof PatientEvent) {
            keys.add("Patient/" + event.patient().value());
        } else if (event instanceof CareTeamEvent.Changed c) {
            keys.add("CareTeam/" + c.careTeam());
        } else if (event instanceof CarePlanEvent c) {
            keys.add("CarePlan/" + c.plan());
        } else if (event instanceof BudgetEvent b) {
            keys.add("Account/" + b.budget().value());
            if (b instanceof BudgetEvent.EntryRecorded e) {
                keys.add("ChargeItem/" + e.entry().value());
            }
        } else if (event instanceof ReferralEvent r) {
            keys.add("ServiceRequest/" + r.referral().value());
        } else if (event instanceof ConsentEvent c) {
            keys.add("Consent/" + c.consent());
        } else if (event instanceof MessagingEvent.MessagePosted m) {
            keys.add("Communication/" + m.message().value());
        } else if (event instanceof AppointmentEvent a) {
            keys.add("Appointment/" + a.appointment().value());
        } else if (event instanceof EconsultEvent e) {
            keys.add("Task/" + e.econsultation().value());
        } else if (event instanceof FeedbackEvent f) {
            keys.add("QuestionnaireResponse/" + f.feedback().value());
        }
        return Optional.of(keys);
    }

    /** The primary resources held and every resource held that they reference, transitively. */
    private static Set<String> closure(Set<String> primary, Map<String, ObjectNode> byKey) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>();
        primary.stream().filter(byKey::containsKey).forEach(pending::add);
        while (!pending.isEmpty()) {
            String key = pending.remove(pending.size() - 1);
            if (seen.add(key)) {
                WriteOrder.references(byKey.get(key)).stream().filter(byKey::containsKey).forEach(pending::add);
            }
        }
        return seen;
    }
}
