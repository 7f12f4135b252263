/**
 * Test support only: a real FHIR server for tests (HAPI FHIR's plain RestfulServer on embedded
 * Jetty, bound to 127.0.0.1), used by the FHIR adapter's and the examples' tests. Start at
 * {@link io.github.personalcare.fhir.testserver.HapiFhirServer}.
 */
package io.github.personalcare.fhir.testserver;
