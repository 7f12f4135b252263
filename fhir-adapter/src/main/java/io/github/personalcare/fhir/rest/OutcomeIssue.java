package io.github.personalcare.fhir.rest;

import java.util.List;
import java.util.Objects;

/**
 * One issue of an OperationOutcome a FHIR server returned, kept without its {@code diagnostics} and
 * {@code details.text}: those are free text and can quote the patient record.
 *
 * @param severity   {@code fatal}, {@code error}, {@code warning} or {@code information}, or empty
 *                   if the server sent none
 * @param code       the issue type code, such as {@code invalid}, {@code required} or
 *                   {@code conflict}, or empty if the server sent none
 * @param expression FHIRPath expressions of the elements concerned, such as
 *                   {@code Patient.identifier[0].value} (paths, not values)
 */
public record OutcomeIssue(String severity, String code, List<String> expression) {
    /**
     * Checks every component is present and copies the expressions.
     *
     * @param severity   the severity code, or empty
     * @param code       the issue type code, or empty
     * @param expression the FHIRPath expressions
     * @throws NullPointerException if a component is null
     */
    public OutcomeIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        expression = List.copyOf(expression);
    }
}
