package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes FHIR JSON in one canonical form: UTF-8, two-space indents, {@code \n} line ends and the
 * element order the mappers build, so equal records give byte-identical documents.
 */
public final class FhirWriter {
    private FhirWriter() {
    }

    /**
     * {@return the document as text, in the canonical form}
     *
     * @param resource the resource or Bundle
     * @throws NullPointerException if {@code resource} is null
     */
    public static String toJson(JsonNode resource) {
        return FhirJson.write(Objects.requireNonNull(resource, "resource"));
    }

    /**
     * Writes the document to the stream (not closed).
     *
     * @param resource the resource or Bundle
     * @param out      where the UTF-8 bytes go
     * @throws IOException if the stream fails
     */
    public static void write(JsonNode resource, OutputStream out) throws IOException {
        out.write(toJson(resource).getBytes(StandardCharsets.UTF_8));
    }
}
