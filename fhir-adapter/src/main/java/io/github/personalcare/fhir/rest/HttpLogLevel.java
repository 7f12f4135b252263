package io.github.personalcare.fhir.rest;

/**
 * How much {@link OkHttpFhirTransport} logs about each exchange. Bodies are never logged at any
 * level: they are patient records.
 */
public enum HttpLogLevel {
    /** Nothing (the default). */
    NONE,
    /** Method, path (resource type and internal id) and status. */
    BASIC,
    /** As BASIC, plus request headers, with authorisation and cookies redacted. */
    HEADERS
}
