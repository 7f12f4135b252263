package io.github.personalcare.fhir.rest;

import java.time.Duration;

/**
 * Waits between attempts. The default is {@link Thread#sleep(long)}; tests pass one that records
 * the waits and advances a test clock, so that no test sleeps for real.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for the given time.
     *
     * @param duration how long to wait, not negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@return a sleeper that blocks the calling thread} */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
