package io.github.personalcare.jdbc;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.AuditInsiderContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insider of {@link AuditInsiderContract} on a JDBC store: plain SQL against the audit and
 * audit_chain_head tables, as someone with write access to the database would.
 */
abstract class JdbcAuditInsiderScenarios extends AuditInsiderContract {
    private final JsonDocuments json = new JsonDocuments();

    private TestDatabases.TestStorage test(Storage storage) {
        return (TestDatabases.TestStorage) storage;
    }

    private Dialect dialect(Storage storage) {
        return test(storage).jdbc.dialect();
    }

    @Override
    protected void overwrite(Storage storage, AuditRecord forged) {
        AuditEvent e = forged.event();
        run(storage, "UPDATE audit SET doc = " + dialect(storage).documentParameter() + ", action = ?, outcome = ?, "
                + "previous_hash = ?, hash = ?, key_id = ? WHERE chain = ? AND seq = ?", ps -> {
                    ps.setString(1, json.writeAudit(e));
                    ps.setString(2, e.action());
                    ps.setString(3, e.outcome().name());
                    ps.setString(4, forged.previousHash());
                    ps.setString(5, forged.hash());
                    ps.setString(6, forged.keyId());
                    ps.setString(7, forged.chain());
                    ps.setLong(8, forged.sequence());
                });
        run(storage, "UPDATE audit_chain_head SET hash = ? WHERE chain = ? AND seq = ?", ps -> {
            ps.setString(1, forged.hash());
            ps.setString(2, forged.chain());
            ps.setLong(3, forged.sequence());
        });
    }

    @Override
    protected void truncate(Storage storage, String chain, long keepThrough) {
        run(storage, "DELETE FROM audit WHERE chain = ? AND seq > ?", ps -> {
            ps.setString(1, chain);
            ps.setLong(2, keepThrough);
        });
        run(storage, "UPDATE audit_chain_head SET seq = ?, hash = COALESCE((SELECT hash FROM audit "
                + "WHERE chain = ? AND seq = ?), ?) WHERE chain = ?", ps -> {
                    ps.setLong(1, keepThrough);
                    ps.setString(2, chain);
                    ps.setLong(3, keepThrough);
                    ps.setString(4, "0".repeat(64));
                    ps.setString(5, chain);
                });
    }

    @Test
    @DisplayName("R50: an outcome column edited apart from its sealed document is detected")
    void anEditedOutcomeColumnIsDetected() {
        AuditKey key = AuditKey.of("k".repeat(32).getBytes(StandardCharsets.US_ASCII), "k1");
        PatientId patient = PatientId.random();
        for (int i = 0; i < 2; i++) {
            storage.inTransaction(tx -> tx.audit().append(new AuditEvent(UUID.randomUUID(), Instant.EPOCH,
                    "system:contract", Purpose.DIRECT_CARE, "contract.read", Optional.of(patient), Optional.empty(),
                    AuditOutcome.DENY, "R39", Optional.empty(), "corr-1"), key));
        }
        run(storage, "UPDATE audit SET outcome = 'PERMIT' WHERE chain = ? AND seq = 1",
                ps -> ps.setString(1, patient.value().toString()));
        assertThat(verify(AuditKeys.of(key))).isEqualTo(
                new AuditVerification.Broken(patient.value().toString(), 1, "record content does not match its hash"));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void run(Storage storage, String sql, Binder binder) {
        try (Connection c = test(storage).dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError("insider SQL failed", e);
        }
    }
}
