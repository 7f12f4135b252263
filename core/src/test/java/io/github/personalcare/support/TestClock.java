package io.github.personalcare.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock tests move by hand: no sleeps, no wall-clock time. Thread-safe. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock forward (or back, for tests of refusals). */
    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** Puts the clock at an instant. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests run in UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
