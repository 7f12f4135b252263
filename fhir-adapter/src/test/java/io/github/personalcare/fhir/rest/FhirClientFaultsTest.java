package io.github.personalcare.fhir.rest;

import static io.github.personalcare.fhir.rest.FhirClientTest.fhirJson;
import static io.github.personalcare.fhir.rest.FhirClientTest.json;
import static io.github.personalcare.fhir.rest.FhirClientTest.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client on a bad network and a busy server: throttling, bursts of 503s, slow and dropped
 * bodies, malformed and huge responses. Time is a {@link FakeTime}: the client's waits are recorded,
 * never slept.
 */
class FhirClientFaultsTest {
    private MockWebServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        time = new FakeTime(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Backoff draws at the top of their range, so each wait equals its ceiling. */
    private FhirClient.Builder client() {
        return FhirClient.builder(server.url("/fhir").toString()).clock(time).sleeper(time).random(() -> -1L);
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    @Test
    void a429WithRetryAfterSecondsIsWaitedOutAndRetried() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
        server.enqueue(fhirJson(200, patient("p1")));
        assertThat(client().build().read("Patient", "p1").path("id").asText()).isEqualTo("p1");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a429WithRetryAfterAsAnHttpDateWaitsUntilThatTime() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", at).build());
        server.enqueue(fhirJson(200, patient("p1")));
        client().build().read("Patient", "p1");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetIsNotWaitedButReportedAsThrottled() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> client().build().read("Patient", "p1"))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(FhirServerException.Failure.THROTTLED);
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(time.sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBurstOf503sIsRetriedWithExponentialBackoffUntilItClears() {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(fhirJson(200, patient("p1")));
        client().build().read("Patient", "p1");
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void retriesStopAfterTheLastAttemptWithTheServersFailure() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(status(503));
        }
        assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> client().build().read("Patient", "p1"))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(FhirServerException.Failure.SERVER_ERROR));
        assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.defaults().maxAttempts());
    }

    @Test
    void retriesStopWhenTheTotalTimeBudgetIsSpent() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(502));
        }
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(10));
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> client().retry(policy).build().read("Patient", "p1"));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aPlainCreateIsNeverRetriedSoTheServerNeverHoldsADuplicate() {
        server.enqueue(status(503));
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> client().build().create(json(patient("p1"))));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConditionalCreateIsRetried() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().code(201).setHeader("Location", "Patient/p9/_history/1").build());
        WriteResult created = client().build().createIfNoneExist(json(patient("p1")), FhirClientTest.NHS, "9434765870");
        assertThat(created.id()).isEqualTo("p9");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTransactionIsRetriedOnlyIfEveryEntryIsConditional() {
        String conditional = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                + patient("p1") + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifNoneExist\":\"identifier=x|1\"}}]}";
        String plain = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                + patient("p1") + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}";
        server.enqueue(status(503));
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[]}"));
        server.enqueue(status(503));
        FhirClient fhir = client().build();
        fhir.transaction(json(conditional));
        assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> fhir.transaction(json(plain)));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aSlowBodyTimesOutAndAReadIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body(patient("p1")).bodyDelay(5, TimeUnit.SECONDS).build());
        server.enqueue(fhirJson(200, patient("p1")));
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();
        assertThat(client().client(impatient).build().read("Patient", "p1").path("id").asText()).isEqualTo("p1");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps).hasSize(1);
    }

    @Test
    void aConnectionDroppedMidBodyIsAnIoFailureAndAReadIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body(patient("p1") + " ".repeat(64 * 1024)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fhirJson(200, patient("p1")));
        assertThat(client().build().read("Patient", "p1").path("id").asText()).isEqualTo("p1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aConnectionDroppedMidBodyOfACreateIsReportedNotRetried() {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("Content-Type", "application/fhir+json")
                .body(patient("p1") + " ".repeat(64 * 1024)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> client().build().create(json(patient("p1"))))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(FhirServerException.Failure.IO);
                    assertThat(e.rule()).isEqualTo("IO");
                    assertThat(e.getCause()).isNull();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedOperationOutcomeLeavesTheStatusAndNoIssues() {
        server.enqueue(fhirJson(500, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"diagnostics\":\"Ada Lo"));
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> client().retry(RetryPolicy.none()).build().read("Patient", "p1"))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.issues()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("FHIR server answered 500");
                });
    }

    @Test
    void anOperationOutcomeWithUnexpectedShapesKeepsOnlyWellFormedCodes() {
        server.enqueue(fhirJson(400, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":7,"
                + "\"code\":\"Ada Lovelace 9434765870\",\"expression\":\"Patient.name\"}]}"));
        assertThatExceptionOfType(FhirValidationException.class)
                .isThrownBy(() -> client().build().read("Patient", "p1"))
                .satisfies(e -> assertThat(e.issues()).containsExactly(new OutcomeIssue("", "", java.util.List.of())));
    }

    /** A body of {@code size} bytes written in chunks, counting what was written. */
    private static MockResponseBody huge(long size, boolean declareLength, AtomicLong written) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return declareLength ? size : -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                sink.writeUtf8("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"padding\":\"");
                while (written.get() < size) {
                    sink.write(chunk);
                    sink.flush();
                    written.addAndGet(chunk.length);
                }
            }
        };
    }

    @Test
    void a50MegabyteResponseIsCutOffAtTheCapWithoutReadingItAll() {
        AtomicLong written = new AtomicLong();
        long size = 50L * 1024 * 1024;
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body(huge(size, false, written)).build());
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> client().maxResponseBytes(1024 * 1024).build().read("Bundle", "b1"))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(FhirServerException.Failure.RESPONSE_TOO_LARGE));
        assertThat(written.get()).as("bytes the server could write before the client hung up").isLessThan(size);
    }

    @Test
    void aResponseDeclaredTooLargeIsRefusedBeforeItsBodyIsRead() {
        AtomicLong written = new AtomicLong();
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body(huge(50L * 1024 * 1024, true, written)).build());
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> client().maxResponseBytes(1024 * 1024).build().read("Bundle", "b1"))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(FhirServerException.Failure.RESPONSE_TOO_LARGE));
    }

    @Test
    void anUnreachableServerIsARetryableIoFailureAfterTheLastAttempt() {
        String url = server.url("/fhir").toString();
        server.close();
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> FhirClient.builder(url).clock(time).sleeper(time).build().read("Patient", "p1"))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(FhirServerException.Failure.IO);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(time.sleeps).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
    }
}
