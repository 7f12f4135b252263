package io.github.personalcare.testkit;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.OutboxRelay;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.spi.TransportException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link OutboxRelay} over this storage: events reach the transport in order per patient, are
 * marked delivered, failed ones are retried with exponential backoff from the injected clock, and
 * poison ones are set aside after the configured number of attempts.
 */
public abstract class OutboxRelayContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected OutboxRelayContract() {
    }

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records deliveries; fails the events it is told to, a given number of times. */
    static final class ScriptedTransport implements Transport {
        final List<DomainEvent> delivered = new ArrayList<>();
        final Map<UUID, Integer> failuresLeft = new HashMap<>();
        boolean retryable = true;
        /** Runs before each failure, such as a clock moving while a slow request times out. */
        Runnable beforeFailure = () -> { };

        @Override
        public void deliver(DomainEvent event) {
            Integer left = failuresLeft.get(event.eventId());
            if (left != null && left > 0) {
                failuresLeft.put(event.eventId(), left - 1);
                beforeFailure.run();
                throw new TransportException("HTTP_503", "unavailable", retryable);
            }
            delivered.add(event);
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final ScriptedTransport transport = new ScriptedTransport();

    private OutboxRelay relay(int maxAttempts) {
        return new OutboxRelay(storage, transport, clock,
                new OutboxRelay.Policy(maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(5), 50));
    }

    private PatientEvent.Updated publish(PatientId patient) {
        var event = new PatientEvent.Updated(UUID.randomUUID(), T0, patient);
        storage.inTransaction(tx -> {
            tx.outbox().publish(event);
            return null;
        });
        return event;
    }

    /**
     * Whether the storage keeps delivered entries until they are purged (a database does); see OutboxContract.
     *
     * @return true unless the storage drops entries as they are delivered
     */
    protected boolean keepsDeliveredEntries() {
        return true;
    }

    private List<OutboxEntry> undelivered() {
        return storage.inTransaction(tx -> tx.outbox().undelivered());
    }

    @Test
    void everyEventIsDeliveredInOrderPerPatientAndMarkedDelivered() {
        var a = PatientId.random();
        var b = PatientId.random();
        var a1 = publish(a);
        var b1 = publish(b);
        var a2 = publish(a);
        var a3 = publish(a);

        var result = relay(3).relay();

        assertThat(result).isEqualTo(new OutboxRelay.Result(4, 0, 0));
        assertThat(transport.delivered).containsExactlyInAnyOrder(a1, a2, a3, b1);
        assertThat(transport.delivered.stream().filter(e -> e.patient().equals(a)).toList()).containsExactly(a1, a2, a3);
        assertThat(undelivered()).isEmpty();
    }

    @Test
    void purgingAfterARelayLeavesNothingDeliveredAndNothingPendingLost() {
        var a = PatientId.random();
        var b = PatientId.random();
        publish(a);
        publish(b);
        OutboxRelay relay = relay(3);
        relay.relay();
        var late = publish(a);

        int purged = relay.purgeDelivered();

        assertThat(purged).isEqualTo(keepsDeliveredEntries() ? 2 : 0);
        assertThat(relay.purgeDelivered()).isZero();
        assertThat(undelivered()).extracting(OutboxEntry::event).containsExactly(late);
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 0));
        assertThat(transport.delivered).endsWith(late);
    }

    @Test
    void aFailedDeliveryIsRetriedWithExponentialBackoffFromTheClock() {
        var event = publish(PatientId.random());
        transport.failuresLeft.put(event.eventId(), 2);
        var relay = relay(5);

        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(0, 1, 0));
        assertThat(undelivered()).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(e.lastError()).contains("HTTP_503");
        });

        clock.advance(Duration.ofSeconds(9));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(0, 0, 0));

        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(0, 1, 0));
        assertThat(undelivered()).singleElement()
                .satisfies(e -> assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(10 + 20)));

        clock.advance(Duration.ofSeconds(20));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 0));
        assertThat(transport.delivered).containsExactly(event);
        assertThat(undelivered()).isEmpty();
    }

    @Test
    void theBackoffCountsFromTheFailureNotFromTheStartOfTheRound() {
        var event = publish(PatientId.random());
        transport.failuresLeft.put(event.eventId(), 1);
        transport.beforeFailure = () -> clock.advance(Duration.ofSeconds(30));    // a request that timed out after 30 s

        assertThat(relay(5).relay()).isEqualTo(new OutboxRelay.Result(0, 1, 0));

        assertThat(undelivered()).singleElement()
                .satisfies(e -> assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(30 + 10)));
    }

    @Test
    void aFailingEventHoldsBackOnlyTheLaterEventsOfItsPatient() {
        var a = PatientId.random();
        var b = PatientId.random();
        var a1 = publish(a);
        var a2 = publish(a);
        var b1 = publish(b);
        transport.failuresLeft.put(a1.eventId(), 1);

        relay(3).relay();

        assertThat(transport.delivered).containsExactly(b1);
        assertThat(undelivered()).extracting(OutboxEntry::event).containsExactly(a1, a2);

        clock.advance(Duration.ofSeconds(10));
        relay(3).relay();
        assertThat(transport.delivered).containsExactly(b1, a1, a2);
    }

    @Test
    void afterTheLastAttemptTheEventIsDeadLetteredAndThePatientsNextEventFlows() {
        var a = PatientId.random();
        var poison = publish(a);
        var next = publish(a);
        transport.failuresLeft.put(poison.eventId(), Integer.MAX_VALUE);
        var relay = relay(2);

        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(0, 1, 0));
        clock.advance(Duration.ofSeconds(10));
        assertThat(relay.relay()).isEqualTo(new OutboxRelay.Result(1, 0, 1));

        assertThat(transport.delivered).containsExactly(next);
        var dead = storage.inTransaction(tx -> tx.outbox().deadLetters());
        assertThat(dead).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(poison);
            assertThat(e.lastError()).contains("HTTP_503");
        });
        assertThat(undelivered()).isEmpty();
    }

    @Test
    void aNonRetryableFailureIsDeadLetteredAtOnce() {
        var event = publish(PatientId.random());
        transport.failuresLeft.put(event.eventId(), 1);
        transport.retryable = false;

        assertThat(relay(5).relay()).isEqualTo(new OutboxRelay.Result(0, 0, 1));
        var dead = storage.inTransaction(tx -> tx.outbox().deadLetters());
        assertThat(dead).extracting(OutboxEntry::event).containsExactly(event);
    }
}
