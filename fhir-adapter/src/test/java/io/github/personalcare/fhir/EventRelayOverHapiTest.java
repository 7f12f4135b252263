package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careteam.CareTeamEvent;
import io.github.personalcare.consent.ConsentEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.FhirEventRenderer;
import io.github.personalcare.fhir.testserver.HapiFhirServer;
import io.github.personalcare.fhir.testserver.InMemoryStore;
import io.github.personalcare.fhir.rest.OkHttpFhirTransport;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordEvent;
import io.github.personalcare.referral.ReferralEvent;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.OutboxRelay;
import io.github.personalcare.store.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 6 end to end: the outbox relay hands a patient's events, in order, to the FHIR
 * transport, which sends the writes each implies to a real HAPI FHIR server that checks references
 * on write; a redelivery changes nothing, and a write the server refuses goes to the dead letters
 * with the typed error's kind.
 */
class EventRelayOverHapiTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private final PatientRecord record = EventWritesTest.wholeRecord();
    private final PatientRecordMapper mapper = new PatientRecordMapper();

    private List<DomainEvent> storyEvents() {
        LedgerEntry spend = record.ledger().get(record.ledger().size() - 1);
        return List.of(
                new PatientEvent.Registered(UUID.randomUUID(), AT, record.patient().id()),
                new CareTeamEvent.Changed(UUID.randomUUID(), AT, record.patient().id(), CareFixtures.TEAM_ID.value(),
                        CareTeamEvent.Change.ESTABLISHED, Optional.empty()),
                new CarePlanEvent.Agreed(UUID.randomUUID(), AT, record.patient().id(), BudgetFixtures.PLAN.value(), 2),
                new BudgetEvent.EntryRecorded(UUID.randomUUID(), AT, record.patient().id(), BudgetFixtures.BUDGET,
                        spend.id(), spend.kind(), spend.line().value(), -100),
                new ReferralEvent.ClockStarted(UUID.randomUUID(), AT, record.patient().id(),
                        ReferralConsentFixtures.REFERRAL_ID, LocalDate.of(2026, 12, 1)),
                new ConsentEvent.Recorded(UUID.randomUUID(), AT, record.patient().id(),
                        ReferralConsentFixtures.CARER_CONSENT_ID.value()));
    }

    private static void publish(InMemoryStorage storage, List<DomainEvent> events) {
        storage.inTransaction(tx -> {
            events.forEach(tx.outbox()::publish);
            return null;
        });
    }

    private Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        mapper.resources(record).forEach(r -> types.add(r.path("resourceType").asText()));
        return types;
    }

    private OutboxRelay relay(InMemoryStorage storage, HapiFhirServer server) {
        OkHttpFhirTransport transport = OkHttpFhirTransport.builder(server.baseUrl())
                .renderer(FhirEventRenderer.eventWrites(id -> id.equals(record.patient().id()) ? Optional.of(record) : Optional.empty()))
                .build();
        return new OutboxRelay(storage, transport, Clock.fixed(AT, ZoneOffset.UTC), OutboxRelay.Policy.defaults());
    }

    @Test
    void aPatientsEventsRelayedToAServerThatChecksReferencesAreAllAcceptedAndARedeliveryChangesNothing() throws Exception {
        InMemoryStore store = new InMemoryStore(types(), true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            InMemoryStorage storage = new InMemoryStorage();
            OutboxRelay relay = relay(storage, server);
            publish(storage, storyEvents());

            OutboxRelay.Result first = relay.relay();
            assertThat(first.delivered()).isEqualTo(storyEvents().size());
            assertThat(first.deadLettered()).isZero();
            int held = store.count();
            assertThat(held).as("the events' writes, not the whole record (no audit, one ChargeItem of several)")
                    .isLessThan((int) mapper.resources(record).stream().map(EventRelayOverHapiTest::key).distinct().count());

            publish(storage, storyEvents());    // the same writes again, as a redelivery sends them
            assertThat(relay.relay().delivered()).isEqualTo(storyEvents().size());
            assertThat(store.count()).isEqualTo(held);

            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            assertThat(fhir.read("Consent", ReferralConsentFixtures.CARER_CONSENT_ID.value().toString()).path("id").asText())
                    .isEqualTo(ReferralConsentFixtures.CARER_CONSENT_ID.value().toString());
        }
    }

    @Test
    void aRecordImportedEventRelayedToAServerThatChecksReferencesReadsBackAsTheSameRecord() throws Exception {
        InMemoryStore store = new InMemoryStore(types(), true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            InMemoryStorage storage = new InMemoryStorage();
            publish(storage, List.of(new RecordEvent.Imported(UUID.randomUUID(), AT, record.patient().id())));
            assertThat(relay(storage, server).relay().delivered()).isEqualTo(1);

            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            List<ObjectNode> readBack = new ArrayList<>();
            for (String key : mapper.resources(record).stream().map(EventRelayOverHapiTest::key).distinct().toList()) {
                readBack.add(fhir.read(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1)));
            }
            assertThat(FhirImporter.map(FhirBundles.collection(readBack), mapper).value()).isEqualTo(record);
        }
    }

    @Test
    void aWriteTheServerRefusesGoesToTheDeadLettersWithTheTypedKindAndTheNextEventFlows() throws Exception {
        Set<String> types = types();
        types.remove("Consent");    // this server serves no Consents: it answers 404 to a PUT of one
        InMemoryStore store = new InMemoryStore(types, true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            InMemoryStorage storage = new InMemoryStorage();
            List<DomainEvent> events = storyEvents();
            publish(storage, List.of(events.get(0), events.get(5), events.get(4)));

            OutboxRelay.Result result = relay(storage, server).relay();

            assertThat(result.delivered()).isEqualTo(2);
            assertThat(result.deadLettered()).isEqualTo(1);
            List<OutboxEntry> dead = storage.inTransaction(tx -> tx.outbox().deadLetters());
            assertThat(dead).singleElement().satisfies(e -> {
                assertThat(e.event().type()).isEqualTo("consent.recorded");
                assertThat(e.lastError()).contains("NOT_FOUND_HTTP_404");
            });
        }
    }

    /** {@return the {@code Type/id} of a resource} */
    private static String key(ObjectNode r) {
        return r.path("resourceType").asText() + "/" + r.path("id").asText();
    }
}
