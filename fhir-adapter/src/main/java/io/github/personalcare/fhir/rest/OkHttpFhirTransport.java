package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.FhirImportException;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.spi.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} that sends FHIR R4 JSON to a FHIR server over HTTP with OkHttp: resources as
 * {@code PUT Type/id} (upserts) and transaction Bundles as {@code POST} to the base URL. For an
 * outbox event, a {@link FhirEventRenderer} decides what to send; because every write is an
 * upsert by a stable id, the relay's redeliveries are harmless.
 *
 * <pre>{@code
 * OkHttpFhirTransport fhir = OkHttpFhirTransport.builder("https://fhir.example.nhs.uk/R4")
 *         .renderer(FhirEventRenderer.patientRecords(records))
 *         .authorization(() -> "Bearer " + tokens.current())
 *         .build();
 * PersonalCare care = PersonalCare.builder().transport(fhir).build();
 * }</pre>
 *
 * <ul>
 *   <li>2xx: delivered. 408, 429 and 5xx: {@link TransportException} with {@code retryable()}
 *       true. Other statuses: not retryable. The message holds the status and the
 *       OperationOutcome issue codes only ({@code invalid}, {@code required} ...), never the
 *       server's diagnostics, which can quote the record.</li>
 *   <li>No answer (connection refused, timeout): retryable, code {@code IO}.</li>
 *   <li>Logging is off by default ({@link HttpLogLevel#NONE}); when on, the Authorization,
 *       Proxy-Authorization and Cookie headers are redacted and bodies are never logged.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves every thread, sharing OkHttp's connection pool.
 */
public final class OkHttpFhirTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(OkHttpFhirTransport.class);
    private static final MediaType FHIR_JSON = MediaType.get("application/fhir+json; charset=utf-8");
    private static final Set<String> REDACTED = Set.of("authorization", "proxy-authorization", "cookie");
    private static final Pattern ISSUE_CODE = Pattern.compile("[a-z][a-z-]{0,39}");
    private static final int MAX_ISSUE_CODES = 10;

    private final HttpUrl base;
    private final OkHttpClient client;
    private final Optional<Supplier<String>> authorization;
    private final FhirEventRenderer renderer;
    private final HttpLogLevel logLevel;
    private final FhirImporter outcomes;

    private OkHttpFhirTransport(Builder b) {
        this.base = b.base;
        this.client = b.client != null ? b.client : new OkHttpClient();
        this.authorization = Optional.ofNullable(b.authorization);
        this.renderer = b.renderer;
        this.logLevel = b.logLevel != null ? b.logLevel : HttpLogLevel.NONE;
        // An error body is read only for its issue codes, and never beyond 64 KiB.
        this.outcomes = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(64 * 1024));
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
     * Sends what the renderer makes of the event; nothing if it makes nothing.
     *
     * @throws TransportException if the server refuses or cannot be reached; see {@link TransportException#retryable()}
     */
    @Override
    public void deliver(DomainEvent event) {
        Optional<FhirRequest> request = renderer.render(event);
        if (request.isEmpty()) {
            log.debug("event {} of type {}: nothing to send", event.eventId(), event.type());
            return;
        }
        send(request.get());
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
        HttpUrl url = fhirRequest.path().isEmpty() ? base : base.newBuilder().addPathSegments(fhirRequest.path()).build();
        RequestBody body = RequestBody.create(FhirWriter.toJson(fhirRequest.body()), FHIR_JSON);
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/fhir+json");
        authorization.ifPresent(a -> request.header("Authorization", a.get()));
        request.method(fhirRequest.method().name(), body);
        Request built = request.build();
        logRequest(built, fhirRequest);
        try (Response response = client.newCall(built).execute()) {
            int status = response.code();
            if (logLevel != HttpLogLevel.NONE) {
                log.info("FHIR {} {} -> {}", fhirRequest.method(), pathForLog(fhirRequest), status);
            }
            if (response.isSuccessful()) {
                return;
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            List<String> codes = issueCodes(response.body());
            String detail = codes.isEmpty() ? "" : " (OperationOutcome issue codes: " + String.join(", ", codes) + ")";
            throw new TransportException("HTTP_" + status, "FHIR server answered " + status + detail, retryable);
        } catch (IOException e) {
            // The exception's text is not kept: only that no answer came.
            if (logLevel != HttpLogLevel.NONE) {
                log.info("FHIR {} {} -> no answer", fhirRequest.method(), pathForLog(fhirRequest));
            }
            throw new TransportException("IO", "FHIR server could not be reached or did not answer", true);
        }
    }

    private void logRequest(Request request, FhirRequest fhirRequest) {
        if (logLevel != HttpLogLevel.HEADERS) {
            return;
        }
        StringBuilder headers = new StringBuilder();
        for (String name : request.headers().names()) {
            String value = REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "██" : request.header(name);
            headers.append(' ').append(name).append(": ").append(value).append(';');
        }
        log.info("FHIR {} {} headers:{}", fhirRequest.method(), pathForLog(fhirRequest), headers);
    }

    private static String pathForLog(FhirRequest request) {
        return request.path().isEmpty() ? "(transaction)" : request.path();
    }

    private List<String> issueCodes(ResponseBody body) {
        if (body == null) {
            return List.of();
        }
        MediaType type = body.contentType();
        if (type == null || !type.subtype().contains("json")) {
            return List.of();
        }
        try (InputStream in = body.byteStream()) {
            JsonNode outcome = outcomes.read(in, OperationOutcomeCodes.INSTANCE).value();
            List<String> codes = new ArrayList<>();
            for (JsonNode code : outcome) {
                if (codes.size() < MAX_ISSUE_CODES && ISSUE_CODE.matcher(code.asText()).matches()) {
                    codes.add(code.asText());
                }
            }
            return codes;
        } catch (FhirImportException | IOException e) {
            return List.of();
        }
    }

    /** Options of {@link OkHttpFhirTransport}; each may be set once. */
    public static final class Builder {
        private final HttpUrl base;
        private OkHttpClient client;
        private Supplier<String> authorization;
        private FhirEventRenderer renderer;
        private HttpLogLevel logLevel;

        private Builder(String baseUrl) {
            HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
            if (parsed == null) {
                throw new ConfigurationException("baseUrl", "must be an http or https URL");
            }
            this.base = parsed;
        }

        /**
         * The OkHttp client (timeouts, TLS, proxies). Default: a new client with OkHttp's defaults.
         *
         * @param value the client
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or the client was already set
         */
        public Builder client(OkHttpClient value) {
            this.client = once("client", this.client, value);
            return this;
        }

        /**
         * The value of the Authorization header of every request, read per request (so a token can
         * be refreshed), such as {@code () -> "Bearer " + token}. Default: no header.
         *
         * @param value supplies the header value
         * @return this builder
         * @throws ConfigurationException if {@code value} is null or the authorization was already
         *                                set
         */
        public Builder authorization(Supplier<String> value) {
            this.authorization = once("authorization", this.authorization, value);
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
            this.renderer = once("renderer", this.renderer, value);
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
            this.logLevel = once("logLevel", this.logLevel, value);
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
            return new OkHttpFhirTransport(this);
        }

        private static <T> T once(String option, T current, T value) {
            if (value == null) {
                throw new ConfigurationException(option, "must not be null");
            }
            if (current != null) {
                throw new ConfigurationException(option, "may be set only once");
            }
            return Objects.requireNonNull(value);
        }
    }
}
