package io.github.personalcare.spi;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.lang.NotFoundException;

import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox inside a {@link Transaction}: events published here are committed with
 * the change that raised them, or not at all. A relay reads pending entries in commit order,
 * hands them to the transport and marks them delivered; entries that keep failing are moved to
 * the dead letters after a configured number of attempts.
 */
public interface Outbox {

    /**
     * Adds an event; visible to {@link #pending} once the transaction commits.
     *
     * @param event the event
     */
    void publish(DomainEvent event);

    /**
     * Undelivered entries due at {@code now} (next attempt not in the future), oldest first, at most
     * {@code limit}. For each patient, an entry is returned only if no earlier entry of that patient
     * is still undelivered, so events reach the transport in order per patient.
     *
     * @param now   the relay's current time
     * @param limit the most entries to return
     * @return the entries due for delivery
     */
    List<OutboxEntry> pending(Instant now, int limit);

    /**
     * Marks an entry delivered; it is no longer pending.
     *
     * @param sequence the entry's position in the outbox
     * @throws NotFoundException if no undelivered entry has that sequence (another relay got there
     *                           first)
     */
    void markDelivered(long sequence);

    /**
     * Records a failed attempt and when to try again.
     *
     * @param sequence      the entry's position in the outbox
     * @param errorCode     a short code for the failure, without personal data
     * @param nextAttemptAt when the entry is due again
     * @throws NotFoundException if no undelivered entry has that sequence
     */
    void markFailed(long sequence, String errorCode, Instant nextAttemptAt);

    /**
     * Moves an entry aside as poison: not pending any more, kept for inspection.
     *
     * @param sequence  the entry's position in the outbox
     * @param errorCode a short code for the last failure, without personal data
     * @throws NotFoundException if no undelivered entry has that sequence
     */
    void moveToDeadLetters(long sequence, String errorCode);

    /** {@return the entries moved aside, oldest first} */
    List<OutboxEntry> deadLetters();

    /** {@return every entry not yet delivered nor moved aside, whether due or not, oldest first} */
    List<OutboxEntry> undelivered();

    /**
     * Deletes delivered entries, oldest first, at most {@code limit}; undelivered entries and dead
     * letters are never touched. Storage that drops entries as they are delivered returns 0.
     *
     * @param limit the most entries to delete
     * @return how many entries were deleted
     */
    int purgeDelivered(int limit);
}
