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
     * @param event the committed event
     * @throws TransportException if it could not be delivered; the relay retries later
     */
    void deliver(DomainEvent event);

    /**
     * A transport that delivers nowhere: every delivery fails with a non-retryable
     * {@code NO_TRANSPORT}, so the outbox keeps every event.
     *
     * @return the transport
     */
    static Transport none() {
        return event -> {
            throw new TransportException("NO_TRANSPORT", "no transport configured", false);
        };
    }
}
