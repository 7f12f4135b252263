package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.personalcare.lang.ConfigurationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4): fetches an access token from the token
 * endpoint, caches it, fetches a new one shortly before it expires and once when the FHIR server
 * answers 401. The client authenticates either with a secret (HTTP Basic) or with a signed JWT
 * ({@link PrivateKeyJwt}, as the NHS API platform's application-restricted access requires).
 *
 * <pre>{@code
 * AuthProvider auth = OAuthClientCredentials.builder("https://api.service.nhs.uk/oauth2/token", apiKey)
 *         .privateKeyJwt(PrivateKeyJwt.rs512("test-1", privateKey))
 *         .build();
 * }</pre>
 *
 * <p>Tokens, secrets and assertions are never logged, never put in an exception message, and
 * {@link #toString()} shows only the endpoint. The token endpoint's error body is not read.
 * Thread-safe: concurrent callers share one token and at most one fetch runs at a time.
 */
public final class OAuthClientCredentials implements AuthProvider {
    private static final Logger log = LoggerFactory.getLogger(OAuthClientCredentials.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
    /** A token without {@code expires_in} is trusted this long. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final PrivateKeyJwt privateKeyJwt;
    private final String scope;
    private final OkHttpClient client;
    private final Clock clock;
    private final Duration refreshBefore;

    private String token;      // "Bearer ..." or null; guarded by this
    private Instant refreshAt; // guarded by this

    private OAuthClientCredentials(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.privateKeyJwt = b.privateKeyJwt;
        this.scope = b.scope;
        this.client = b.client != null ? b.client : FhirClient.defaultHttpClient();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.refreshBefore = b.refreshBefore != null ? b.refreshBefore : Duration.ofSeconds(30);
    }

    /**
     * A builder for the given token endpoint and client id.
     *
     * @param tokenUrl the token endpoint (https, or http for a test server)
     * @param clientId the OAuth client id
     * @return the builder
     * @throws ConfigurationException if the URL is not http(s) or the client id is blank
     */
    public static Builder builder(String tokenUrl, String clientId) {
        return new Builder(tokenUrl, clientId);
    }

    /**
     * {@return "Bearer " and the cached token, fetching a new one if there is none or it expires
     * within the refresh margin}
     *
     * @throws FhirServerException if the token endpoint refuses ({@code UNAUTHORISED}) or cannot be
     *                             reached ({@code IO})
     */
    @Override
    public synchronized String authorization() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Drops the cached token if it is the one the server refused; the next request fetches anew. */
    @Override
    public synchronized boolean rejected(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
        return true;
    }

    private void fetch() {
        Instant now = clock.instant();
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (scope != null) {
            form.add("scope", scope);
        }
        Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
        if (privateKeyJwt != null) {
            form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .add("client_assertion", privateKeyJwt.assertion(clientId, tokenUrl.toString(), now));
        } else {
            request.header("Authorization", Credentials.basic(clientId, clientSecret));
        }
        try (Response response = client.newCall(request.post(form.build()).build()).execute()) {
            if (!response.isSuccessful()) {
                log.warn("token endpoint answered {}", response.code());
                throw new FhirServerException(FhirServerException.Failure.UNAUTHORISED, response.code(), List.of(), null,
                        "OAuth token endpoint answered " + response.code());
            }
            JsonNode body = JSON.readTree(Bodies.read(response.body(), MAX_TOKEN_RESPONSE_BYTES));
            String accessToken = body.path("access_token").asText("");
            if (accessToken.isEmpty() || !"bearer".equalsIgnoreCase(body.path("token_type").asText("bearer"))) {
                throw FhirServerException.malformed(response.code(), "an OAuth bearer token response");
            }
            // expires_in is a number in RFC 6749; some servers send it as a string.
            long seconds = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
            Duration lifetime = Duration.ofSeconds(seconds > 0 ? seconds : DEFAULT_LIFETIME.toSeconds());
            Duration margin = refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
            token = "Bearer " + accessToken;
            refreshAt = now.plus(lifetime).minus(margin);
            log.debug("access token fetched; valid for {} s", lifetime.toSeconds());
        } catch (IOException e) {
            log.warn("token endpoint could not be reached");
            throw new FhirServerException(FhirServerException.Failure.IO, 0, List.of(), null,
                    "OAuth token endpoint could not be reached or did not answer");
        } catch (Bodies.TooLarge e) {
            throw FhirServerException.tooLarge(200, MAX_TOKEN_RESPONSE_BYTES);
        }
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[" + tokenUrl + ", " + (privateKeyJwt != null ? "private_key_jwt" : "client_secret_basic") + "]";
    }

    /** Options of {@link OAuthClientCredentials}; each may be set once. */
    public static final class Builder {
        private final HttpUrl tokenUrl;
        private final String clientId;
        private String clientSecret;
        private PrivateKeyJwt privateKeyJwt;
        private String scope;
        private OkHttpClient client;
        private Clock clock;
        private Duration refreshBefore;

        private Builder(String tokenUrl, String clientId) {
            HttpUrl parsed = tokenUrl == null ? null : HttpUrl.parse(tokenUrl);
            if (parsed == null) {
                throw new ConfigurationException("tokenUrl", "must be an http or https URL");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new ConfigurationException("clientId", "must not be blank");
            }
            this.tokenUrl = parsed;
            this.clientId = clientId;
        }

        /**
         * Authenticates with a client secret (HTTP Basic). Either this or
         * {@link #privateKeyJwt(PrivateKeyJwt)} is required.
         *
         * @param value the secret
         * @return this builder
         * @throws ConfigurationException if blank, already set, or a signed JWT was chosen
         */
        public Builder clientSecret(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("clientSecret", "must not be blank");
            }
            this.clientSecret = Options.once("clientSecret", clientSecret, value);
            return this;
        }

        /**
         * Authenticates with a signed JWT ({@code private_key_jwt}).
         *
         * @param value signs the client assertions
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder privateKeyJwt(PrivateKeyJwt value) {
            this.privateKeyJwt = Options.once("privateKeyJwt", privateKeyJwt, value);
            return this;
        }

        /**
         * The {@code scope} to ask for. Default: none sent.
         *
         * @param value the space-separated scopes
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder scope(String value) {
            this.scope = Options.once("scope", scope, value);
            return this;
        }

        /**
         * The OkHttp client for the token endpoint. Default: one with {@link FhirClient}'s
         * timeouts.
         *
         * @param value the client
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder client(OkHttpClient value) {
            this.client = Options.once("client", client, value);
            return this;
        }

        /**
         * The clock that decides when a token is due for refresh and stamps the assertions.
         * Default: the system clock.
         *
         * @param value the clock
         * @return this builder
         * @throws ConfigurationException if null or already set
         */
        public Builder clock(Clock value) {
            this.clock = Options.once("clock", clock, value);
            return this;
        }

        /**
         * How long before its expiry a token is replaced (at most half its lifetime). Default:
         * 30 seconds.
         *
         * @param value the margin, not negative
         * @return this builder
         * @throws ConfigurationException if null, negative or already set
         */
        public Builder refreshBefore(Duration value) {
            if (value != null && value.isNegative()) {
                throw new ConfigurationException("refreshBefore", "must not be negative");
            }
            this.refreshBefore = Options.once("refreshBefore", refreshBefore, value);
            return this;
        }

        /**
         * {@return the provider}
         *
         * @throws ConfigurationException unless exactly one of a secret and a signed JWT was set
         */
        public OAuthClientCredentials build() {
            if ((clientSecret == null) == (privateKeyJwt == null)) {
                throw new ConfigurationException("clientAuthentication", "set exactly one of clientSecret and privateKeyJwt");
            }
            return new OAuthClientCredentials(this);
        }
    }
}
