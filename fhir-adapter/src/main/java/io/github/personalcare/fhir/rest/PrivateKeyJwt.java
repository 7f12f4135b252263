package io.github.personalcare.fhir.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.personalcare.lang.ConfigurationException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signed-JWT client authentication ({@code private_key_jwt}, RFC 7523), as the NHS API platform's
 * application-restricted access asks: each token request carries a fresh assertion signed RS512
 * with the application's private key, naming the key by {@code kid} (the key's id in the JWKS the
 * platform holds), with {@code iss} and {@code sub} the client id, {@code aud} the token endpoint,
 * a unique {@code jti} and a short expiry. Signing is done by nimbus-jose-jwt. The key is never
 * logged and {@link #toString()} shows only the key id.
 *
 * <p>Immutable and thread-safe.
 */
public final class PrivateKeyJwt {
    /** The NHS API platform refuses assertions that live longer than five minutes. */
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final String keyId;
    private final RSASSASigner signer;
    private final Duration lifetime;

    private PrivateKeyJwt(String keyId, RSASSASigner signer, Duration lifetime) {
        this.keyId = keyId;
        this.signer = signer;
        this.lifetime = lifetime;
    }

    /**
     * An RS512 signer with the given key; assertions live five minutes.
     *
     * @param keyId the {@code kid} the authorisation server knows the public key by
     * @param key   the RSA private key, 2048 bits or more
     * @return the signer
     * @throws ConfigurationException if the key id is blank or the key is missing or too short
     */
    public static PrivateKeyJwt rs512(String keyId, RSAPrivateKey key) {
        if (keyId == null || keyId.isBlank()) {
            throw new ConfigurationException("privateKeyJwt.keyId", "must not be blank");
        }
        if (key == null || key.getModulus().bitLength() < 2048) {
            throw new ConfigurationException("privateKeyJwt.key", "must be an RSA key of 2048 bits or more");
        }
        return new PrivateKeyJwt(keyId, new RSASSASigner(key), MAX_LIFETIME);
    }

    /**
     * A copy whose assertions live for the given time.
     *
     * @param value the lifetime, positive and at most five minutes
     * @return the copy
     * @throws ConfigurationException if the lifetime is out of range
     */
    public PrivateKeyJwt withLifetime(Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_LIFETIME) > 0) {
            throw new ConfigurationException("privateKeyJwt.lifetime", "must be positive and at most 5 minutes");
        }
        return new PrivateKeyJwt(keyId, signer, value);
    }

    /**
     * Signs a fresh client assertion.
     *
     * @param clientId the OAuth client id (the application's API key on the NHS API platform)
     * @param audience the token endpoint URL
     * @param now      the issue time
     * @return the compact serialised JWT
     * @throws ConfigurationException if signing fails (a key the JCA provider refuses)
     */
    public String assertion(String clientId, String audience, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(keyId).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            // The JCA message names the key or provider at most; still, keep no text from it.
            throw new ConfigurationException("privateKeyJwt.key", "could not sign the client assertion");
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "PrivateKeyJwt[RS512, kid=" + keyId + ", lifetime=" + lifetime + "]";
    }
}
