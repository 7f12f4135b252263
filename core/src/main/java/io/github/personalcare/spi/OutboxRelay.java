package io.github.personalcare.spi;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands committed outbox events to a {@link Transport}: reads the entries that are due, in order
 * per patient, delivers each, marks it delivered, and on failure schedules a retry with
 * exponential backoff (computed from the injected {@link Clock}) or, after
 * {@link Policy#maxAttempts()} failed attempts or a non-retryable failure, moves it to the dead
 * letters so that the patient's later events can flow. The backoff counts from the moment each
 * failure was seen.
 *
 * <p>Delivery is at least once: the transport is called outside any storage transaction and the
 * entry is marked delivered afterwards, so a crash in between redelivers the event (transports
 * ignore repeats by event id). Run one relay per storage; a second relay delivers duplicates,
 * never loses an event. Logs sequence numbers, event ids, error codes and counts only.
 *
 * <pre>{@code
 * OutboxRelay relay = new OutboxRelay(storage, transport, clock, OutboxRelay.Policy.defaults());
 * OutboxRelay.Result result = relay.relay();   // call periodically, for example every second
 * }</pre>
 *
 * <p>Thread-safe as long as the storage and transport are; calls are not meant to overlap.
 */
public final class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Storage storage;
    private final Transport transport;
    private final Clock clock;
    private final Policy policy;

    /**
     * How the relay retries.
     *
     * @param maxAttempts    failed attempts after which an entry is moved to the dead letters (at least 1)
     * @param initialBackoff wait before the first retry; doubles after each further failure (positive)
     * @param maxBackoff     the longest wait between attempts (not less than {@code initialBackoff})
     * @param batchSize      entries read per round (1 to 10 000)
     */
    public record Policy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, int batchSize) {
        /**
         * Checks the policy.
         *
         * @param maxAttempts    failed attempts after which an entry is moved to the dead letters
         *                       (at least 1)
         * @param initialBackoff wait before the first retry; doubles after each further failure
         *                       (positive)
         * @param maxBackoff     the longest wait between attempts (not less than
         *                       {@code initialBackoff})
         * @param batchSize      entries read per round (1 to 10 000)
         * @throws ConfigurationException naming the component that is out of range
         */
        public Policy {
            if (maxAttempts < 1) {
                throw new ConfigurationException("outboxRelay.maxAttempts", "must be at least 1");
            }
            if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new ConfigurationException("outboxRelay.initialBackoff", "must be positive");
            }
            if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new ConfigurationException("outboxRelay.maxBackoff", "must not be less than the initial backoff");
            }
            if (batchSize < 1 || batchSize > 10_000) {
                throw new ConfigurationException("outboxRelay.batchSize", "must be 1 to 10000");
            }
        }

        /**
         * {@return the default policy: 8 attempts, 1 second doubling up to 1 hour, 100 entries per
         * round}
         */
        public static Policy defaults() {
            return new Policy(8, Duration.ofSeconds(1), Duration.ofHours(1), 100);
        }

        /**
         * The wait after the given number of failed attempts: {@code initialBackoff * 2^(failures-1)},
         * at most {@code maxBackoff}.
         *
         * @param failures failed attempts so far, from 1
         * @return the wait before the next attempt
         */
        public Duration backoffAfter(int failures) {
            Duration wait = initialBackoff;
            for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * What one {@link #relay()} call did.
     *
     * @param delivered    entries handed to the transport and marked delivered
     * @param retried      entries that failed and were scheduled for another attempt
     * @param deadLettered entries moved to the dead letters
     */
    public record Result(int delivered, int retried, int deadLettered) {
    }

    /**
     * A relay over the storage's outbox.
     *
     * @param storage   the storage whose outbox is relayed
     * @param transport where events are delivered
     * @param clock     the time of each round, for due entries and backoff
     * @param policy    attempts, backoff and batch size
     * @throws ConfigurationException if any argument is missing
     */
    public OutboxRelay(Storage storage, Transport transport, Clock clock, Policy policy) {
        this.storage = required("storage", storage);
        this.transport = required("transport", transport);
        this.clock = required("clock", clock);
        this.policy = required("policy", policy);
    }

    private static <T> T required(String option, T value) {
        if (value == null) {
            throw new ConfigurationException("outboxRelay." + option, "is required");
        }
        return value;
    }

    /**
     * Delivers every entry that is due, round after round (each round reads the clock once and
     * takes at most one entry per patient, the oldest undelivered), until a round makes no
     * progress.
     *
     * @return how many entries were delivered, retried and dead-lettered
     * @throws StorageException if the storage fails; entries not yet marked are retried next time
     */
    public Result relay() {
        return relayPending();
    }

    /**
     * Deletes every delivered entry, in batches of the policy's batch size, each batch in a
     * transaction of its own; for a scheduled housekeeping job. Undelivered entries and dead letters
     * stay.
     *
     * @return how many entries were deleted
     * @throws StorageException if the storage fails; batches already deleted stay deleted
     */
    public int purgeDelivered() {
        int total = 0;
        while (true) {
            int deleted = storage.inTransaction(tx -> tx.outbox().purgeDelivered(policy.batchSize()));
            total += deleted;
            if (deleted < policy.batchSize()) {
                return total;
            }
        }
    }

    private Result relayPending() {
        int delivered = 0;
        int retried = 0;
        int deadLettered = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> batch = storage.inTransaction(tx -> tx.outbox().pending(now, policy.batchSize()));
            if (batch.isEmpty()) {
                break;
            }
            int progress = 0;
            for (OutboxEntry entry : batch) {
                switch (attempt(entry)) {
                    case DELIVERED:
                        delivered++;
                        progress++;
                        break;
                    case RETRY_SCHEDULED:
                        retried++;
                        break;
                    case DEAD_LETTERED:
                        deadLettered++;
                        progress++;
                        break;
                    case GONE:
                        break;
                    default:
                        throw new IllegalStateException();
                }
            }
            if (progress == 0) {
                break;
            }
        }
        if (delivered + retried + deadLettered > 0) {
            log.info("outbox relay: {} delivered, {} retried, {} dead-lettered", delivered, retried, deadLettered);
        }
        return new Result(delivered, retried, deadLettered);
    }

    private enum Outcome { DELIVERED, RETRY_SCHEDULED, DEAD_LETTERED, GONE }

    private Outcome attempt(OutboxEntry entry) {
        String errorCode;
        boolean retryable;
        try {
            transport.deliver(entry.event());
            return mark(entry, tx -> tx.outbox().markDelivered(entry.sequence()), Outcome.DELIVERED);
        } catch (TransportException e) {
            errorCode = e.rule();
            retryable = e.retryable();
        } catch (RuntimeException e) {
            // A transport bug must not stop the relay; its message may hold the event body, so it is not logged.
            errorCode = "TRANSPORT_ERROR";
            retryable = true;
        }
        int failures = entry.attempts() + 1;
        if (!retryable || failures >= policy.maxAttempts()) {
            log.warn("outbox entry {} (event {}) moved to dead letters after {} attempt(s): {}",
                    entry.sequence(), entry.event().eventId(), failures, errorCode);
            String code = errorCode;
            return mark(entry, tx -> tx.outbox().moveToDeadLetters(entry.sequence(), code), Outcome.DEAD_LETTERED);
        }
        // The backoff counts from this failure, not from the round's start: a delivery that failed
        // after a long timeout must still wait the whole backoff before the next attempt.
        Instant next = clock.instant().plus(policy.backoffAfter(failures));
        log.warn("outbox entry {} (event {}) failed attempt {}: {}; next attempt at {}",
                entry.sequence(), entry.event().eventId(), failures, errorCode, next);
        String code = errorCode;
        return mark(entry, tx -> tx.outbox().markFailed(entry.sequence(), code, next), Outcome.RETRY_SCHEDULED);
    }

    private Outcome mark(OutboxEntry entry, Consumer<Transaction> change, Outcome outcome) {
        try {
            storage.inTransaction(tx -> {
                change.accept(tx);
                return null;
            });
            return outcome;
        } catch (NotFoundException e) {
            // Another relay got there first; the entry is no longer ours to mark.
            log.info("outbox entry {} was already handled elsewhere", entry.sequence());
            return Outcome.GONE;
        }
    }

    @Override
    public String toString() {
        return "OutboxRelay[" + Objects.toString(policy) + "]";
    }
}
