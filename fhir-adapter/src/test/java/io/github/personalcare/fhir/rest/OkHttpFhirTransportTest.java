package io.github.personalcare.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.fhir.PatientMapper;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.TransportException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The FHIR REST transport against a local MockWebServer (loopback only). */
class OkHttpFhirTransportTest {
    private static final String TOKEN = "Bearer s3cr3t-token-value";
    private final Patient ada = new Patient(PatientId.random(), NhsNumber.parse("943 476 5870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
            Optional.of(OdsCode.of("A81001")), Optional.empty());
    private final PatientRecord record = PatientRecord.of(ada, List.of(AuditChain.link(Optional.empty(),
            AuditEvent.of(AccessContext.of(Actor.professional(UserId.of("U1"), ProfessionalRole.GENERAL_PRACTITIONER,
                    OdsCode.of("A81001")), Purpose.DIRECT_CARE), Instant.parse("2026-11-20T10:00:00Z"), "patient.read",
                    ada.id(), "Patient/" + ada.id(), AuditOutcome.PERMIT, "R39"))));

    private MockWebServer server;
    private ListAppender<ILoggingEvent> logs;
    private Logger transportLogger;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        transportLogger = (Logger) LoggerFactory.getLogger(OkHttpFhirTransport.class.getPackageName());
        transportLogger.setLevel(Level.DEBUG);
        logs = new ListAppender<>();
        logs.start();
        transportLogger.addAppender(logs);
    }

    @AfterEach
    void stop() throws IOException {
        transportLogger.detachAppender(logs);
        server.close();
    }

    private OkHttpFhirTransport.Builder transport() {
        return OkHttpFhirTransport.builder(server.url("/fhir/R4").toString())
                .renderer(FhirEventRenderer.patientRecords(id -> id.equals(ada.id()) ? Optional.of(record) : Optional.empty()))
                .authorization(() -> TOKEN);
    }

    private static MockResponse outcome(int status, String... codes) {
        StringBuilder issues = new StringBuilder();
        for (String code : codes) {
            issues.append(issues.length() == 0 ? "" : ",").append("{\"severity\":\"error\",\"code\":\"").append(code)
                    .append("\",\"diagnostics\":\"NHS number 9434765870 is already registered to Ada Lovelace\"}");
        }
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/fhir+json")
                .body("{\"resourceType\":\"OperationOutcome\",\"issue\":[" + issues + "]}").build();
    }

    @Test
    void putSendsTheResourceToTypeAndIdWithFhirJson() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(201).build());
        transport().build().put(new PatientMapper().toFhir(ada));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/fhir/R4/Patient/" + ada.id());
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/fhir+json");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(TOKEN);
        assertThat(request.getBody().utf8()).contains("\"resourceType\":\"Patient\"");
    }

    @Test
    void anOutboxEventIsDeliveredAsATransactionBundleOfThePatientsRecord() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[]}").build());
        transport().build().deliver(new PatientEvent.Updated(UUID.randomUUID(), Instant.EPOCH, ada.id()));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/fhir/R4");
        String body = request.getBody().utf8();
        assertThat(body).contains("\"type\":\"transaction\"").contains("urn:uuid:" + ada.id());
        assertThat(body).isEqualTo(io.github.personalcare.fhir.FhirWriter.toJson(new PatientRecordMapper().toTransaction(record)));
    }

    @Test
    void anEventForAnUnknownPatientSendsNothing() {
        transport().build().deliver(new PatientEvent.Updated(UUID.randomUUID(), Instant.EPOCH, PatientId.random()));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void serverErrorIsRetryable() {
        server.enqueue(outcome(503, "transient"));
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().build().put(new PatientMapper().toFhir(ada)))
                .satisfies(e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.rule()).isEqualTo("HTTP_503");
                });
    }

    @Test
    void tooManyRequestsIsRetryable() {
        server.enqueue(new MockResponse.Builder().code(429).build());
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().build().put(new PatientMapper().toFhir(ada)))
                .satisfies(e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void clientErrorIsNotRetryableAndCarriesOnlyTheIssueCodes() {
        server.enqueue(outcome(422, "invalid", "required"));
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().build().put(new PatientMapper().toFhir(ada)))
                .satisfies(e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.rule()).isEqualTo("HTTP_422");
                    assertThat(e.getMessage())
                            .isEqualTo("FHIR server answered 422 (OperationOutcome issue codes: invalid, required)");
                });
    }

    @Test
    void anErrorBodyThatIsNotAnOperationOutcomeGivesTheStatusOnly() {
        server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                .body("{\"error\": \"Ada Lovelace\"}").build());
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().build().put(new PatientMapper().toFhir(ada)))
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("FHIR server answered 400"));
    }

    @Test
    void anUnreachableServerIsRetryable() throws IOException {
        String url = server.url("/fhir").toString();
        server.close();
        OkHttpFhirTransport down = OkHttpFhirTransport.builder(url).renderer(e -> List.of()).build();
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> down.put(new PatientMapper().toFhir(ada)))
                .satisfies(e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.rule()).isEqualTo("IO");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void nothingIsLoggedByDefault() {
        server.enqueue(outcome(422, "invalid"));
        assertThatExceptionOfType(TransportException.class)
                .isThrownBy(() -> transport().build().put(new PatientMapper().toFhir(ada)));
        assertThat(logs.list).isEmpty();
    }

    @Test
    void headerLoggingRedactsAuthorizationAndNeverLogsBodies() {
        server.enqueue(new MockResponse.Builder().code(201).build());
        transport().logLevel(HttpLogLevel.HEADERS).build().put(new PatientMapper().toFhir(ada));
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line -> {
            assertThat(line).doesNotContain("s3cr3t").doesNotContain("9434765870").doesNotContain("Lovelace");
        });
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("Authorization: ██"))
                .anySatisfy(line -> assertThat(line).contains("PUT Patient/" + ada.id() + " -> 201"));
    }

    @Test
    void aTransportNeedsARenderer() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> OkHttpFhirTransport.builder(server.url("/").toString()).build())
                .satisfies(e -> assertThat(e.option()).isEqualTo("renderer"));
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> OkHttpFhirTransport.builder("ftp://example.org"))
                .satisfies(e -> assertThat(e.option()).isEqualTo("baseUrl"));
    }
}
