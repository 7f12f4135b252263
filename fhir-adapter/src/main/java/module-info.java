/**
 * FHIR R4 / UK Core mapping both ways, bounded Bundle import with path-precise problems, and the
 * FHIR REST transport over OkHttp. Start at {@link io.github.personalcare.fhir.PatientRecordMapper}
 * and {@link io.github.personalcare.fhir.PatientRecords}.
 */
module io.github.personalcare.fhir {
    requires transitive io.github.personalcare.core;
    // The mappers' API reads and writes Jackson trees (JsonNode, ObjectNode).
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    // FhirClient and OkHttpFhirTransport are built on a caller's OkHttpClient (OkHttp 5 is a
    // named module; it requires kotlin.stdlib and okio itself).
    requires transitive okhttp3;
    // Signs private_key_jwt client assertions (PrivateKeyJwt).
    requires com.nimbusds.jose.jwt;
    requires org.slf4j;

    exports io.github.personalcare.fhir;
    exports io.github.personalcare.fhir.rest;
}
