package io.github.personalcare.spi;

import io.github.personalcare.event.DomainEvent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed event waiting in (or delivered from) the outbox.
 *
 * @param sequence      position in the outbox, increasing in commit order
 * @param event         the event
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt when the relay may try again
 * @param lastError     a short code for the last failure (no personal data)
 */
public record OutboxEntry(long sequence, DomainEvent event, int attempts, Instant nextAttemptAt,
        Optional<String> lastError) {
    /**
     * Checks the entry: event and next attempt time are required; an absent last error becomes
     * empty.
     *
     * @param sequence      position in the outbox, increasing in commit order
     * @param event         the event
     * @param attempts      failed delivery attempts so far
     * @param nextAttemptAt when the relay may try again
     * @param lastError     a short code for the last failure (no personal data)
     * @throws NullPointerException if {@code event} or {@code nextAttemptAt} is null
     */
    public OutboxEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        lastError = lastError == null ? Optional.empty() : lastError;
    }
}
