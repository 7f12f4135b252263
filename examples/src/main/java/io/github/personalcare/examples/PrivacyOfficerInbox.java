package io.github.personalcare.examples;

import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.spi.Transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's transport: the privacy officer's inbox, which keeps the break-glass alerts (R40) the
 * outbox relay delivers and accepts every other event. A real system would hand events to a FHIR
 * server or a message broker; delivery is at least once, so a real inbox ignores event ids it has seen.
 */
public final class PrivacyOfficerInbox implements Transport {
    private final List<AccessEvent.BreakGlassUsed> alerts = new CopyOnWriteArrayList<>();

    /** An empty inbox. */
    public PrivacyOfficerInbox() {
    }

    @Override
    public void deliver(DomainEvent event) {
        if (event instanceof AccessEvent.BreakGlassUsed alert
                && alerts.stream().noneMatch(a -> a.eventId().equals(alert.eventId()))) {
            alerts.add(alert);
        }
    }

    /** The break-glass alerts delivered so far, each once. */
    public List<AccessEvent.BreakGlassUsed> alerts() {
        return List.copyOf(alerts);
    }
}
