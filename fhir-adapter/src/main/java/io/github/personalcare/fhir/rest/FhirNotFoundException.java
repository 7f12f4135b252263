package io.github.personalcare.fhir.rest;

import java.util.List;

/** The resource does not exist on the server (404) or was deleted there (410, {@link #gone()}). */
public final class FhirNotFoundException extends FhirServerException {
    FhirNotFoundException(Failure failure, int status, List<OutcomeIssue> issues, String message) {
        super(failure, status, issues, null, message);
    }

    /** {@return whether the server says the resource existed and was deleted (410 Gone)} */
    public boolean gone() {
        return failure() == Failure.GONE;
    }
}
