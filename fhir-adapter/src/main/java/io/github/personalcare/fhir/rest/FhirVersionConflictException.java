package io.github.personalcare.fhir.rest;

import java.util.List;

/**
 * The write named a version ({@code If-Match}) that is no longer the current one (409 or 412):
 * someone else changed the resource. Read it again, merge, and write with its new version.
 */
public final class FhirVersionConflictException extends FhirServerException {
    FhirVersionConflictException(int status, List<OutcomeIssue> issues, String message) {
        super(Failure.VERSION_CONFLICT, status, issues, null, message);
    }
}
