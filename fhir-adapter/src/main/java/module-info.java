/**
 * FHIR R4 / UK Core mapping both ways, bounded Bundle import with path-precise problems, and the
 * FHIR REST transport over OkHttp. Start at {@link io.github.personalcare.fhir.PatientRecordMapper}
 * and {@link io.github.personalcare.fhir.PatientRecords}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // OkHttp 4 is an automatic module
module io.github.personalcare.fhir {
    requires transitive io.github.personalcare.core;
    // The mappers' API reads and writes Jackson trees (JsonNode, ObjectNode).
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    // OkHttpFhirTransport is built on a caller's OkHttpClient.
    requires transitive okhttp3;
    requires kotlin.stdlib;
    requires org.slf4j;

    exports io.github.personalcare.fhir;
    exports io.github.personalcare.fhir.rest;
}
