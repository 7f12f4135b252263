package io.github.personalcare.fhir.rest;

import static io.github.personalcare.fhir.rest.FhirClientTest.fhirJson;
import static io.github.personalcare.fhir.rest.FhirClientTest.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.personalcare.lang.ConfigurationException;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials with a signed JWT (as the NHS API platform's application-restricted
 * access) and with a secret; the token endpoint and the FHIR server are one scripted local server.
 */
class OAuthClientCredentialsTest {
    private static final String CLIENT_ID = "app-key-123";
    private static final String SECRET = "client-s3cret";
    private static KeyPair keys;

    private MockWebServer server;
    private FakeTime time;
    private ListAppender<ILoggingEvent> logs;
    private Logger restLogger;
    private int tokensIssued;

    @BeforeAll
    static void generateKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        time = new FakeTime(Instant.parse("2026-12-07T10:00:00Z"));
        restLogger = (Logger) LoggerFactory.getLogger(FhirClient.class.getPackageName());
        restLogger.setLevel(Level.DEBUG);
        logs = new ListAppender<>();
        logs.start();
        restLogger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        restLogger.detachAppender(logs);
        server.close();
    }

    private String tokenUrl() {
        return server.url("/oauth2/token").toString();
    }

    private OAuthClientCredentials.Builder signedJwt() {
        return OAuthClientCredentials.builder(tokenUrl(), CLIENT_ID)
                .privateKeyJwt(PrivateKeyJwt.rs512("key-1", (RSAPrivateKey) keys.getPrivate()))
                .clock(time);
    }

    private MockResponse token(long expiresIn) {
        tokensIssued++;
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"access-" + tokensIssued + "\",\"token_type\":\"Bearer\",\"expires_in\":\"" + expiresIn + "\"}")
                .build();
    }

    private FhirClient fhir(AuthProvider auth) {
        return FhirClient.builder(server.url("/fhir").toString()).auth(auth).clock(time).sleeper(time)
                .logLevel(HttpLogLevel.HEADERS).build();
    }

    private static HttpUrl form(RecordedRequest request) {
        return HttpUrl.get("http://form.invalid/?" + request.getBody().utf8());
    }

    @Test
    void theSignedClientAssertionVerifiesWithThePublicKeyAndCarriesTheClaimsTheNhsPlatformChecks() throws Exception {
        server.enqueue(token(599));
        signedJwt().build().authorization();
        RecordedRequest request = server.takeRequest();
        HttpUrl form = form(request);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(form.queryParameter("grant_type")).isEqualTo("client_credentials");
        assertThat(form.queryParameter("client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT jwt = SignedJWT.parse(form.queryParameter("client_assertion"));
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS512);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-1");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(tokenUrl());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(time.instant()));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(time.instant().plus(Duration.ofMinutes(5))));
    }

    @Test
    void aSignatureFromAnotherKeyDoesNotVerify() throws Exception {
        server.enqueue(token(599));
        signedJwt().build().authorization();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();
        SignedJWT jwt = SignedJWT.parse(form(server.takeRequest()).queryParameter("client_assertion"));
        assertThat(jwt.verify(new RSASSAVerifier(other))).isFalse();
    }

    @Test
    void eachAssertionHasAUniqueJti() throws Exception {
        server.enqueue(token(60));
        server.enqueue(token(60));
        OAuthClientCredentials auth = signedJwt().build();
        auth.authorization();
        time.advance(Duration.ofMinutes(2));
        auth.authorization();
        String first = SignedJWT.parse(form(server.takeRequest()).queryParameter("client_assertion")).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(form(server.takeRequest()).queryParameter("client_assertion")).getJWTClaimsSet().getJWTID();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theTokenIsCachedAndRefreshedShortlyBeforeItExpires() {
        server.enqueue(token(300));
        server.enqueue(token(300));
        OAuthClientCredentials auth = signedJwt().build();
        assertThat(auth.authorization()).isEqualTo("Bearer access-1");
        time.advance(Duration.ofSeconds(269));
        assertThat(auth.authorization()).isEqualTo("Bearer access-1");
        time.advance(Duration.ofSeconds(1));
        assertThat(auth.authorization()).as("30 s before expiry a new token is fetched").isEqualTo("Bearer access-2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a401CuredByATokenRefreshIsRetriedOnce() throws InterruptedException {
        server.enqueue(token(600));
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(token(600));
        server.enqueue(fhirJson(200, patient("p1")));
        assertThat(fhir(signedJwt().build()).read("Patient", "p1").path("id").asText()).isEqualTo("p1");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordedRequest r = server.takeRequest();
            sent.add(r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization"));
        }
        assertThat(sent).containsExactly("/oauth2/token null", "/fhir/Patient/p1 Bearer access-1",
                "/oauth2/token null", "/fhir/Patient/p1 Bearer access-2");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void a401ThatARefreshDoesNotCureIsATypedUnauthorisedAfterOneRefresh() {
        server.enqueue(token(600));
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(token(600));
        server.enqueue(new MockResponse.Builder().code(401).build());
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> fhir(signedJwt().build()).read("Patient", "p1"))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(FhirServerException.Failure.UNAUTHORISED);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aStaticBearerTokenIsNotRefreshedOn401() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        assertThatExceptionOfType(FhirServerException.class)
                .isThrownBy(() -> fhir(AuthProvider.bearer("fixed")).read("Patient", "p1"))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(FhirServerException.Failure.UNAUTHORISED));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aClientSecretTravelsAsHttpBasic() throws InterruptedException {
        server.enqueue(token(600));
        OAuthClientCredentials.builder(tokenUrl(), CLIENT_ID).clientSecret(SECRET).scope("system/*.read").build()
                .authorization();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic(CLIENT_ID, SECRET));
        assertThat(form(request).queryParameter("scope")).isEqualTo("system/*.read");
        assertThat(form(request).queryParameter("client_assertion")).isNull();
    }

    @Test
    void aRefusingTokenEndpointIsATypedUnauthorisedWithoutItsBody() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"invalid_client\",\"error_description\":\"key-1 for app-key-123 unknown\"}").build());
        assertThatExceptionOfType(FhirServerException.class).isThrownBy(() -> signedJwt().build().authorization())
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(FhirServerException.Failure.UNAUTHORISED);
                    assertThat(e.getMessage()).isEqualTo("OAuth token endpoint answered 401");
                });
    }

    @Test
    void noTokenSecretOrAssertionAppearsInLogsOrDescriptions() throws InterruptedException {
        server.enqueue(token(600));
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(token(600));
        server.enqueue(fhirJson(200, patient("p1")));
        OAuthClientCredentials auth = signedJwt().build();
        fhir(auth).read("Patient", "p1");
        server.takeRequest();
        server.takeRequest();
        String assertion = form(server.takeRequest()).queryParameter("client_assertion");
        OAuthClientCredentials withSecret = OAuthClientCredentials.builder(tokenUrl(), CLIENT_ID).clientSecret(SECRET).build();
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line -> assertThat(line)
                .doesNotContain("access-1").doesNotContain("access-2").doesNotContain(SECRET)
                .doesNotContain(assertion.substring(0, 40)));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("Authorization: ██"));
        assertThat(auth + " " + withSecret + " " + AuthProvider.bearer("t0p") + " " + PrivateKeyJwt.rs512("key-1",
                (RSAPrivateKey) keys.getPrivate())).doesNotContain(SECRET).doesNotContain("t0p").doesNotContain("access-");
    }

    @Test
    void aShortKeyOrTooLongLifetimeIsAConfigurationError() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PrivateKeyJwt.rs512("k", (RSAPrivateKey) generator.generateKeyPair().getPrivate()))
                .satisfies(e -> assertThat(e.option()).isEqualTo("privateKeyJwt.key"));
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PrivateKeyJwt.rs512("k", (RSAPrivateKey) keys.getPrivate()).withLifetime(Duration.ofMinutes(6)))
                .satisfies(e -> assertThat(e.option()).isEqualTo("privateKeyJwt.lifetime"));
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> OAuthClientCredentials.builder(tokenUrl(), CLIENT_ID).build())
                .satisfies(e -> assertThat(e.option()).isEqualTo("clientAuthentication"));
    }
}
