package io.github.personalcare.jdbc;

import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.OutboxEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox table (entries with a delivered flag) and outbox_dead_letter. Publishing takes the
 * patient's lock before the identity sequence is drawn, so for each patient the sequence order is
 * the commit order and {@link #pending} can never hand out a later event while an earlier one of
 * the same patient is still uncommitted.
 */
final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "seq, doc, attempts, next_attempt_at, last_error";
    private static final int MAX_ERROR_CODE = 100;

    private final JdbcTransaction tx;

    JdbcOutbox(JdbcTransaction tx) {
        this.tx = tx;
        tx.requireTable("outbox", List.of("seq", "patient_id", "event_id", "event_type", "doc", "attempts",
                "next_attempt_at", "last_error", "delivered"), "the outbox");
        tx.requireTable("outbox_dead_letter", List.of("seq", "patient_id", "event_id", "event_type", "doc", "attempts",
                "next_attempt_at", "last_error"), "the outbox dead letters");
    }

    private OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("seq"), tx.json.readEvent(rs.getString("doc")), rs.getInt("attempts"),
                JdbcTransaction.instant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("last_error")));
    }

    @Override
    public void publish(DomainEvent event) {
        tx.checkOpen();
        Objects.requireNonNull(event, "event");
        String doc = tx.json.writeEvent(event);
        tx.scope.touch(event.patient());
        tx.lockPatient(event.patient());
        tx.pend(new JdbcTransaction.PendingOutbox(event.patient().value(), event.eventId(), event.type(), doc));
    }

    @Override
    public List<OutboxEntry> pending(Instant now, int limit) {
        tx.checkOpen();
        tx.flush();
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        // Only the oldest undelivered entry of each patient may go, and only when it is due.
        return tx.query("reading outbox", "SELECT " + COLUMNS + " FROM outbox o WHERE NOT o.delivered "
                + "AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.patient_id = o.patient_id "
                + "AND NOT e.delivered AND e.seq < o.seq) ORDER BY o.seq FETCH FIRST ? ROWS ONLY", ps -> {
                    ps.setObject(1, JdbcTransaction.timestamp(now));
                    ps.setInt(2, limit);
                }, this::entry);
    }

    private static NotFoundException notFound(long sequence) {
        return new NotFoundException("OutboxEntry", Long.toString(sequence));
    }

    @Override
    public int purgeDelivered(int limit) {
        tx.checkOpen();
        tx.flush();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx.update("purging delivered outbox entries", "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox "
                + "WHERE delivered ORDER BY seq FETCH FIRST ? ROWS ONLY)", ps -> ps.setInt(1, limit));
    }

    @Override
    public void markDelivered(long sequence) {
        tx.checkOpen();
        tx.flush();
        int rows = tx.update("marking outbox entry delivered",
                "UPDATE outbox SET delivered = TRUE WHERE seq = ? AND NOT delivered", ps -> ps.setLong(1, sequence));
        if (rows != 1) {
            throw notFound(sequence);
        }
    }

    @Override
    public void markFailed(long sequence, String errorCode, Instant nextAttemptAt) {
        tx.checkOpen();
        tx.flush();
        String code = Require.text("errorCode", errorCode, MAX_ERROR_CODE);
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        int rows = tx.update("marking outbox entry failed", "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = ? WHERE seq = ? AND NOT delivered", ps -> {
                    ps.setString(1, code);
                    ps.setObject(2, JdbcTransaction.timestamp(nextAttemptAt));
                    ps.setLong(3, sequence);
                });
        if (rows != 1) {
            throw notFound(sequence);
        }
    }

    @Override
    public void moveToDeadLetters(long sequence, String errorCode) {
        tx.checkOpen();
        tx.flush();
        String code = Require.text("errorCode", errorCode, MAX_ERROR_CODE);
        int rows = tx.update("moving outbox entry to dead letters", "INSERT INTO outbox_dead_letter (seq, patient_id, "
                + "event_id, event_type, doc, attempts, next_attempt_at, last_error) SELECT seq, patient_id, event_id, "
                + "event_type, doc, attempts, next_attempt_at, ? FROM outbox WHERE seq = ? AND NOT delivered", ps -> {
                    ps.setString(1, code);
                    ps.setLong(2, sequence);
                });
        if (rows != 1) {
            throw notFound(sequence);
        }
        tx.update("removing dead letter from outbox", "DELETE FROM outbox WHERE seq = ?", ps -> ps.setLong(1, sequence));
    }

    @Override
    public List<OutboxEntry> deadLetters() {
        tx.checkOpen();
        tx.flush();
        return tx.query("reading outbox dead letters", "SELECT " + COLUMNS + " FROM outbox_dead_letter ORDER BY seq",
                ps -> { }, this::entry);
    }

    @Override
    public List<OutboxEntry> undelivered() {
        tx.checkOpen();
        tx.flush();
        return tx.query("reading outbox", "SELECT " + COLUMNS + " FROM outbox WHERE NOT delivered ORDER BY seq",
                ps -> { }, this::entry);
    }
}
