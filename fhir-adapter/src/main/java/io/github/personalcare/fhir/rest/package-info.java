/**
 * The FHIR REST transport: {@link io.github.personalcare.fhir.rest.OkHttpFhirTransport} pushes
 * resources ({@code PUT}) or transaction Bundles ({@code POST}) to a FHIR server, for the outbox
 * relay or directly. What is sent for an outbox event is decided by a
 * {@link io.github.personalcare.fhir.rest.FhirEventRenderer}. Server failures become
 * {@link io.github.personalcare.spi.TransportException}s (5xx and 429 retryable, other 4xx not,
 * with only the OperationOutcome issue codes). Depends on the fhir mapping package and OkHttp.
 */
package io.github.personalcare.fhir.rest;
