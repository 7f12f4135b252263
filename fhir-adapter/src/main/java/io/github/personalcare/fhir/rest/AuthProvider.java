package io.github.personalcare.fhir.rest;

import io.github.personalcare.lang.ConfigurationException;

/**
 * Supplies the {@code Authorization} header of each request {@link FhirClient} sends. Read per
 * attempt, so a provider can refresh its token; told when the server answered 401, so it can fetch
 * a new one. Implementations never log what they return.
 *
 * <pre>{@code
 * AuthProvider auth = OAuthClientCredentials.builder(tokenUrl, clientId)
 *         .privateKeyJwt(PrivateKeyJwt.rs512(keyId, privateKey))
 *         .build();
 * FhirClient fhir = FhirClient.builder(baseUrl).auth(auth).build();
 * }</pre>
 */
public interface AuthProvider {

    /**
     * {@return the header value, such as {@code "Bearer eyJ..."}}
     *
     * @throws FhirServerException if a token could not be obtained
     */
    String authorization();

    /**
     * The server answered 401 to a request that carried {@code rejected}. Returns whether a new
     * value may cure it; the client then retries the request once with
     * {@link #authorization()}. The default: no.
     *
     * @param rejected the header value the server refused
     * @return whether asking again may give a value the server accepts
     */
    default boolean rejected(String rejected) {
        return false;
    }

    /**
     * A fixed bearer token, such as one a caller manages elsewhere.
     *
     * @param token the access token, without the {@code Bearer} prefix
     * @return the provider
     * @throws ConfigurationException if the token is null or blank
     */
    static AuthProvider bearer(String token) {
        if (token == null || token.isBlank()) {
            throw new ConfigurationException("auth.token", "must not be blank");
        }
        String header = "Bearer " + token;
        return new AuthProvider() {
            @Override
            public String authorization() {
                return header;
            }

            @Override
            public String toString() {
                return "AuthProvider.bearer[██]";
            }
        };
    }
}
