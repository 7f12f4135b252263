package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Maps one kind of domain value to one FHIR R4 resource type and back. Each resource type has
 * one mapper ({@link PatientMapper}, {@link OrganizationMapper}, ...); {@link PatientRecordMapper}
 * puts them together into a Bundle.
 *
 * <p>{@link #toFhir} is total and deterministic: the same value always gives the same JSON, with
 * elements in a fixed order, so that export, import and export again give identical documents.
 * References to other resources are written as relative {@code Type/id} literals (plus a business
 * identifier where one exists); {@link FhirBundles} rewrites them to the entries' fullUrls.
 *
 * <p>{@link #fromFhir} never throws for bad content: it reports each problem, with its JSON path,
 * to the context and returns empty when anything cannot be mapped. Elements the SDK does not keep
 * are reported as ignored, not as problems. Implementations are stateless and thread-safe.
 *
 * @param <D> the domain type
 */
public interface FhirMapper<D> {

    /** {@return the FHIR resource type written and read, such as {@code "Patient"}} */
    String resourceType();

    /**
     * {@return the profile claimed in {@code meta.profile}: UK Core where one exists, else the base R4 profile
     * (R51)}
     */
    String profile();

    /**
     * The FHIR resource for the value.
     *
     * @param value the domain value
     * @return the resource, with its elements in a fixed order
     */
    ObjectNode toFhir(D value);

    /**
     * The domain value the resource describes, or empty when any problem was reported.
     *
     * @param json    the resource, as parsed
     * @param context where problems and ignored elements are reported; its base path is the resource's
     * @return the domain value, or empty when any problem was reported
     */
    Optional<D> fromFhir(JsonNode json, ImportContext context);
}
