package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with {@code --fhir-server}: the story's record is pushed to a FHIR server and read back.
 * The server here keeps what is PUT, or sent as a transaction's {@code PUT} entries (with
 * {@code urn:uuid} references resolved, as a FHIR server does), and returns it on GET (loopback
 * only); the client's behaviour against a real HAPI FHIR server is tested in fhir-adapter.
 */
class DemoFhirServerTest {
    @TempDir
    Path dir;

    private MockWebServer server;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    /** Every resource written, by a single PUT or as a transaction entry. */
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> transactions = new CopyOnWriteArrayList<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();
    private final AtomicInteger singlePuts = new AtomicInteger();

    private MockResponse transaction(String body) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(body);
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).build();
        }
        Map<String, String> target = new HashMap<>();
        bundle.path("entry").forEach(e -> target.put(e.path("fullUrl").asText(), e.path("request").path("url").asText()));
        ObjectNode response = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction-response");
        for (JsonNode entry : bundle.path("entry")) {
            String path = entry.path("request").path("url").asText();
            String resource = entry.path("resource").toString();
            for (Map.Entry<String, String> t : target.entrySet()) {
                resource = resource.replace("\"" + t.getKey() + "\"", "\"" + t.getValue() + "\"");
            }
            written.add(path);
            stored.put(path, resource);
            response.withArray("entry").addObject().putObject("response").put("status", "201 Created")
                    .put("location", path + "/_history/1").put("etag", "W/\"1\"");
        }
        transactions.add(bundle.path("type").asText());
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                .body(response.toString()).build();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("POST".equals(request.getMethod()) && request.getUrl().encodedPath().equals("/fhir")) {
                    return transaction(request.getBody().utf8());
                }
                String path = request.getUrl().encodedPath().substring("/fhir/".length());
                if ("PUT".equals(request.getMethod())) {
                    singlePuts.incrementAndGet();
                    written.add(path);
                    stored.put(path, request.getBody().utf8());
                }
                if ("GET".equals(request.getMethod())) {
                    reads.add(path);
                }
                String body = stored.get(path);
                if (body == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/fhir+json")
                        .setHeader("ETag", "W/\"1\"").body(body).build();
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theStorysRecordIsPushedOnceResourceByResourceAndReadsBackTheSame() {
        var bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--fhir-out", dir.resolve("b.json").toString(),
                "--fhir-server", server.url("/fhir").toString());
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("in dependency order and read them back: the same record").doesNotContain("9434765870");
        assertThat(written).isNotEmpty().doesNotHaveDuplicates();
        assertThat(transactions).as("the budget and line Accounts reference each other").isNotEmpty()
                .containsOnly("transaction");
        assertThat(reads).as("each resource read back once").containsExactlyInAnyOrderElementsOf(written);
        assertThat(server.getRequestCount()).isEqualTo(singlePuts.get() + transactions.size() + reads.size());
    }

    @Test
    void withFhirRelayTheStorysEventsArriveAsTheWritesTheyImplyAndNoFeedbackLeaves() {
        var bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--fhir-out", dir.resolve("b.json").toString(),
                "--fhir-server", server.url("/fhir").toString(), "--fhir-relay");
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out.lines().filter(l -> l.startsWith("FHIR: the outbox relay sent"))).singleElement().asString()
                .endsWith("each as the write it implies");
        Set<String> types = written.stream().map(p -> p.substring(0, p.indexOf('/'))).collect(Collectors.toSet());
        assertThat(types).contains("Patient", "CarePlan", "Account", "ChargeItem", "ServiceRequest", "Consent",
                "AuditEvent", "Communication", "Appointment", "Slot", "Schedule", "MedicationRequest",
                "MedicationStatement", "Task").doesNotContain("QuestionnaireResponse");
        assertThat(stored.values()).noneMatch(body -> body.contains("\"linkId\":\"comment\""));
    }
}
