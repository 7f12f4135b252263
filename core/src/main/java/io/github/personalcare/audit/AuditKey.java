package io.github.personalcare.audit;

import io.github.personalcare.lang.ConfigurationException;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit hash chain (R50): each record's hash is HMAC-SHA256 under this
 * key, so someone who can write the audit table but does not hold the key cannot recompute a chain
 * after editing it. The supplier provides it through {@code PersonalCare.builder().auditKeys(...)}
 * and keeps it out of the database (a secrets manager or HSM export, for instance). Its id is
 * stored with every record, so keys can be rotated: records keep verifying under the key that
 * sealed them.
 *
 * <p>{@link #UNKEYED} is the plain SHA-256 mode (id {@code "sha256"}): tamper-evident against
 * accidents and outsiders, not against anyone who can write the table. {@link #LEGACY} (id
 * {@code "sha256-v1"}) names records written before keyed chains existed.
 *
 * <p>{@link #toString()} never shows the secret.
 */
public final class AuditKey {
    /** Id of the plain SHA-256 mode: no secret. */
    public static final String UNKEYED_ID = "sha256";
    /** Id of records written before keyed chains existed (plain SHA-256, first encoding). */
    public static final String LEGACY_ID = "sha256-v1";
    /** The plain SHA-256 mode: no secret; for embedded and demo use. */
    public static final AuditKey UNKEYED = new AuditKey(null, UNKEYED_ID);
    /** Records written before keyed chains existed; verified only, never used to seal. */
    public static final AuditKey LEGACY = new AuditKey(null, LEGACY_ID);

    /** Shortest secret accepted: HMAC-SHA256's block of security, 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One SHA-256 digest per thread: {@code MessageDigest.getInstance} per record showed in profiles (issue 13). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private final byte[] secret;
    private final String id;
    /** One HMAC per thread, initialised once with the secret; null for the unkeyed modes. */
    private final ThreadLocal<Mac> macs;

    private AuditKey(byte[] secret, String id) {
        this.secret = secret;
        this.id = id;
        this.macs = secret == null ? null : ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every Java platform", e);
        }
    }

    /**
     * A keyed chain's secret.
     *
     * @param secret the secret, at least {@value #MIN_SECRET_BYTES} bytes; copied
     * @param id     the key's id, stored with every record it seals: 1 to 64 characters from
     *               {@code A-Z a-z 0-9 . _ -}, not {@value #UNKEYED_ID} or {@value #LEGACY_ID}
     * @return the key
     * @throws ConfigurationException if the secret is missing or too short, or the id is missing,
     *                                malformed or reserved
     */
    public static AuditKey of(byte[] secret, String id) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new ConfigurationException("auditKey.secret", "must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (id == null || !ID.matcher(id).matches() || id.equals(UNKEYED_ID) || id.equals(LEGACY_ID)) {
            throw new ConfigurationException("auditKey.id",
                    "must be 1 to 64 characters of A-Z a-z 0-9 . _ - and not a reserved id");
        }
        return new AuditKey(secret.clone(), id);
    }

    /** {@return the key's id, stored with each record it seals} */
    public String id() {
        return id;
    }

    /** {@return whether this key has a secret (HMAC) rather than being plain SHA-256} */
    public boolean isKeyed() {
        return secret != null;
    }

    /**
     * HMAC-SHA256 of {@code data} under the secret, or SHA-256 for the unkeyed modes, with this
     * thread's digest or MAC: {@code digest(data)} and {@code doFinal(data)} each reset it after
     * use, so a call never sees another's input.
     */
    byte[] digest(byte[] data) {
        if (secret == null) {
            return SHA256.get().digest(data);
        }
        return macs.get().doFinal(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditKey k && k.id.equals(id) && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }
}
