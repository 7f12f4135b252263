package io.github.personalcare.spi;

import io.github.personalcare.event.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox inside a {@link Transaction}: events published here are committed with
 * the change that raised them, or not at all. A relay reads pending entries in commit order,
 * hands them to the transport and marks them delivered; entries that keep failing are moved to
 * the dead letters after a configured number of attempts.
 */
public interface Outbox {

    /** Adds an event; visible to {@link #pending} once the transaction commits. */
    void publish(DomainEvent event);

    /**
     * Undelivered entries due at {@code now} (next attempt not in the future), oldest first, at most
     * {@code limit}. For each patient, an entry is returned only if no earlier entry of that patient
     * is still undelivered, so events reach the transport in order per patient.
     */
    List<OutboxEntry> pending(Instant now, int limit);

    /** Marks an entry delivered; it is no longer pending. */
    void markDelivered(long sequence);

    /** Records a failed attempt and when to try again. */
    void markFailed(long sequence, String errorCode, Instant nextAttemptAt);

    /** Moves an entry aside as poison: not pending any more, kept for inspection. */
    void moveToDeadLetters(long sequence, String errorCode);

    /** Entries moved aside, oldest first. */
    List<OutboxEntry> deadLetters();

    /** Every entry not yet delivered nor moved aside, whether due or not, oldest first. */
    List<OutboxEntry> undelivered();

    /**
     * Deletes delivered entries, oldest first, at most {@code limit}; undelivered entries and dead
     * letters are never touched. Storage that drops entries as they are delivered returns 0.
     *
     * @return how many entries were deleted
     */
    int purgeDelivered(int limit);
}
