package io.github.personalcare.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the demo moves forward by hand, so a story that spans months runs in a second and prints
 * the same dates every time. The SDK reads time only from the clock it is given.
 */
public final class StoryClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock standing at {@code start}, in {@code zone}. */
    public StoryClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a story clock only moves forward");
        }
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new StoryClock(now.get(), newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
