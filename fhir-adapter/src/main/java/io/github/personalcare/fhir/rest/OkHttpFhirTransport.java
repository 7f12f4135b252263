package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.spi.TransportException;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} that sends FHIR R4 JSON to a FHIR server through a {@link FhirClient}:
 * resources as {@code PUT Type/id} (upserts) and transaction Bundles as {@code POST} to the base
 * URL. For an outbox event, a {@link FhirEventRenderer} decides what to send
 * ({@link FhirEventRenderer#eventWrites(RecordReader)} sends the write each event implies); because every write
 * is an upsert by a stable id, the relay's redeliveries are harmless.
 *
 * <pre>{@code
 * AtomicReference<PersonalCare> built = new AtomicReference<>();
 * OkHttpFhirTransport fhir = OkHttpFhirTransport.builder("https://fhir.example.nhs.uk/R4")
 *         .renderer(FhirEventRenderer.eventWrites(RecordReader.through(built::get, relayContext)))
 *         .auth(OAuthClientCredentials.builder(tokenUrl, clientId).privateKeyJwt(signer).build())
 *         .build();
 * PersonalCare care = PersonalCare.builder().transport(fhir).build();
 * built.set(care);
 * }</pre>
 *
 * <ul>
 *   <li>2xx: delivered. Failures of {@link #put}, {@link #transaction} and {@link #send} are
 *       {@link FhirServerException}s (a {@link TransportException} whose rule is
 *       {@code HTTP_<status>} or {@code IO}); {@link #deliver} fails with a
 *       {@link TransportException} whose rule is the failure's kind and status, such as
 *       {@code VALIDATION_FAILED_HTTP_422}, {@code SERVER_ERROR_HTTP_503} or {@code IO}: 408, 429,
 *       5xx and no answer are retryable, so the relay tries again later; other statuses are not,
 *       so the entry goes to the dead letters with that code. Messages hold the status and the
 *       OperationOutcome issue codes only ({@code invalid}, {@code required} ...), never the
 *       server's diagnostics.</li>
 *   <li>Upserts and whole-record transactions are not retried inside one delivery (they are not
 *       conditional); the relay's own backoff retries them.</li>
 *   <li>Logging is off by default ({@link HttpLogLevel#NONE}); when on, the Authorization,
 *       Proxy-Authorization and Cookie headers are redacted and bodies are never logged.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves every thread, sharing OkHttp's connection pool.
 */
public final class OkHttpFhirTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(OkHttpFhirTransport.class);

    private final FhirClient client;
    private final FhirEventRenderer renderer;

    private OkHttpFhirTransport(FhirClient client, FhirEventRenderer renderer) {
        this.client = client;
        this.renderer = renderer;
    }

    /**
     * A builder for a server at {@code baseUrl} (http or https), such as {@code https://host/fhir/R4}.
     *
     * @param baseUrl the server's FHIR base URL
     * @return the builder
     * @throws ConfigurationException if the URL is not an http(s) URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * Sends what the renderer makes of the event, request by request in order; nothing if it makes
     * nothing. A failure stops the delivery; the relay sends the whole event again later, which is
     * harmless since every write is an upsert.
     *
     * @throws TransportException if reading or exporting the record is refused (not retryable, its
     *                            rule the SDK rule, such as {@code R49}), or if the server refuses or
     *                            cannot be reached; its rule is then the
     *                            {@link FhirServerException.Failure} kind with the status, such as
     *                            {@code VALIDATION_FAILED_HTTP_422} (or {@code IO}), the code the
     *                            relay records; see {@link TransportException#retryable()}
     */
    @Override
    public void deliver(DomainEvent event) {
        List<FhirRequest> requests;
        try {
            requests = renderer.render(event);
        } catch (AccessDeniedException | RuleViolationException e) {
            // Reading or exporting the record is refused (the relay's access, R49): another attempt
            // gives the same answer, so the entry goes to the dead letters under the rule's code.
            throw new TransportException(e.rule(), "the event's writes could not be rendered: " + e.rule(), false);
        }
        if (requests.isEmpty()) {
            log.debug("event {}: nothing to send", event.eventId());
            return;
        }
        try {
            for (FhirRequest request : requests) {
                send(request);
            }
        } catch (FhirServerException e) {
            // The relay records the rule on the entry (and a dead letter): the typed kind, never the server's text.
            throw new TransportException(e.status() == 0 ? e.failure().name() : e.failure().name() + "_" + e.rule(),
                    e.getMessage(), e.retryable());
        }
    }

    /**
     * Upserts one resource with {@code PUT Type/id}.
     *
     * @param resource the resource, with an id that is a UUID
     * @throws TransportException if the server refuses or cannot be reached
     * @throws InvalidInputException if the resource has no resourceType or its id is not a UUID
     */
    public void put(ObjectNode resource) {
        send(FhirRequest.put(resource));
    }

    /**
     * Posts a transaction Bundle to the base URL.
     *
     * @param bundle a Bundle of type {@code transaction}
     * @throws TransportException if the server refuses or cannot be reached
     * @throws InvalidInputException if the body is not a transaction Bundle
     */
    public void transaction(ObjectNode bundle) {
        send(FhirRequest.transaction(bundle));
    }

    /**
     * Sends one request.
     *
     * @param fhirRequest the request
     * @throws TransportException if the server refuses or cannot be reached
     */
    public void send(FhirRequest fhirRequest) {
        if (fhirRequest.method() == FhirRequest.Method.PUT) {
            client.upsert(fhirRequest.body());
        } else {
            client.transaction(fhirRequest.body());
        }
    }

    /** Options of {@link OkHttpFhirTransport}; each may be set once. */
    public static final class Builder {
        private final FhirClient.Builder client;
        private FhirEventRenderer renderer;
        private boolean authSet;

        private Builder(String baseUrl) {
            this.client = FhirClient.builder(baseUrl);
        }

        /**
         * The OkHttp client (timeouts, TLS, proxies). Default: {@link FhirClient}'s.
         *
         * @param value the client
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or the client was already set
         */
        public Builder client(OkHttpClient value) {
            client.client(value);
            return this;
        }

        /**
         * The value of the Authorization header of every request, read per request (so a token can
         * be refreshed), such as {@code () -> "Bearer " + token}. Default: no header. For OAuth 2.0,
         * prefer {@link #auth(AuthProvider)}, which also refreshes on 401.
         *
         * @param value supplies the header value
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or authentication was already set
         */
        public Builder authorization(Supplier<String> value) {
            if (value == null) {
                throw new ConfigurationException("authorization", "must not be null");
            }
            return auth(value::get);
        }

        /**
         * Authentication of every request. Default: none.
         *
         * @param value the provider
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or authentication was already set
         */
        public Builder auth(AuthProvider value) {
            if (authSet) {
                throw new ConfigurationException("authorization", "may be set only once");
            }
            client.auth(value);
            authSet = true;
            return this;
        }

        /**
         * What to send for an outbox event. Required.
         *
         * @param value the renderer
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or the renderer was already set
         */
        public Builder renderer(FhirEventRenderer value) {
            this.renderer = Options.once("renderer", this.renderer, value);
            return this;
        }

        /**
         * How much to log. Default: {@link HttpLogLevel#NONE}.
         *
         * @param value the log level
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or the log level was already set
         */
        public Builder logLevel(HttpLogLevel value) {
            client.logLevel(value);
            return this;
        }

        /**
         * The transport.
         *
         * @return the transport, thread-safe
         * @throws ConfigurationException if no renderer was set
         */
        public OkHttpFhirTransport build() {
            if (renderer == null) {
                throw new ConfigurationException("renderer", "is required: it decides what an outbox event sends");
            }
            return new OkHttpFhirTransport(client.build(), renderer);
        }
    }
}
