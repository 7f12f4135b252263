package io.github.personalcare.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.ConfigurationException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The FHIR client's interactions, against a scripted local server (loopback only). */
class FhirClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

    private MockWebServer server;
    private FakeTime time;
    private FhirClient fhir;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        time = new FakeTime(Instant.parse("2026-12-07T10:00:00Z"));
        fhir = FhirClient.builder(server.url("/fhir/R4").toString())
                .auth(AuthProvider.bearer("t0ken"))
                .clock(time).sleeper(time)
                .correlationId(() -> "trace-1")
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static MockResponse fhirJson(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/fhir+json").body(body).build();
    }

    static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"1\"}}";
    }

    static String page(String next, String... ids) {
        String entries = Stream.of(ids).map(id -> "{\"resource\":" + patient(id) + ",\"search\":{\"mode\":\"match\"}}")
                .collect(Collectors.joining(","));
        String link = next == null ? "" : "\"link\":[{\"relation\":\"next\",\"url\":\"" + next + "\"}],";
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + link + "\"entry\":[" + entries + "]}";
    }

    @Test
    void aReadIsAGetOfTypeAndIdWithFhirJsonAuthAndCorrelationIds() throws InterruptedException {
        server.enqueue(fhirJson(200, patient("p1")));
        ObjectNode read = fhir.read("Patient", "p1");
        RecordedRequest request = server.takeRequest();
        assertThat(read.path("id").asText()).isEqualTo("p1");
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/fhir/R4/Patient/p1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/fhir+json");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(request.getHeaders().get("X-Request-ID")).matches("[0-9a-f-]{36}");
        assertThat(request.getHeaders().get("X-Correlation-ID")).isEqualTo("trace-1");
    }

    @Test
    void eachCallHasItsOwnRequestId() throws InterruptedException {
        server.enqueue(fhirJson(200, patient("p1")));
        server.enqueue(fhirJson(200, patient("p1")));
        fhir.read("Patient", "p1");
        fhir.read("Patient", "p1");
        assertThat(server.takeRequest().getHeaders().get("X-Request-ID"))
                .isNotEqualTo(server.takeRequest().getHeaders().get("X-Request-ID"));
    }

    @Test
    void aVersionReadNamesTheVersion() throws InterruptedException {
        server.enqueue(fhirJson(200, patient("p1")));
        fhir.vread("Patient", "p1", "3");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/fhir/R4/Patient/p1/_history/3");
    }

    @Test
    void aMissingResourceIsATypedNotFoundAndADeletedOneIsGone() {
        server.enqueue(fhirJson(404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}"));
        server.enqueue(new MockResponse.Builder().code(410).build());
        assertThatExceptionOfType(FhirNotFoundException.class).isThrownBy(() -> fhir.read("Patient", "p1"))
                .satisfies(e -> {
                    assertThat(e.gone()).isFalse();
                    assertThat(e.issues()).containsExactly(new OutcomeIssue("error", "not-found", List.of()));
                    assertThat(e.retryable()).isFalse();
                });
        assertThatExceptionOfType(FhirNotFoundException.class).isThrownBy(() -> fhir.read("Patient", "p1"))
                .satisfies(e -> assertThat(e.gone()).isTrue());
    }

    @Test
    void aRefusedWriteCarriesSeverityCodeAndPathButNeverTheDiagnostics() {
        server.enqueue(fhirJson(422, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"invalid\",\"diagnostics\":\"NHS number 9434765870 belongs to Ada Lovelace\","
                + "\"details\":{\"text\":\"Ada Lovelace\"},\"expression\":[\"Patient.identifier[0].value\","
                + "\"Patient.identifier.where(value='9434765870')\"]}]}"));
        assertThatExceptionOfType(FhirValidationException.class)
                .isThrownBy(() -> fhir.upsert(json(patient("p1"))))
                .satisfies(e -> {
                    assertThat(e.issues()).containsExactly(new OutcomeIssue("error", "invalid", List.of("Patient.identifier[0].value")));
                    assertThat(e.getMessage()).isEqualTo("FHIR server answered 422 (OperationOutcome issue codes: invalid)");
                    assertThat(e.rule()).isEqualTo("HTTP_422");
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    @Test
    void aPathWithHapisEntryCommentKeepsThePathAndDropsTheComment() {
        server.enqueue(fhirJson(422, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"processing\",\"expression\":[\"Bundle.entry[0].resource/*Patient/p1*/.identifier[0]\","
                + "\"Bundle.entry[1].resource/*Ada*/.name.where(text='Ada')\"]}]}"));
        assertThatExceptionOfType(FhirValidationException.class)
                .isThrownBy(() -> fhir.upsert(json(patient("p1"))))
                .satisfies(e -> assertThat(e.issues())
                        .containsExactly(new OutcomeIssue("error", "processing", List.of("Bundle.entry[0].resource.identifier[0]"))));
    }

    @Test
    void eachHttpFailureHasItsKind() {
        int[] statuses = {401, 403, 409, 412, 429, 500, 418};
        FhirServerException.Failure[] kinds = {FhirServerException.Failure.UNAUTHORISED, FhirServerException.Failure.FORBIDDEN,
                FhirServerException.Failure.VERSION_CONFLICT, FhirServerException.Failure.VERSION_CONFLICT,
                FhirServerException.Failure.THROTTLED, FhirServerException.Failure.SERVER_ERROR,
                FhirServerException.Failure.UNEXPECTED_STATUS};
        FhirClient once = FhirClient.builder(server.url("/fhir/R4").toString()).retry(RetryPolicy.none()).build();
        for (int i = 0; i < statuses.length; i++) {
            server.enqueue(new MockResponse.Builder().code(statuses[i]).build());
            FhirServerException.Failure expected = kinds[i];
            assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> once.read("Patient", "p1"))
                    .satisfies(e -> assertThat(e.failure()).isEqualTo(expected));
        }
    }

    @Test
    void aSearchSendsItsParametersAndFollowsNextLinksLazily() throws InterruptedException {
        String next = server.url("/fhir/R4?_getpages=abc&_offset=2").toString();
        server.enqueue(fhirJson(200, page(next, "p1", "p2")));
        server.enqueue(fhirJson(200, page(null, "p3")));
        FhirSearch search = FhirSearch.of("Patient").byIdentifier(NHS, "9434765870")
                .updatedSince(Instant.parse("2026-01-01T00:00:00Z")).count(2);
        try (Stream<ObjectNode> found = fhir.search(search)) {
            var iterator = found.iterator();
            assertThat(iterator.next().path("id").asText()).isEqualTo("p1");
            assertThat(iterator.next().path("id").asText()).isEqualTo("p2");
            assertThat(server.getRequestCount()).as("the second page is not fetched before it is needed").isEqualTo(1);
            assertThat(iterator.next().path("id").asText()).isEqualTo("p3");
            assertThat(iterator.hasNext()).isFalse();
        }
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameter("identifier")).isEqualTo(NHS + "|9434765870");
        assertThat(first.getUrl().queryParameter("_lastUpdated")).isEqualTo("ge2026-01-01T00:00:00Z");
        assertThat(first.getUrl().queryParameter("_count")).isEqualTo("2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/fhir/R4?_getpages=abc&_offset=2");
    }

    @Test
    void aSearchYieldsMatchesButNotIncludedResources() {
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":" + patient("p1") + ",\"search\":{\"mode\":\"match\"}},"
                + "{\"resource\":{\"resourceType\":\"Organization\",\"id\":\"o1\"},\"search\":{\"mode\":\"include\"}}]}"));
        assertThat(fhir.search(FhirSearch.of("Patient").where("_include", "Patient:organization")))
                .extracting(r -> r.path("id").asText()).containsExactly("p1");
    }

    @Test
    void aNextLinkToAnotherServerIsRefusedSoTheTokenNeverLeaves() {
        server.enqueue(fhirJson(200, page("https://elsewhere.example/fhir?page=2", "p1")));
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> fhir.search(FhirSearch.of("Patient")).count())
                .satisfies(e -> assertThat(e.failure()).isEqualTo(FhirServerException.Failure.MALFORMED_RESPONSE));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void historyAndEverythingArePagedLikeASearch() throws InterruptedException {
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Bundle\",\"type\":\"history\",\"entry\":["
                + "{\"resource\":" + patient("p1") + "},{\"request\":{\"method\":\"DELETE\",\"url\":\"Patient/p1\"}}]}"));
        server.enqueue(fhirJson(200, page(null, "p1")));
        assertThat(fhir.history("Patient", "p1")).hasSize(1);
        assertThat(fhir.everything("p1")).hasSize(1);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/fhir/R4/Patient/p1/_history");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/fhir/R4/Patient/p1/$everything");
    }

    @Test
    void aCreateReadsTheLocationAndVersion() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(201)
                .setHeader("Location", server.url("/fhir/R4/Patient/new-1/_history/1").toString())
                .setHeader("ETag", "W/\"1\"").build());
        WriteResult created = fhir.create(json(patient("ignored")));
        assertThat(created.created()).isTrue();
        assertThat(created.id()).isEqualTo("new-1");
        assertThat(created.versionId()).contains("1");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/fhir/R4/Patient");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/fhir+json");
    }

    @Test
    void aConditionalCreateSendsTheBusinessIdentifierAsIfNoneExist() throws InterruptedException {
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Patient\",\"id\":\"existing\",\"meta\":{\"versionId\":\"4\"}}"));
        WriteResult found = fhir.createIfNoneExist(json(patient("p1")), NHS, "9434765870");
        assertThat(found.created()).isFalse();
        assertThat(found.id()).isEqualTo("existing");
        assertThat(found.versionId()).contains("4");
        assertThat(server.takeRequest().getHeaders().get("If-None-Exist"))
                .isEqualTo("identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9434765870");
    }

    @Test
    void anUpdateSendsTheExpectedVersionAsAWeakETagAndAStaleOneIsATypedConflict() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "W/\"4\"").build());
        server.enqueue(fhirJson(412, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"conflict\"}]}"));
        assertThat(fhir.update(json(patient("p1")), "3").versionId()).contains("4");
        assertThat(server.takeRequest().getHeaders().get("If-Match")).isEqualTo("W/\"3\"");
        assertThatExceptionOfType(FhirVersionConflictException.class).isThrownBy(() -> fhir.update(json(patient("p1")), "3"))
                .satisfies(e -> assertThat(e.issues()).extracting(OutcomeIssue::code).containsExactly("conflict"));
    }

    @Test
    void aDeleteIsSentToTypeAndId() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(204).build());
        fhir.delete("Patient", "p1");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getTarget()).isEqualTo("/fhir/R4/Patient/p1");
    }

    @Test
    void aTransactionResponseGivesEachEntrysLocationAndVersion() {
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":["
                + "{\"response\":{\"status\":\"201 Created\",\"location\":\"Patient/p1/_history/1\",\"etag\":\"W/\\\"1\\\"\","
                + "\"lastModified\":\"2026-12-07T10:00:00Z\"}},"
                + "{\"response\":{\"status\":\"200 OK\",\"location\":\"Organization/o1/_history/3\",\"etag\":\"W/\\\"3\\\"\"}}]}"));
        BundleResponse response = fhir.transaction(json("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}"));
        assertThat(response.allSucceeded()).isTrue();
        assertThat(response.entries()).extracting(BundleResponse.Entry::status).containsExactly(201, 200);
        assertThat(response.entries()).extracting(BundleResponse.Entry::location)
                .containsExactly(java.util.Optional.of("Patient/p1/_history/1"), java.util.Optional.of("Organization/o1/_history/3"));
        assertThat(response.entries()).extracting(BundleResponse.Entry::versionId)
                .containsExactly(java.util.Optional.of("1"), java.util.Optional.of("3"));
    }

    @Test
    void aBatchResponseGivesEachFailedEntrysIssues() {
        server.enqueue(fhirJson(200, "{\"resourceType\":\"Bundle\",\"type\":\"batch-response\",\"entry\":["
                + "{\"response\":{\"status\":\"201 Created\",\"location\":\"Patient/p1/_history/1\"}},"
                + "{\"response\":{\"status\":\"422 Unprocessable Entity\",\"outcome\":{\"resourceType\":\"OperationOutcome\","
                + "\"issue\":[{\"severity\":\"error\",\"code\":\"required\",\"diagnostics\":\"Ada\",\"expression\":[\"Goal.target\"]}]}}}]}"));
        BundleResponse response = fhir.batch(json("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[]}"));
        assertThat(response.allSucceeded()).isFalse();
        assertThat(response.entries().get(1).issues()).containsExactly(new OutcomeIssue("error", "required", List.of("Goal.target")));
    }

    @Test
    void aServerThatDoesNotDeclareANeededInteractionFailsTheCheckByName() {
        String statement = "{\"resourceType\":\"CapabilityStatement\",\"rest\":[{\"mode\":\"server\","
                + "\"interaction\":[{\"code\":\"transaction\"}],"
                + "\"resource\":[{\"type\":\"CarePlan\",\"interaction\":[{\"code\":\"read\"},{\"code\":\"search-type\"}]}]}]}";
        server.enqueue(fhirJson(200, statement));
        server.enqueue(fhirJson(200, statement));
        fhir.requireInteractions("CarePlan", "read", "search-type", "transaction");
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> fhir.requireInteractions("CarePlan", "read", "update"))
                .withMessageContaining("'update' on CarePlan");
    }

    @Test
    @DisplayName("a push sends each resource once, after every resource it references")
    void aPushSendsEachResourceOnceAfterWhatItReferences() throws InterruptedException {
        ObjectNode plan = json("{\"resourceType\":\"CarePlan\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"goal\":[{\"reference\":\"Goal/g1\"}]}");
        ObjectNode goal = json("{\"resourceType\":\"Goal\",\"id\":\"g1\",\"subject\":{\"reference\":\"Patient/p1\"}}");
        ObjectNode patient = json("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"managingOrganization\":{\"reference\":\"Organization/o1\"}}");
        ObjectNode org = json("{\"resourceType\":\"Organization\",\"id\":\"o1\"}");
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "W/\"1\"").build());
        }
        List<WriteResult> results = fhir.push(List.of(patient, plan, goal, org, patient));
        assertThat(results).hasSize(4);
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(server.takeRequest().getTarget().replace("/fhir/R4/", ""));
        }
        assertThat(sent).containsExactly("Organization/o1", "Patient/p1", "Goal/g1", "CarePlan/c1");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> FhirClient.builder("ftp://example.org"))
                .satisfies(e -> assertThat(e.option()).isEqualTo("baseUrl"));
    }
}
