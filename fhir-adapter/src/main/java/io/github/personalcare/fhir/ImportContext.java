package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link FhirMapper} reports to while it reads a resource: the problems that stop the
 * import, the warnings that do not (what a foreign record held that the domain cannot keep), the paths of elements the SDK does not keep (so a caller can see what was left out),
 * and the other resources of the enclosing Bundle, so references between entries resolve.
 *
 * <p>A context is for one import; it is not thread-safe. {@link #within} gives a view at a
 * deeper path (a Bundle entry) that reports into the same lists.
 */
public final class ImportContext {
    /** At most this many problems are kept: a hostile document cannot grow the list without bound. */
    public static final int MAX_PROBLEMS = 100;

    private final String basePath;
    private final Shared shared;

    private ImportContext(String basePath, Shared shared) {
        this.basePath = basePath;
        this.shared = shared;
    }

    /** {@return a fresh context for a document whose root is {@code $}} */
    public static ImportContext root() {
        return new ImportContext("$", new Shared(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), Map.of()));
    }

    /**
     * A view whose root is {@code path} (for example {@code $.entry[2].resource}).
     *
     * @param path the JSON path of the view's root
     * @return the view; problems reported through it go to the same list
     * @throws NullPointerException if {@code path} is null
     */
    public ImportContext within(String path) {
        return new ImportContext(Objects.requireNonNull(path, "path"), shared);
    }

    /**
     * A view that resolves references against the given Bundle entries (fullUrl to resource),
     * by fullUrl or by the entries' {@code Type/id}.
     *
     * @param entriesByFullUrl the Bundle's resources by their fullUrl
     * @return the view; problems reported through it go to the same list
     */
    public ImportContext withEntries(Map<String, JsonNode> entriesByFullUrl) {
        Map<String, JsonNode> index = new HashMap<>();
        entriesByFullUrl.forEach((fullUrl, resource) -> {
            String type = resource.path("resourceType").asText("");
            String id = resource.path("id").asText("");
            if (!type.isEmpty() && !id.isEmpty()) {
                index.putIfAbsent(type + "/" + id, resource);
            }
        });
        // fullUrls win over Type/id, as FHIR resolves a reference by fullUrl first.
        index.putAll(entriesByFullUrl);
        return new ImportContext(basePath, new Shared(shared.problems, shared.warnings, shared.ignored, Map.copyOf(index)));
    }

    /** {@return the JSON path of this view's root} */
    public String basePath() {
        return basePath;
    }

    /**
     * Reports a problem at {@code jsonPath}; the import will fail.
     *
     * @param jsonPath where the problem is
     * @param rule     the rule broken: an R-number or a short code
     * @param message  what is wrong, without the value
     */
    public void problem(String jsonPath, String rule, String message) {
        if (shared.problems.size() < MAX_PROBLEMS) {
            shared.problems.add(new ImportProblem(jsonPath, rule, message));
        }
    }

    /**
     * Reports a warning at {@code jsonPath}: the import goes on, and the caller is told what was
     * not kept or how it was read.
     *
     * @param jsonPath where the problem is
     * @param rule     a short code, one per distinct problem
     * @param message  what was not kept or how it was read, without the value
     */
    public void warning(String jsonPath, String rule, String message) {
        if (shared.warnings.size() < MAX_PROBLEMS) {
            shared.warnings.add(new ImportProblem(jsonPath, rule, message, ImportProblem.Severity.WARNING));
        }
    }

    /** {@return the warnings reported so far, at most {@value #MAX_PROBLEMS}} */
    public List<ImportProblem> warnings() {
        return Collections.unmodifiableList(shared.warnings);
    }

    /**
     * Records that the element at {@code jsonPath} is not kept by the SDK and was left out.
     *
     * @param jsonPath the element left out
     */
    public void ignored(String jsonPath) {
        if (shared.ignored.size() < MAX_PROBLEMS) {
            shared.ignored.add(jsonPath);
        }
    }

    /** {@return whether any problem was reported through this context or any view of it} */
    public boolean hasProblems() {
        return !shared.problems.isEmpty();
    }

    /** {@return the problems reported so far, at most {@value #MAX_PROBLEMS}} */
    public List<ImportProblem> problems() {
        return Collections.unmodifiableList(shared.problems);
    }

    /** {@return the paths of elements left out so far, at most {@value #MAX_PROBLEMS}} */
    public List<String> ignoredPaths() {
        return Collections.unmodifiableList(shared.ignored);
    }

    /**
     * The resource a reference points at inside the enclosing Bundle: a {@code urn:uuid:} fullUrl,
     * or a relative {@code Type/id} matched against the entries' resource type and id.
     *
     * @param reference the reference as written, or null
     * @return the resource, or empty if the reference is null or resolves to no entry
     */
    public Optional<JsonNode> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(shared.entries.get(reference));
    }

    private record Shared(List<ImportProblem> problems, List<ImportProblem> warnings, List<String> ignored,
            Map<String, JsonNode> entries) {
    }
}
