package io.github.personalcare.fhir.rest;

import io.github.personalcare.lang.ConfigurationException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How {@link FhirClient} retries a safe request (a read, an update with {@code If-Match}, a
 * conditional create, a transaction whose every entry is conditional) after 408, 429, 502, 503,
 * 504 or an I/O failure: exponential backoff with full jitter, the server's {@code Retry-After}
 * honoured, bounded in attempts and in total time.
 *
 * @param maxAttempts    attempts in all, the first included (1 to 20; 1 means never retry)
 * @param initialBackoff the ceiling of the first wait (positive)
 * @param maxBackoff     the highest ceiling of a wait (not less than {@code initialBackoff})
 * @param maxTotal       no retry starts later than this after the first attempt began, and no
 *                       wait (a {@code Retry-After} included) would pass it (positive)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
    /**
     * Checks the policy.
     *
     * @param maxAttempts    attempts in all (1 to 20)
     * @param initialBackoff the ceiling of the first wait (positive)
     * @param maxBackoff     the highest ceiling of a wait (not less than {@code initialBackoff})
     * @param maxTotal       the time budget of all attempts and waits (positive)
     * @throws ConfigurationException naming the component that is out of range
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new ConfigurationException("retry.maxAttempts", "must be 1 to 20");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new ConfigurationException("retry.initialBackoff", "must be positive");
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigurationException("retry.maxBackoff", "must not be less than the initial backoff");
        }
        if (maxTotal == null || maxTotal.isNegative() || maxTotal.isZero()) {
            throw new ConfigurationException("retry.maxTotal", "must be positive");
        }
    }

    /**
     * {@return the default: 4 attempts, waits drawn below 500 ms doubling up to 8 s, within 60 s in
     * all}
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** {@return a policy that never retries} */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /**
     * The ceiling of the wait after the given number of failed attempts:
     * {@code initialBackoff * 2^(failures-1)}, at most {@code maxBackoff}.
     *
     * @param failures failed attempts so far, from 1
     * @return the ceiling
     */
    public Duration ceilingAfter(int failures) {
        Duration ceiling = initialBackoff;
        for (int i = 1; i < failures && ceiling.compareTo(maxBackoff) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxBackoff) > 0 ? maxBackoff : ceiling;
    }

    /**
     * The wait after the given number of failed attempts with full jitter: uniformly drawn from zero
     * to {@link #ceilingAfter(int)}, so that many clients failing together do not retry together.
     *
     * @param failures failed attempts so far, from 1
     * @param random   the source of the draw
     * @return the wait, from zero to the ceiling
     */
    public Duration backoffAfter(int failures, RandomGenerator random) {
        long ceiling = ceilingAfter(failures).toMillis();
        return Duration.ofMillis((long) Math.floor(random.nextDouble() * (ceiling + 1)));
    }
}
