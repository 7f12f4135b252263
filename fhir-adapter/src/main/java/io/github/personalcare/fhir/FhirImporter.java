package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads FHIR R4 JSON into domain values with a {@link FhirMapper}: a size-capped, depth-limited
 * parse, then the mapper, which reports every problem with its JSON path. Either the whole
 * document maps, or {@link FhirImportException} lists what did not and nothing is returned.
 * Records written by other systems are read leniently: what the domain cannot hold, and how a
 * value was read (a non-UUID id, a date-only dateTime), comes back as a warning in
 * {@link FhirImport#warnings()}; only domain rules (R1–R52) and real conformance errors refuse.
 * Nothing is stored here: the caller registers what it imported through the services.
 *
 * <pre>{@code
 * FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
 * Patient patient = importer.read(body, new PatientMapper()).value();
 * }</pre>
 *
 * <p>Thread-safe and reusable.
 */
public final class FhirImporter {
    private final FhirJson json;

    /**
     * An importer with the given limits ({@link FhirLimits#DEFAULT} suits most callers).
     *
     * @param limits the size, depth and count limits every read enforces
     * @throws NullPointerException if {@code limits} is null
     */
    public FhirImporter(FhirLimits limits) {
        this.json = new FhirJson(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Reads one resource (or Bundle, with {@link PatientRecordMapper}) from the stream. The stream
     * is read up to the size limit and not closed.
     *
     * @param <D>    the domain type the mapper produces
     * @param in     the JSON document
     * @param mapper maps the resource to the domain
     * @return the domain value and the paths of elements left out
     * @throws FhirImportException naming the JSON path and rule of each problem: malformed JSON,
     *                             limits exceeded, wrong resourceType, missing or invalid elements
     * @throws NullPointerException if {@code in} or {@code mapper} is null
     */
    public <D> FhirImport<D> read(InputStream in, FhirMapper<D> mapper) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(mapper, "mapper");
        return map(json.read(in), mapper);
    }

    /**
     * Like {@link #read(InputStream, FhirMapper)}, for a document already in memory.
     *
     * @param <D>      the domain type the mapper produces
     * @param document the JSON document
     * @param mapper   maps the resource to the domain
     * @return the domain value and the paths of elements left out
     * @throws FhirImportException naming the JSON path and rule of each problem
     * @throws NullPointerException if {@code document} or {@code mapper} is null
     */
    public <D> FhirImport<D> read(String document, FhirMapper<D> mapper) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(mapper, "mapper");
        return map(json.read(document), mapper);
    }

    /**
     * Maps the resource of one Bundle entry on its own (paths from {@code $.resource}). A resource
     * without an {@code id} whose entry's fullUrl is {@code urn:uuid:<uuid>}, as transaction Bundles
     * carry them, takes that uuid as its id (warning {@code ID_FROM_FULL_URL} at {@code $.fullUrl});
     * without either it is refused ({@code ID_MISSING}). References between entries do not resolve
     * here: to read a whole record use {@link PatientRecordMapper}, which applies the same rule.
     *
     * @param <D>    the domain type the mapper produces
     * @param entry  the parsed Bundle entry ({@code fullUrl}, {@code resource})
     * @param mapper maps the resource to the domain
     * @return the domain value, the paths of elements left out, and the warnings
     * @throws FhirImportException listing every problem found (no {@code resource}: {@code REQUIRED})
     * @throws NullPointerException if {@code entry} or {@code mapper} is null
     */
    public static <D> FhirImport<D> mapEntry(JsonNode entry, FhirMapper<D> mapper) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(mapper, "mapper");
        ImportContext context = ImportContext.root();
        FhirElement at = FhirElement.at(entry, context);
        Optional<FhirElement> resource = entry.isObject() ? at.object("resource") : Optional.empty();
        if (resource.isEmpty()) {
            if (!context.hasProblems()) {
                context.problem("$.resource", "REQUIRED", "is required");
            }
            throw new FhirImportException(context.problems());
        }
        FhirElement read = BundleEntries.withIdFromFullUrl(at, resource.get());
        return finish(context, mapper.fromFhir(read.json(), context.within(read.path())));
    }

    /**
     * Maps an already parsed resource.
     *
     * @param <D>      the domain type the mapper produces
     * @param resource the parsed resource
     * @param mapper   maps the resource to the domain
     * @return the domain value and the paths of elements left out
     * @throws FhirImportException listing every problem found
     */
    public static <D> FhirImport<D> map(JsonNode resource, FhirMapper<D> mapper) {
        ImportContext context = ImportContext.root();
        return finish(context, mapper.fromFhir(resource, context));
    }

    private static <D> FhirImport<D> finish(ImportContext context, Optional<D> value) {
        if (context.hasProblems() || value.isEmpty()) {
            if (!context.hasProblems()) {
                context.problem("$", "MAPPING", "the resource could not be mapped");
            }
            throw new FhirImportException(context.problems());
        }
        return new FhirImport<>(value.get(), context.ignoredPaths(), context.warnings());
    }
}
