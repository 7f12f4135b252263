/**
 * Test support, not for production: the offline HAPI FHIR validator set up with the FHIR R4 base
 * and the UK Core profiles, which the FHIR adapter's tests and the examples' tests use to prove
 * exported resources conformant (R51).
 */
package io.github.personalcare.fhir.conformance;
