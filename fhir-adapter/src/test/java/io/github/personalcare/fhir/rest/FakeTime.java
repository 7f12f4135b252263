package io.github.personalcare.fhir.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when the client sleeps, recording each wait: no test sleeps for real. */
final class FakeTime extends Clock implements Sleeper {
    private volatile Instant now;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
