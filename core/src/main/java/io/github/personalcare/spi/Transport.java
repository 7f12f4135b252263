package io.github.personalcare.spi;

import io.github.personalcare.event.DomainEvent;

/**
 * The transport port: delivers a committed domain event to another system (for example a FHIR
 * server). Called by the outbox relay at least once per event; implementations must tolerate
 * redelivery (the event id is stable). The default is {@link #none()}: events stay in the outbox.
 */
public interface Transport {

    /**
     * Delivers the event.
     *
     * @throws TransportException if it could not be delivered; the relay retries later
     */
    void deliver(DomainEvent event);

    /** A transport that delivers nowhere; the outbox keeps every event. */
    static Transport none() {
        return event -> {
            throw new TransportException("NO_TRANSPORT", "no transport configured", false);
        };
    }
}
