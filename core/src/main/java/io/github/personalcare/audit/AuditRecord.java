package io.github.personalcare.audit;

import java.util.Objects;

/**
 * An audit event as stored: its position in its chain (from 1), the hash of the previous record
 * (64 zeros for the first), its own hash over every field of the record ({@link AuditChain#hash})
 * and the id of the {@link AuditKey} that sealed it.
 */
public record AuditRecord(String chain, long sequence, AuditEvent event, String previousHash, String hash,
        String keyId) {
    /**
     * Checks every component is present and the sequence is at least 1.
     *
     * @param chain        the chain's key: a patient id, or {@link AuditChain#SYSTEM_CHAIN}
     * @param sequence     the position in the chain, from 1
     * @param event        the event recorded
     * @param previousHash the previous record's hash, {@link AuditChain#GENESIS} for the first
     * @param hash         this record's hash
     * @param keyId        the id of the key that sealed it ({@link AuditKey#id()})
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1
     */
    public AuditRecord {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1");
        }
    }

    /**
     * A record sealed in the plain SHA-256 mode ({@link AuditKey#UNKEYED}).
     *
     * @param chain        the chain's key
     * @param sequence     the position in the chain, from 1
     * @param event        the event recorded
     * @param previousHash the previous record's hash
     * @param hash         this record's hash
     */
    public AuditRecord(String chain, long sequence, AuditEvent event, String previousHash, String hash) {
        this(chain, sequence, event, previousHash, hash, AuditKey.UNKEYED_ID);
    }
}
