package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The server here keeps what is PUT and returns it on GET (loopback only); the client's behaviour
 * against a real HAPI FHIR server is tested in fhir-adapter.
 */
class DemoFhirServerTest {
    @TempDir
    Path dir;

    private MockWebServer server;
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final List<String> puts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath().substring("/fhir/".length());
                if ("PUT".equals(request.getMethod())) {
                    puts.add(path);
                    stored.put(path, request.getBody().utf8());
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
        assertThat(puts).isNotEmpty().doesNotHaveDuplicates();
        assertThat(server.getRequestCount()).isEqualTo(2 * puts.size());
    }
}
