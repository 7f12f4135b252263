package io.github.personalcare.fhir.rest;

import io.github.personalcare.spi.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A FHIR server refused a request, or did not answer. {@link #failure()} says what kind of failure
 * it was, {@link #status()} the HTTP status (0 when no answer came) and {@link #issues()} the
 * OperationOutcome's issues (severity, code, expression), never its diagnostics text. The
 * {@link #rule()} is {@code HTTP_<status>} or {@code IO}, the code the outbox relay records on a
 * dead letter; {@link #retryable()} is true for failures another attempt may cure.
 *
 * <p>The subclasses are the failures a caller typically handles apart:
 * {@link FhirNotFoundException}, {@link FhirVersionConflictException} and
 * {@link FhirValidationException}.
 */
public class FhirServerException extends TransportException {
    private static final int MAX_CODES_IN_MESSAGE = 10;

    /** What went wrong, independent of the exact status code. */
    public enum Failure {
        /** 404: no such resource (or the server will not say). */
        NOT_FOUND(false),
        /** 410: the resource was deleted. */
        GONE(false),
        /** 409 or 412: the version given in {@code If-Match} is not the current one. */
        VERSION_CONFLICT(false),
        /** 400 or 422: the server refused the content (structure, profile, business rule). */
        VALIDATION_FAILED(false),
        /** 401: no or no longer valid credentials (after one token refresh). */
        UNAUTHORISED(false),
        /** 403: the credentials do not allow this request. */
        FORBIDDEN(false),
        /** 429: the server asks the client to slow down; see {@link #retryAfter()}. */
        THROTTLED(true),
        /** 408, 5xx: the server failed or timed out. */
        SERVER_ERROR(true),
        /** Any other status the client does not expect (3xx, other 4xx). */
        UNEXPECTED_STATUS(false),
        /** The response was larger than the client's cap; it was not read to the end. */
        RESPONSE_TOO_LARGE(false),
        /** The response was not the FHIR JSON the request calls for. */
        MALFORMED_RESPONSE(false),
        /** No answer: connection refused or dropped, timeout, TLS failure. */
        IO(true);

        private final boolean retryable;

        Failure(boolean retryable) {
            this.retryable = retryable;
        }

        /** {@return whether another attempt may succeed} */
        public boolean retryable() {
            return retryable;
        }
    }

    /** What went wrong, by kind. */
    private final Failure failure;
    /** The HTTP status, or 0 when no response arrived. */
    private final int status;
    /** The OperationOutcome's issues: severity, code and path only. */
    private final List<OutcomeIssue> issues;
    /** How long the server asked the client to wait, if it said. */
    private final Duration retryAfter;

    /**
     * Creates the exception; the message names the status and the issue codes only.
     *
     * @param failure    what went wrong
     * @param status     the HTTP status, or 0 when no answer came
     * @param issues     the OperationOutcome's issues, without diagnostics
     * @param retryAfter the server's {@code Retry-After}, or null if it sent none
     * @param message    what failed, without any body text
     */
    FhirServerException(Failure failure, int status, List<OutcomeIssue> issues, Duration retryAfter, String message) {
        super(status == 0 ? "IO" : "HTTP_" + status, message, failure.retryable());
        this.failure = Objects.requireNonNull(failure);
        this.status = status;
        this.issues = List.copyOf(issues);
        this.retryAfter = retryAfter;
    }

    static FhirServerException of(int status, List<OutcomeIssue> issues, Duration retryAfter) {
        String codes = issues.stream().map(OutcomeIssue::code).filter(c -> !c.isEmpty())
                .limit(MAX_CODES_IN_MESSAGE).reduce((a, b) -> a + ", " + b).map(c -> " (OperationOutcome issue codes: " + c + ")")
                .orElse("");
        String message = "FHIR server answered " + status + codes;
        Failure failure = failureOf(status);
        switch (failure) {
            case NOT_FOUND:
            case GONE:
                return new FhirNotFoundException(failure, status, issues, message);
            case VERSION_CONFLICT:
                return new FhirVersionConflictException(status, issues, message);
            case VALIDATION_FAILED:
                return new FhirValidationException(status, issues, message);
            default:
                return new FhirServerException(failure, status, issues, retryAfter, message);
        }
    }

    static FhirServerException noAnswer() {
        return new FhirServerException(Failure.IO, 0, List.of(), null,
                "FHIR server could not be reached or did not answer");
    }

    static FhirServerException tooLarge(int status, long cap) {
        return new FhirServerException(Failure.RESPONSE_TOO_LARGE, status, List.of(), null,
                "FHIR server's response is larger than " + cap + " bytes; reading stopped there");
    }

    static FhirServerException malformed(int status, String what) {
        return new FhirServerException(Failure.MALFORMED_RESPONSE, status, List.of(), null,
                "FHIR server's response is not " + what);
    }

    static Failure failureOf(int status) {
        switch (status) {
            case 400:
            case 422:
                return Failure.VALIDATION_FAILED;
            case 401:
                return Failure.UNAUTHORISED;
            case 403:
                return Failure.FORBIDDEN;
            case 404:
                return Failure.NOT_FOUND;
            case 408:
                return Failure.SERVER_ERROR;
            case 409:
            case 412:
                return Failure.VERSION_CONFLICT;
            case 410:
                return Failure.GONE;
            case 429:
                return Failure.THROTTLED;
            default:
                return status >= 500 ? Failure.SERVER_ERROR : Failure.UNEXPECTED_STATUS;
        }
    }

    /** {@return what went wrong} */
    public Failure failure() {
        return failure;
    }

    /** {@return the HTTP status, or 0 when no answer came} */
    public int status() {
        return status;
    }

    /** {@return the OperationOutcome's issues (severity, code, expression), without diagnostics} */
    public List<OutcomeIssue> issues() {
        return issues;
    }

    /** {@return how long the server asked the client to wait, if it said} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
