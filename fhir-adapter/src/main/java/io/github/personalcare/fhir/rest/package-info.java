/**
 * FHIR REST over OkHttp: how the record follows the patient to another FHIR server and back. Start
 * at {@link io.github.personalcare.fhir.rest.FhirClient} (reads, paged searches, versioned and
 * conditional writes, transactions) and, for the outbox relay,
 * {@link io.github.personalcare.fhir.rest.OkHttpFhirTransport} with a
 * {@link io.github.personalcare.fhir.rest.FhirEventRenderer}. Failures are typed
 * {@link io.github.personalcare.fhir.rest.FhirServerException}s carrying OperationOutcome issue
 * codes and paths, never diagnostics text; only requests safe to repeat are retried; credentials
 * come from an {@link io.github.personalcare.fhir.rest.AuthProvider} (bearer, OAuth 2.0 client
 * credentials with a secret or a signed JWT). Depends on the fhir mapping package, OkHttp and
 * nimbus-jose-jwt.
 */
package io.github.personalcare.fhir.rest;
