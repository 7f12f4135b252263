package io.github.personalcare.spi;

import io.github.personalcare.lang.ConfigurationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboxRelayPolicyTest {
    private final OutboxRelay.Policy policy = new OutboxRelay.Policy(10, Duration.ofSeconds(1), Duration.ofMinutes(1), 10);

    @Test
    void theBackoffDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.backoffAfter(7)).isEqualTo(Duration.ofMinutes(1));
    }

    @Property
    void theBackoffNeverShrinksAndNeverExceedsTheMaximum(@ForAll @IntRange(min = 1, max = 1_000) int failures) {
        assertThat(policy.backoffAfter(failures + 1)).isGreaterThanOrEqualTo(policy.backoffAfter(failures));
        assertThat(policy.backoffAfter(failures)).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    @Test
    void aZeroBackoffIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new OutboxRelay.Policy(3, Duration.ZERO, Duration.ofSeconds(1), 10))
                .satisfies(e -> assertThat(e.option()).isEqualTo("outboxRelay.initialBackoff"));
    }

    @Test
    void aRelayWithoutTransportIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new OutboxRelay(new io.github.personalcare.store.memory.InMemoryStorage(), null,
                        java.time.Clock.systemUTC(), OutboxRelay.Policy.defaults()))
                .satisfies(e -> assertThat(e.option()).isEqualTo("outboxRelay.transport"));
    }
}
