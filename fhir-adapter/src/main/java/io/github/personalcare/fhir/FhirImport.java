package io.github.personalcare.fhir;

import java.util.List;
import java.util.Objects;

/**
 * A successful import: the domain value, the JSON paths of the elements the SDK does not keep
 * and so left out (for example {@code $.telecom} of a Patient), and the warnings: how a foreign
 * record was read (a derived id, a widened date) and what it held that the domain cannot keep, each
 * with its path, for the caller to review.
 *
 * @param value    what the document described
 * @param ignored  paths of elements that were present but not imported
 * @param warnings problems of severity {@link ImportProblem.Severity#WARNING}
 * @param <D>      the domain type
 */
public record FhirImport<D>(D value, List<String> ignored, List<ImportProblem> warnings) {
    /**
     * Checks the value is present and copies the lists.
     *
     * @param value    what the document described
     * @param ignored  paths of elements that were present but not imported
     * @param warnings problems of severity {@link ImportProblem.Severity#WARNING}
     * @throws NullPointerException if a component is null
     */
    public FhirImport {
        Objects.requireNonNull(value, "value");
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }

    /**
     * An import without warnings.
     *
     * @param value   what the document described
     * @param ignored paths of elements that were present but not imported
     * @throws NullPointerException if a component is null
     */
    public FhirImport(D value, List<String> ignored) {
        this(value, ignored, List.of());
    }
}
