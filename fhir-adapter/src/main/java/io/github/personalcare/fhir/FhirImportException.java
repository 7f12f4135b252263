package io.github.personalcare.fhir;

import io.github.personalcare.lang.InvalidInputException;
import java.util.List;

/**
 * A FHIR document could not be imported; nothing was imported. {@link #problems()} lists every
 * problem found, each with its JSON path and rule; {@link #field()} and {@link #rule()} are those
 * of the first. Messages never quote the document's content: no parser text, no values.
 */
public class FhirImportException extends InvalidInputException {
    /** Every problem found. */
    private final List<ImportProblem> problems;

    /**
     * Creates the exception: its field and rule are the first problem's, its message the first
     * problem's with a count of the others.
     *
     * @param problems what went wrong, at least one
     * @throws IllegalArgumentException if {@code problems} is null or empty
     */
    public FhirImportException(List<ImportProblem> problems) {
        super(first(problems).jsonPath(), first(problems).rule(), summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in document order as far as the mapper could tell} */
    public List<ImportProblem> problems() {
        return problems;
    }

    private static ImportProblem first(List<ImportProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a FhirImportException needs at least one problem");
        }
        return problems.get(0);
    }

    private static String summary(List<ImportProblem> problems) {
        String first = problems.get(0).message();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
