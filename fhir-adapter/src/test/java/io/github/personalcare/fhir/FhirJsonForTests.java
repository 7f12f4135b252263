package io.github.personalcare.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test support: parses test documents into Jackson trees (the tests then write them back with
 * {@link FhirWriter}), and imports documents that must be refused, returning why.
 */
final class FhirJsonForTests {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FhirImporter IMPORTER = new FhirImporter(FhirLimits.DEFAULT);

    private FhirJsonForTests() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusal of a document that must not import; fails the test if it imports. */
    static <D> FhirImportException refused(String document, FhirMapper<D> mapper) {
        try {
            IMPORTER.read(document, mapper);
        } catch (FhirImportException e) {
            return e;
        }
        throw new AssertionError("the document was imported");
    }

    /** The problems of a resource or Bundle that must not import. */
    static <D> List<ImportProblem> problems(JsonNode json, FhirMapper<D> mapper) {
        return refused(FhirWriter.toJson(json), mapper).problems();
    }
}
