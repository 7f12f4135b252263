package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careteam.CareTeamEvent;
import io.github.personalcare.consent.ConsentEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.rest.FhirEventRenderer;
import io.github.personalcare.fhir.rest.OkHttpFhirTransport;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordEvent;
import io.github.personalcare.referral.ReferralEvent;
import io.github.personalcare.spi.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 6: the outbox transport sends the write each event implies, not the whole record,
 * with what it references, in dependency order (mutually referencing resources as one
 * transaction); against a local MockWebServer that records what arrives.
 */
class EventWritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    /** Ada's whole record: care team, reviewed plan, budget with ledger, a referral, a consent, audit. */
    static PatientRecord wholeRecord() {
        return RecordOverFhirRestTest.wholeRecord(CareFixtures.reagreed());
    }

    private final PatientRecord record = wholeRecord();
    private final AtomicInteger recordReads = new AtomicInteger();
    /** What arrived: {@code PUT Type/id}, or {@code POST [Type/id, ...]} for a transaction's entries. */
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private volatile int failWith;
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath().substring("/fhir/R4".length());
                if (request.getMethod().equals("PUT")) {
                    received.add("PUT " + path.substring(1));
                } else {
                    JsonNode bundle = parse(request.getBody().utf8());
                    List<String> urls = new ArrayList<>();
                    bundle.path("entry").forEach(e -> urls.add(e.path("request").path("url").asText()));
                    received.add("POST " + urls);
                }
                if (failWith != 0) {
                    return new MockResponse.Builder().code(failWith).setHeader("Content-Type", "application/fhir+json")
                            .body("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\","
                                    + "\"diagnostics\":\"Ada Lovelace 9434765870\"}]}").build();
                }
                return request.getMethod().equals("PUT") ? new MockResponse.Builder().code(200).build()
                        : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                        .body("{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[]}").build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OkHttpFhirTransport transport() {
        return OkHttpFhirTransport.builder(server.url("/fhir/R4").toString())
                .renderer(FhirEventRenderer.eventWrites(id -> {
                    recordReads.incrementAndGet();
                    return id.equals(record.patient().id()) ? Optional.of(record) : Optional.empty();
                })).build();
    }

    private List<String> deliver(DomainEvent event) {
        transport().deliver(event);
        return List.copyOf(received);
    }

    /** Every {@code Type/id} that arrived, in single writes or transactions. */
    private static List<String> keys(List<String> requests) {
        List<String> keys = new ArrayList<>();
        for (String r : requests) {
            if (r.startsWith("PUT ")) {
                keys.add(r.substring(4));
            } else {
                keys.addAll(List.of(r.substring(6, r.length() - 1).split(", ")));
            }
        }
        return keys;
    }

    private static Set<String> types(List<String> keys) {
        return keys.stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toSet());
    }

    private String ada() {
        return "Patient/" + record.patient().id().value();
    }

    @Test
    void patientEventsSendThePatientAfterItsPracticeAndNothingElse() {
        List<String> sent = deliver(new PatientEvent.Updated(UUID.randomUUID(), AT, record.patient().id()));
        assertThat(keys(sent)).endsWith(ada()).doesNotHaveDuplicates();
        assertThat(types(keys(sent))).containsExactlyInAnyOrder("Organization", "Patient");
        assertThat(sent).allMatch(r -> r.startsWith("PUT "));
    }

    @Test
    void aCareTeamChangeSendsTheCareTeamWithItsMembersAndNoPlanOrBudget() {
        List<String> sent = deliver(new CareTeamEvent.Changed(UUID.randomUUID(), AT, record.patient().id(),
                CareFixtures.TEAM_ID.value(), CareTeamEvent.Change.CARER_ADDED, Optional.of(CareFixtures.DAUGHTER.value())));
        assertThat(keys(sent)).endsWith("CareTeam/" + CareFixtures.TEAM_ID.value()).contains(ada());
        assertThat(types(keys(sent))).contains("RelatedPerson").doesNotContain("CarePlan", "Account", "ChargeItem", "Consent",
                "ServiceRequest", "AuditEvent");
    }

    @Test
    void aReviewedPlansAgreementSendsThePlanAndItsSnapshotsAsOneTransactionAfterWhatTheyReference() {
        List<String> sent = deliver(new CarePlanEvent.Agreed(UUID.randomUUID(), AT, record.patient().id(),
                BudgetFixtures.PLAN.value(), 2));
        String plan = "CarePlan/" + BudgetFixtures.PLAN.value();
        String last = sent.get(sent.size() - 1);
        assertThat(last).as("plan and snapshots reference each other").startsWith("POST [").contains(plan);
        assertThat(keys(List.of(last))).hasSizeGreaterThan(1).allMatch(k -> k.startsWith("CarePlan/"));
        assertThat(keys(sent)).doesNotHaveDuplicates().contains(ada());
        assertThat(keys(sent).indexOf(ada())).isLessThan(keys(sent).indexOf(plan));
        assertThat(types(keys(sent))).contains("Goal").doesNotContain("Account", "ChargeItem", "Consent", "ServiceRequest");
    }

    @Test
    void aLedgerSpendSendsItsChargeItemAfterTheBudgetAndLineAccountsSentAsOneTransaction() {
        LedgerEntry spend = record.ledger().get(record.ledger().size() - 1);
        List<String> sent = deliver(new BudgetEvent.EntryRecorded(UUID.randomUUID(), AT, record.patient().id(),
                BudgetFixtures.BUDGET, spend.id(), spend.kind(), spend.line().value(), -100));
        String account = "Account/" + BudgetFixtures.BUDGET.value();
        assertThat(sent.get(sent.size() - 1)).isEqualTo("PUT ChargeItem/" + spend.id().value());
        assertThat(sent).filteredOn(r -> r.contains(account)).singleElement()
                .satisfies(tx -> assertThat(keys(List.of(tx))).hasSizeGreaterThan(1).allMatch(k -> k.startsWith("Account/")));
        assertThat(keys(sent)).doesNotHaveDuplicates()
                .filteredOn(k -> k.startsWith("ChargeItem/")).containsExactly("ChargeItem/" + spend.id().value());
        assertThat(types(keys(sent))).doesNotContain("Consent", "ServiceRequest", "AuditEvent");
    }

    @Test
    void aBudgetStatusChangeSendsTheAccountsAndNoChargeItem() {
        List<String> sent = deliver(new BudgetEvent.ReviewCompleted(UUID.randomUUID(), AT, record.patient().id(),
                BudgetFixtures.BUDGET));
        assertThat(keys(sent)).contains("Account/" + BudgetFixtures.BUDGET.value());
        assertThat(types(keys(sent))).doesNotContain("ChargeItem", "Consent", "ServiceRequest");
    }

    @Test
    void aReferralEventSendsItsServiceRequestLast() {
        List<String> sent = deliver(new ReferralEvent.ClockStarted(UUID.randomUUID(), AT, record.patient().id(),
                ReferralConsentFixtures.REFERRAL_ID, LocalDate.of(2026, 12, 1)));
        assertThat(sent).last().isEqualTo("PUT ServiceRequest/" + ReferralConsentFixtures.REFERRAL_ID.value());
        assertThat(types(keys(sent))).doesNotContain("CarePlan", "Account", "ChargeItem", "Consent");
    }

    @Test
    void aConsentEventSendsItsConsentLast() {
        List<String> sent = deliver(new ConsentEvent.Recorded(UUID.randomUUID(), AT, record.patient().id(),
                ReferralConsentFixtures.CARER_CONSENT_ID.value()));
        assertThat(sent).last().isEqualTo("PUT Consent/" + ReferralConsentFixtures.CARER_CONSENT_ID.value());
        assertThat(types(keys(sent))).doesNotContain("Account", "ChargeItem", "ServiceRequest");
    }

    @Test
    void aRecordImportSendsEveryResourceOnce() {
        List<String> sent = deliver(new RecordEvent.Imported(UUID.randomUUID(), AT, record.patient().id()));
        long distinct = new PatientRecordMapper().resources(record).stream()
                .map(r -> r.path("resourceType").asText() + "/" + r.path("id").asText()).distinct().count();
        assertThat(keys(sent)).doesNotHaveDuplicates().hasSize((int) distinct);
    }

    @Test
    void anAccessEventSendsTheAuditEventsOfThatAccessAfterWhatTheyReference() {
        // the nurse's rejected write; "corr-patient.read" names three reads (the GP, break-glass, a denial)
        List<String> sent = deliver(new AccessEvent.BreakGlassUsed(UUID.randomUUID(), AT, record.patient().id(),
                "actor", "patient.read", "corr-patient.read"));
        List<String> audit = record.audit().stream().filter(r -> r.event().correlationId().equals("corr-patient.read"))
                .map(r -> "AuditEvent/" + r.event().id()).toList();
        assertThat(audit).hasSize(3);
        assertThat(keys(sent)).doesNotHaveDuplicates().containsAll(audit)
                .filteredOn(k -> k.startsWith("AuditEvent/")).containsExactlyElementsOf(audit);
        assertThat(keys(sent).indexOf(ada())).isLessThan(keys(sent).indexOf(audit.get(0)));
        assertThat(types(keys(sent))).contains("Patient", "PractitionerRole", "AuditEvent")
                .doesNotContain("CarePlan", "Account", "Consent");
    }

    @Test
    void anAccessEventWhoseAuditRecordIsNotFoundSendsNothing() {
        transport().deliver(new AccessEvent.BreakGlassUsed(UUID.randomUUID(), AT, record.patient().id(), "actor",
                "patient.read", "no-such-correlation"));
        assertThat(received).isEmpty();
    }

    @Test
    void anEventWhoseResourceIsNotInTheRecordSendsNothing() {
        transport().deliver(new ConsentEvent.Withdrawn(UUID.randomUUID(), AT, record.patient().id(), UUID.randomUUID()));
        assertThat(received).isEmpty();
        assertThat(recordReads).hasValue(1);
    }

    @Test
    void eventsThatSendNothingLogTheirEventIdOnlyNeverWhoTheyAreAbout() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.github.personalcare.fhir.rest");
        ch.qos.logback.classic.Level level = logger.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        UUID notFound = UUID.randomUUID();
        UUID notInRecord = UUID.randomUUID();
        try {
            // a patient the reader does not find, and a consent the found record does not hold
            transport().deliver(new ConsentEvent.Withdrawn(notFound, AT,
                    io.github.personalcare.identity.PatientId.random(), UUID.randomUUID()));
            transport().deliver(new ConsentEvent.Withdrawn(notInRecord, AT, record.patient().id(), UUID.randomUUID()));
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }
        assertThat(received).isEmpty();
        List<String> lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("event ")).toList();
        assertThat(lines).contains("event " + notFound + ": what it names is not found, nothing to send",
                "event " + notInRecord + ": its resource is not in the record, nothing to send");
        assertThat(logs.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain(record.patient().id().value().toString())
                        .doesNotContain(record.patient().nhsNumber().value())
                        .doesNotContain(record.patient().name().family()));
    }

    @Test
    void aRedeliveredEventSendsTheSameUpsertsAgain() {
        DomainEvent event = new CarePlanEvent.Agreed(UUID.randomUUID(), AT, record.patient().id(), BudgetFixtures.PLAN.value(), 2);
        List<String> first = deliver(event);
        List<String> both = deliver(event);
        assertThat(both).hasSize(2 * first.size()).endsWith(first.toArray(String[]::new));
    }

    @Test
    void aRefusedWriteFailsTheDeliveryWithTheTypedKindNotRetryableAndWithoutTheServersText() {
        failWith = 422;
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().deliver(new PatientEvent.Updated(UUID.randomUUID(), AT, record.patient().id())))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("VALIDATION_FAILED_HTTP_422");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("Ada", "9434765870");
                });
        assertThat(received).as("stops at the first refusal").hasSize(1);
    }

    @Test
    void aServerErrorFailsTheDeliveryRetryably() {
        failWith = 503;
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().deliver(new ConsentEvent.Updated(UUID.randomUUID(), AT, record.patient().id(),
                        ReferralConsentFixtures.CARER_CONSENT_ID.value())))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("SERVER_ERROR_HTTP_503");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aRecordTheSdkRefusesToExportIsDeadLetteredUnderTheRuleR49NotRetried() {
        OkHttpFhirTransport refusing = OkHttpFhirTransport.builder(server.url("/fhir/R4").toString())
                .renderer(event -> {
                    throw new RuleViolationException("R49", "Ada Lovelace's practice would show");
                }).build();
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> refusing.deliver(new PatientEvent.Updated(UUID.randomUUID(), AT, record.patient().id())))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("R49");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("Ada");
                });
        assertThat(received).isEmpty();
    }
}
