package io.github.personalcare.jdbc;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AuditTrail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The audit table (records, append-only) and audit_chain_head (last sequence and hash per chain,
 * kept apart so that removing the newest records is detected). An append locks its chain's head
 * row until commit, links the event with {@link AuditChain#link} and moves the head; the record and
 * the head are written with the transaction's other pending rows ({@link JdbcTransaction#flush}).
 */
final class JdbcAuditTrail implements AuditTrail {
    private static final List<String> AUDIT_COLUMNS = List.of("chain", "seq", "patient_id", "event_id", "occurred_at",
            "action", "outcome", "doc", "previous_hash", "hash", "key_id");

    /** The hash a record is read with when its action or outcome column disagrees with its document. */
    static final String EDITED_COLUMNS = "action or outcome column edited";

    private final JdbcTransaction tx;

    JdbcAuditTrail(JdbcTransaction tx) {
        this.tx = tx;
        tx.requireTable("audit", AUDIT_COLUMNS, "the audit trail");
    }

    @Override
    public AuditRecord append(AuditEvent event, AuditKey key) {
        tx.checkOpen();
        String doc = tx.json.writeAudit(event);
        tx.scope.touch(event.patient().orElse(null));
        String chain = event.chain();
        tx.lockChain(chain, event.patient().orElse(null));
        JdbcTransaction.Head head = tx.head(chain);
        // link reads only the head's sequence and hash: the event standing in for the head's is not hashed
        AuditRecord record = AuditChain.link(head.seq == 0 ? Optional.empty()
                : Optional.of(new AuditRecord(chain, head.seq, event, AuditChain.GENESIS, head.hash)), event, key);
        tx.pend(new JdbcTransaction.PendingAudit(chain, record.sequence(), event.patient().map(PatientId::value).orElse(null),
                event.id(), JdbcTransaction.timestamp(event.at()), event.action(), event.outcome().name(), doc,
                record.previousHash(), record.hash(), record.keyId()));
        return record;
    }

    /**
     * A stored record. The action and outcome columns (kept for queries) repeat what the sealed
     * document says; a row whose columns disagree with it was edited, so its hash is read as
     * {@link #EDITED_COLUMNS} and the record fails verification rather than hiding the edit.
     */
    private AuditRecord record(ResultSet rs) throws SQLException {
        AuditEvent event = tx.json.readAudit(rs.getString("doc"));
        boolean edited = !event.action().equals(rs.getString("action"))
                || !event.outcome().name().equals(rs.getString("outcome"));
        return new AuditRecord(rs.getString("chain"), rs.getLong("seq"), event, rs.getString("previous_hash"),
                edited ? EDITED_COLUMNS : rs.getString("hash"), rs.getString("key_id"));
    }

    @Override
    public List<AuditRecord> chain(String chain) {
        tx.checkOpen();
        tx.flush();
        return tx.query("reading audit", "SELECT chain, seq, action, outcome, doc, previous_hash, hash, key_id FROM audit WHERE chain = ? ORDER BY seq",
                ps -> ps.setString(1, chain), this::record);
    }

    /**
     * The head as recorded in audit_chain_head: its sequence and hash, with the event of the record
     * at that sequence. If that record is gone (tampering), a placeholder event stands in, so that
     * verification reports the missing records rather than failing to read.
     */
    @Override
    public Optional<AuditRecord> head(String chain) {
        tx.checkOpen();
        tx.flush();
        return tx.query("reading audit chain head", "SELECT h.seq, h.hash, a.doc, a.previous_hash, a.key_id "
                + "FROM audit_chain_head h LEFT JOIN audit a ON a.chain = h.chain AND a.seq = h.seq "
                + "WHERE h.chain = ? AND h.seq > 0", ps -> ps.setString(1, chain), rs -> {
                    String doc = rs.getString(3);
                    AuditEvent event = doc != null ? tx.json.readAudit(doc) : missing(chain);
                    String previous = rs.getString(4);
                    String keyId = rs.getString(5);
                    return new AuditRecord(chain, rs.getLong(1), event, previous != null ? previous : AuditChain.GENESIS,
                            rs.getString(2), keyId != null ? keyId : AuditKey.UNKEYED_ID);
                }).stream().findFirst();
    }

    private static AuditEvent missing(String chain) {
        Optional<PatientId> patient = AuditChain.SYSTEM_CHAIN.equals(chain)
                ? Optional.empty() : Optional.of(PatientId.parse(chain));
        return new AuditEvent(new UUID(0, 0), Instant.EPOCH, "system:storage", Purpose.AUDIT, "audit.head.missing",
                patient, Optional.empty(), AuditOutcome.REJECTED, "R50", Optional.empty(), "none");
    }

    /**
     * Verifies every chain from one statement, so from one snapshot: the records and the heads as
     * they were at one moment. Read in separate statements at READ COMMITTED, a writer committing
     * between the reads made an intact chain look broken (issue 15 item 4).
     */
    @Override
    public AuditVerification verify(AuditKeys keys) {
        tx.checkOpen();
        tx.flush();
        Map<String, List<AuditRecord>> records = new TreeMap<>();
        Map<String, AuditRecord> heads = new HashMap<>();
        tx.query("verifying audit", "SELECT 0 AS kind, chain, seq, action, outcome, doc, previous_hash, hash, key_id "
                + "FROM audit UNION ALL SELECT 1 AS kind, chain, seq, NULL, NULL, NULL, NULL, hash, NULL "
                + "FROM audit_chain_head WHERE seq > 0 ORDER BY 2, 1, 3", ps -> { }, rs -> {
                    String chain = rs.getString(2);
                    if (rs.getInt(1) == 0) {
                        records.computeIfAbsent(chain, c -> new ArrayList<>()).add(record(rs));
                    } else {
                        records.computeIfAbsent(chain, c -> new ArrayList<>());
                        // Verification reads only the head's sequence and hash.
                        heads.put(chain, new AuditRecord(chain, rs.getLong(3), missing(chain), AuditChain.GENESIS,
                                rs.getString("hash")));
                    }
                    return null;
                });
        long checked = 0;
        for (Map.Entry<String, List<AuditRecord>> chain : records.entrySet()) {
            AuditVerification v = AuditChain.verify(chain.getKey(), chain.getValue(),
                    Optional.ofNullable(heads.get(chain.getKey())), keys);
            if (v instanceof AuditVerification.Intact intact) {
                checked += intact.recordsChecked();
            } else {
                return v;
            }
        }
        return new AuditVerification.Intact(checked);
    }

    @Override
    public List<String> chains() {
        tx.checkOpen();
        tx.flush();
        return tx.query("reading audit chains", "SELECT chain FROM audit_chain_head WHERE seq > 0 "
                + "UNION SELECT chain FROM audit ORDER BY 1", ps -> { }, rs -> rs.getString(1));
    }
}
