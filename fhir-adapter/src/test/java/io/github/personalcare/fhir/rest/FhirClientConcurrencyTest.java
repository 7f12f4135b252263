package io.github.personalcare.fhir.rest;

import static io.github.personalcare.fhir.rest.FhirClientTest.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-server concurrency limit holds however many threads share the client. */
class FhirClientConcurrencyTest {
    private MockWebServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    // The server answers requests in pairs: a pair can only form if two are in flight together.
    private final CyclicBarrier pairs = new CyclicBarrier(2);

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                mostInFlight.accumulateAndGet(now, Math::max);
                try {
                    pairs.await(30, TimeUnit.SECONDS);    // a guard against a hung test, not a measurement
                } catch (BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("requests did not pair up", e);
                } finally {
                    inFlight.decrementAndGet();
                }
                return FhirClientTest.fhirJson(200, patient("p1"));
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void noMoreThanTheLimitAreInFlightAtOnce() throws Exception {
        FhirClient fhir = FhirClient.builder(server.url("/fhir").toString()).maxConcurrentRequests(2).build();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> reads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            reads.add(pool.submit(() -> {
                go.await();
                return fhir.read("Patient", "p1").path("id").asText();
            }));
        }
        go.countDown();
        for (Future<String> read : reads) {
            assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo("p1");
        }
        pool.shutdown();
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(callers);
    }
}
