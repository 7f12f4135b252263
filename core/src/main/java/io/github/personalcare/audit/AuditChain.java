package io.github.personalcare.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain that makes the audit trail tamper-evident (R50). Each patient has one chain (and
 * events with no patient share the {@link #SYSTEM_CHAIN}); each record's hash is SHA-256 over the
 * previous record's hash and the event's canonical form, so editing, removing, inserting or
 * reordering a record breaks every later link. The chain's head (last sequence and hash) is kept
 * apart from the records, so removing the newest records is detected too.
 *
 * <p>Every storage adapter links records with {@link #link} and checks them with {@link #verify},
 * so all adapters produce the same hashes for the same events.
 */
public final class AuditChain {
    /** Chain key of events that concern no patient. */
    public static final String SYSTEM_CHAIN = "system";
    /** Previous hash of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * The record that follows {@code head} (or starts the chain when there is none).
     *
     * @param head  the chain's last record, or empty for a new chain
     * @param event the event to append; its {@code chain()} names the chain
     * @return the new record, with the next sequence number and its hash
     */
    public static AuditRecord link(Optional<AuditRecord> head, AuditEvent event) {
        String previous = head.map(AuditRecord::hash).orElse(GENESIS);
        long sequence = head.map(h -> h.sequence() + 1).orElse(1L);
        return new AuditRecord(event.chain(), sequence, event, previous, hash(previous, sequence, event));
    }

    /**
     * SHA-256 (hex) over the previous hash, the sequence and the event's canonical form.
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    // Length-prefixed so that no two different events have the same canonical form.
    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    /**
     * Checks one chain, given its records in stored order and its separately kept head.
     *
     * @param chain   the chain's key: a patient id, or {@link #SYSTEM_CHAIN}
     * @param records the chain's records as stored, in sequence order
     * @param head    the head the store recorded, empty if it recorded none
     * @return intact with the number of records checked, or broken at the first record that does
     *         not verify
     */
    public static AuditVerification verify(String chain, List<AuditRecord> records, Optional<AuditRecord> head) {
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
            if (!hash(previous, r.sequence(), r.event()).equals(r.hash())) {
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
