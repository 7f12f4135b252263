/**
 * A real FHIR server for tests (HAPI FHIR's plain RestfulServer on embedded Jetty, 127.0.0.1), in a
 * package of its own so that other modules' tests use it from this module's test-jar (a package of
 * the {@code io.github.personalcare.fhir} module would be hidden from them by the module system).
 */
package io.github.personalcare.fhir.testserver;
