package io.github.personalcare.fhir;

import java.util.Objects;

/**
 * One reason a FHIR document could not be imported: where ({@code jsonPath}, such as
 * {@code $.identifier[0].value}), which rule ({@code "R1"}, {@code "REQUIRED"}, {@code "JSON"},
 * {@code "LIMIT"} ...) and what is wrong, in words. Never holds the rejected value.
 *
 * @param jsonPath where in the document, as a JSON path from the root {@code $}
 * @param rule     the rule broken: an R-number or a short code
 * @param message  what is wrong, without the value itself
 */
public record ImportProblem(String jsonPath, String rule, String message) {
    /**
     * Checks every component is present.
     *
     * @param jsonPath where in the document, as a JSON path from the root {@code $}
     * @param rule     the rule broken: an R-number or a short code
     * @param message  what is wrong, without the value itself
     * @throws NullPointerException if a component is null
     */
    public ImportProblem {
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return jsonPath + ": " + message + " (" + rule + ")";
    }
}
