package io.github.personalcare.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Parses test documents into Jackson trees (the tests then write them back with {@link FhirWriter}). */
final class FhirJsonForTests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FhirJsonForTests() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
