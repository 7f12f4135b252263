package io.github.personalcare.fhir;

import java.util.List;
import java.util.Objects;

/**
 * A successful import: the domain value, and the JSON paths of the elements the SDK does not keep
 * and so left out (for example {@code $.telecom} of a Patient), for the caller to review.
 *
 * @param value   what the document described
 * @param ignored paths of elements that were present but not imported
 * @param <D>     the domain type
 */
public record FhirImport<D>(D value, List<String> ignored) {
    /**
     * Checks the value is present and copies the paths.
     *
     * @param value   what the document described
     * @param ignored paths of elements that were present but not imported
     * @throws NullPointerException if {@code value} or {@code ignored} is null
     */
    public FhirImport {
        Objects.requireNonNull(value, "value");
        ignored = List.copyOf(ignored);
    }
}
