package io.github.personalcare.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Backoff with full jitter stays within its ceiling; Retry-After is read in both forms. */
class RetryPolicyProperties {
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Property
    void aWaitIsNeverNegativeAndNeverAboveItsCeiling(@ForAll @IntRange(min = 1, max = 1_000) int failures,
                                                     @ForAll long seed) {
        Duration wait = policy.backoffAfter(failures, new SplittableRandom(seed));
        assertThat(wait).isBetween(Duration.ZERO, policy.ceilingAfter(failures));
    }

    @Property
    void theCeilingDoublesUntilTheMaximumAndNeverShrinks(@ForAll @IntRange(min = 1, max = 1_000) int failures) {
        Duration ceiling = policy.ceilingAfter(failures);
        Duration next = policy.ceilingAfter(failures + 1);
        assertThat(next).isGreaterThanOrEqualTo(ceiling).isLessThanOrEqualTo(policy.maxBackoff());
        assertThat(next).isIn(ceiling.multipliedBy(2), policy.maxBackoff());
    }

    @Property
    void retryAfterInSecondsIsThatManySeconds(@ForAll @LongRange(min = 0, max = 86_400) long seconds) {
        assertThat(RetryAfter.parse(Long.toString(seconds), Instant.EPOCH)).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThenAndZeroIfPast() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertThat(RetryAfter.parse("soon", Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse(null, Instant.EPOCH)).isEmpty();
    }
}
