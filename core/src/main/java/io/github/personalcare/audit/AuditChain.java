package io.github.personalcare.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain that makes the audit trail tamper-evident (R50). Each patient has one chain (and
 * events with no patient share the {@link #SYSTEM_CHAIN}); each record's hash covers every field
 * of the record (chain, sequence, previous hash, key id and every field of the event) in a
 * canonical, length-prefixed encoding, so editing, removing, inserting or reordering a record
 * breaks every later link. The chain's head (last sequence and hash) is kept apart from the
 * records, so removing the newest records is detected too.
 *
 * <p>With an {@link AuditKey} that has a secret the hash is HMAC-SHA256, and someone who can write
 * the audit table but does not hold the key cannot recompute a chain after editing it; with
 * {@link AuditKey#UNKEYED} it is plain SHA-256, which anyone can recompute.
 *
 * <p>Every storage adapter links records with {@link #link(Optional, AuditEvent, AuditKey)} and
 * checks them with {@link #verify(String, List, Optional, AuditKeys)}, so all adapters produce the
 * same hashes for the same events.
 */
public final class AuditChain {
    /** Chain key of events that concern no patient. */
    public static final String SYSTEM_CHAIN = "system";
    /** Previous hash of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] DOMAIN = "personalcare-audit-v2".getBytes(StandardCharsets.UTF_8);

    private AuditChain() {
    }

    /**
     * The record that follows {@code head} (or starts the chain when there is none), sealed in the
     * plain SHA-256 mode.
     *
     * @param head  the chain's last record, or empty for a new chain
     * @param event the event to append; its {@code chain()} names the chain
     * @return the new record, with the next sequence number and its hash
     */
    public static AuditRecord link(Optional<AuditRecord> head, AuditEvent event) {
        return link(head, event, AuditKey.UNKEYED);
    }

    /**
     * The record that follows {@code head} (or starts the chain when there is none), sealed with
     * {@code key}.
     *
     * @param head  the chain's last record, or empty for a new chain
     * @param event the event to append; its {@code chain()} names the chain
     * @param key   the key that seals it (not {@link AuditKey#LEGACY}, which only verifies)
     * @return the new record, with the next sequence number, its hash and the key's id
     * @throws IllegalArgumentException if {@code key} is {@link AuditKey#LEGACY}
     */
    public static AuditRecord link(Optional<AuditRecord> head, AuditEvent event, AuditKey key) {
        if (key == AuditKey.LEGACY) {
            throw new IllegalArgumentException("the legacy encoding only verifies");
        }
        String previous = head.map(AuditRecord::hash).orElse(GENESIS);
        long sequence = head.map(h -> h.sequence() + 1).orElse(1L);
        return new AuditRecord(event.chain(), sequence, event, previous,
                hash(key, event.chain(), sequence, previous, event), key.id());
    }

    /**
     * The hash of a record written before keyed chains existed (key id {@value AuditKey#LEGACY_ID}):
     * SHA-256 over the previous hash, the sequence and the event's fields, an absent optional
     * encoded like an empty one. Kept so that such records still verify.
     *
     * @param previousHash the previous record's hash, or {@link #GENESIS} for the first
     * @param sequence     the record's position in its chain, from 1
     * @param event        the event
     * @return the hash, 64 lowercase hex digits
     */
    public static String hash(String previousHash, long sequence, AuditEvent event) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, previousHash);
        field(sb, Long.toString(sequence));
        field(sb, event.id().toString());
        field(sb, event.at().toString());
        field(sb, event.actor());
        field(sb, event.purpose().name());
        field(sb, event.action());
        field(sb, event.patient().map(p -> p.value().toString()).orElse(""));
        field(sb, event.subject().orElse(""));
        field(sb, event.outcome().name());
        field(sb, event.rule());
        field(sb, event.reason().orElse(""));
        field(sb, event.correlationId());
        return HexFormat.of().formatHex(AuditKey.LEGACY.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    // Length-prefixed so that no two different events have the same canonical form.
    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    /**
     * The hash of a record: HMAC-SHA256 under {@code key} (or SHA-256 for {@link AuditKey#UNKEYED})
     * over a canonical encoding of every field of the record: a domain tag, the key id, the chain,
     * the sequence, the previous hash and the event's id, time, actor, purpose, action, patient,
     * subject, outcome, rule, reason and correlation id. Each field is its UTF-8 bytes prefixed by
     * their length (4 bytes, big-endian); an optional is a presence byte (0 absent, 1 present)
     * followed by its value, so absent and empty differ. For {@link AuditKey#LEGACY} it is
     * {@link #hash(String, long, AuditEvent)}.
     *
     * @param key          the key that seals the record
     * @param chain        the record's chain
     * @param sequence     the record's position in its chain, from 1
     * @param previousHash the previous record's hash, or {@link #GENESIS} for the first
     * @param event        the event
     * @return the hash, 64 lowercase hex digits
     */
    public static String hash(AuditKey key, String chain, long sequence, String previousHash, AuditEvent event) {
        if (key == AuditKey.LEGACY) {
            return hash(previousHash, sequence, event);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        bytes(out, DOMAIN);
        text(out, key.id());
        text(out, chain);
        text(out, Long.toString(sequence));
        text(out, previousHash);
        text(out, event.id().toString());
        text(out, event.at().toString());
        text(out, event.actor());
        text(out, event.purpose().name());
        text(out, event.action());
        optional(out, event.patient().map(p -> p.value().toString()));
        optional(out, event.subject());
        text(out, event.outcome().name());
        text(out, event.rule());
        optional(out, event.reason());
        text(out, event.correlationId());
        return HexFormat.of().formatHex(key.digest(out.toByteArray()));
    }

    private static void optional(ByteArrayOutputStream out, Optional<String> value) {
        out.write(value.isPresent() ? 1 : 0);
        value.ifPresent(v -> text(out, v));
    }

    /** Writes {@code value} as its UTF-8 bytes prefixed by their length (4 bytes, big-endian). */
    static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.write(value, 0, value.length);
    }

    /**
     * Checks one chain in the plain SHA-256 mode ({@link AuditKeys#unkeyed()}).
     *
     * @param chain   the chain's key: a patient id, or {@link #SYSTEM_CHAIN}
     * @param records the chain's records as stored, in sequence order
     * @param head    the head the store recorded, empty if it recorded none
     * @return intact with the number of records checked, or broken at the first record that does
     *         not verify
     */
    public static AuditVerification verify(String chain, List<AuditRecord> records, Optional<AuditRecord> head) {
        return verify(chain, records, head, AuditKeys.unkeyed());
    }

    /**
     * Checks one chain, given its records in stored order and its separately kept head.
     *
     * @param chain   the chain's key: a patient id, or {@link #SYSTEM_CHAIN}
     * @param records the chain's records as stored, in sequence order
     * @param head    the head the store recorded, empty if it recorded none
     * @param keys    the keys records may be sealed with; a record sealed with another key does not
     *                verify
     * @return intact with the number of records checked, or broken at the first record that does
     *         not verify
     */
    public static AuditVerification verify(String chain, List<AuditRecord> records, Optional<AuditRecord> head,
            AuditKeys keys) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (AuditRecord r : records) {
            if (!r.chain().equals(chain) || !r.event().chain().equals(chain)) {
                return new AuditVerification.Broken(chain, r.sequence(), "record belongs to another chain");
            }
            if (r.sequence() != expectedSequence) {
                return new AuditVerification.Broken(chain, expectedSequence, "sequence gap or reorder");
            }
            if (!r.previousHash().equals(previous)) {
                return new AuditVerification.Broken(chain, r.sequence(), "previous hash does not match");
            }
            Optional<AuditKey> key = keys.find(r.keyId());
            if (key.isEmpty()) {
                return new AuditVerification.Broken(chain, r.sequence(), "record sealed with a key that is not accepted");
            }
            if (!hash(key.get(), chain, r.sequence(), previous, r.event()).equals(r.hash())) {
                return new AuditVerification.Broken(chain, r.sequence(), "record content does not match its hash");
            }
            previous = r.hash();
            expectedSequence++;
        }
        long last = expectedSequence - 1;
        if (head.isEmpty()) {
            return records.isEmpty()
                    ? new AuditVerification.Intact(0)
                    : new AuditVerification.Broken(chain, 1, "chain head is missing");
        }
        if (head.get().sequence() != last || !head.get().hash().equals(previous)) {
            return new AuditVerification.Broken(chain, last + 1, "records after the last one are missing");
        }
        return new AuditVerification.Intact(records.size());
    }
}
