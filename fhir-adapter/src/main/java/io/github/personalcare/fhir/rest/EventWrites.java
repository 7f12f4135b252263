package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careteam.CareTeamEvent;
import io.github.personalcare.consent.ConsentEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordEvent;
import io.github.personalcare.referral.ReferralEvent;
import java.util.ArrayList;
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
 * with every resource of the record they reference, transitively, so that a server that checks
 * references on write accepts them even if it missed earlier events. Sent as {@code PUT Type/id}
 * in dependency order, resources that reference each other in a cycle as one transaction: all
 * upserts by stable ids, so a redelivered event changes nothing but versions.
 */
final class EventWrites implements FhirEventRenderer {
    private static final Logger log = LoggerFactory.getLogger(EventWrites.class);

    private final Function<PatientId, Optional<PatientRecord>> records;
    private final PatientRecordMapper mapper = new PatientRecordMapper();

    EventWrites(Function<PatientId, Optional<PatientRecord>> records) {
        this.records = records;
    }

    @Override
    public List<FhirRequest> render(DomainEvent event) {
        Optional<Set<String>> primary = primaryResources(event);
        if (primary.isPresent() && primary.get().isEmpty()) {
            return List.of();    // nothing on a FHIR server changes: the record is not even read
        }
        Optional<PatientRecord> record = records.apply(event.patient());
        if (record.isEmpty()) {
            log.debug("event {} of type {}: patient's record not found, nothing to send", event.eventId(), event.type());
            return List.of();
        }
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (ObjectNode r : mapper.resources(record.get())) {
            byKey.putIfAbsent(WriteOrder.key(r), r);
        }
        Set<String> selected = primary.map(p -> closure(p, byKey)).orElse(byKey.keySet());
        if (selected.isEmpty()) {
            log.debug("event {} of type {}: its resource is not in the record, nothing to send", event.eventId(), event.type());
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

    /**
     * {@return the {@code Type/id} of the resources the event changed; empty set: none (nothing
     * to send); empty optional: the whole record}
     */
    static Optional<Set<String>> primaryResources(DomainEvent event) {
        if (event instanceof RecordEvent) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (event instanceof PatientEvent) {
            keys.add("Patient/" + event.patient().value());
        } else if (event instanceof CareTeamEvent.Changed) {
            keys.add("CareTeam/" + ((CareTeamEvent.Changed) event).careTeam());
        } else if (event instanceof CarePlanEvent) {
            keys.add("CarePlan/" + ((CarePlanEvent) event).plan());
        } else if (event instanceof BudgetEvent) {
            keys.add("Account/" + ((BudgetEvent) event).budget().value());
            if (event instanceof BudgetEvent.EntryRecorded) {
                keys.add("ChargeItem/" + ((BudgetEvent.EntryRecorded) event).entry().value());
            }
        } else if (event instanceof ReferralEvent) {
            keys.add("ServiceRequest/" + ((ReferralEvent) event).referral().value());
        } else if (event instanceof ConsentEvent) {
            keys.add("Consent/" + ((ConsentEvent) event).consent());
        } else if (!(event instanceof AccessEvent)) {
            log.debug("event {} of type {}: no FHIR write is mapped for it", event.eventId(), event.type());
        }
        // AccessEvent: a break-glass or relationship claim is audited in the SDK; no FHIR resource changes.
        return Optional.of(keys);
    }

    /** The primary resources held in the record and every resource of the record they reference, transitively. */
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
