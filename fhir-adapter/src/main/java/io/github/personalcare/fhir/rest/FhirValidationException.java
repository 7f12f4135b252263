package io.github.personalcare.fhir.rest;

import java.util.List;

/**
 * The server refused the content (400 or 422): structure, profile or a business rule.
 * {@link #issues()} names the elements concerned by FHIRPath expression.
 */
public final class FhirValidationException extends FhirServerException {
    FhirValidationException(int status, List<OutcomeIssue> issues, String message) {
        super(Failure.VALIDATION_FAILED, status, issues, null, message);
    }
}
