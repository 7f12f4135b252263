package io.github.personalcare.fhir;

import java.util.Objects;

/**
 * A problem found while importing a FHIR document: where ({@code jsonPath}, such as
 * {@code $.identifier[0].value}), which rule ({@code "R1"}, {@code "REQUIRED"}, {@code "JSON"},
 * {@code "LIMIT"} ...), what is wrong, in words, and how serious it is. An {@link Severity#ERROR}
 * stops the import; a {@link Severity#WARNING} records what a foreign record held that the domain
 * cannot keep, or how it was read (a derived id, a widened date), and the import goes on. Never
 * holds the rejected value.
 *
 * @param jsonPath where in the document, as a JSON path from the root {@code $}
 * @param rule     the rule broken: an R-number or a short code
 * @param message  what is wrong, without the value itself
 * @param severity whether the problem stops the import
 */
public record ImportProblem(String jsonPath, String rule, String message, Severity severity) {
    /** How serious a problem is. */
    public enum Severity {
        /** The document is refused. */
        ERROR,
        /** The document is imported; the caller should know what was not kept, or how it was read. */
        WARNING
    }

    /**
     * Checks every component is present.
     *
     * @param jsonPath where in the document, as a JSON path from the root {@code $}
     * @param rule     the rule broken: an R-number or a short code
     * @param message  what is wrong, without the value itself
     * @param severity whether the problem stops the import
     * @throws NullPointerException if a component is null
     */
    public ImportProblem {
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * An error: a problem that stops the import.
     *
     * @param jsonPath where in the document, as a JSON path from the root {@code $}
     * @param rule     the rule broken: an R-number or a short code
     * @param message  what is wrong, without the value itself
     * @throws NullPointerException if a component is null
     */
    public ImportProblem(String jsonPath, String rule, String message) {
        this(jsonPath, rule, message, Severity.ERROR);
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning " : "") + jsonPath + ": " + message + " (" + rule + ")";
    }
}
