/**
 * FHIR R4 / UK Core mapping both ways, bounded Bundle import with path-precise problems, and the
 * FHIR REST transport over OkHttp. Start at {@link io.github.personalcare.fhir.PatientRecordMapper}
 * and {@link io.github.personalcare.fhir.PatientRecords}.
 */
module io.github.personalcare.fhir {
    requires transitive io.github.personalcare.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;
    requires kotlin.stdlib;
    requires org.slf4j;

    exports io.github.personalcare.fhir;
    exports io.github.personalcare.fhir.rest;
}
