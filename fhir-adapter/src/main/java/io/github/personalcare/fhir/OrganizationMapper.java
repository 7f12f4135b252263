package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.OdsCode;
import java.util.Optional;
import java.util.Set;

/**
 * An organisation known by its ODS code as a UK Core Organization: the ODS organisation code
 * identifier, or the ODS site code identifier for a site code (R5, {@link OrganizationCodes}),
 * and a stable id derived from the code. On input either identifier is read, as a code of its
 * kind; names, addresses and telecoms are not kept by the SDK and are reported as ignored.
 */
public final class OrganizationMapper implements FhirMapper<OdsCode> {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "identifier");

    /** A mapper; stateless and thread-safe. */
    public OrganizationMapper() {
    }

    @Override
    public String resourceType() {
        return "Organization";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_ORGANIZATION;
    }

    /**
     * {@return the stable resource id of the Organization for an ODS code}
     *
     * @param code the ODS code
     */
    public static String idFor(OdsCode code) {
        return Elements.derivedId("Organization", code.value());
    }

    /** A reference to the Organization of an ODS code, carrying the ODS identifier (of its kind) too. */
    static ObjectNode referenceTo(OdsCode code) {
        ObjectNode reference = Elements.reference("Organization", idFor(code));
        reference.set("identifier", OrganizationCodes.identifier(code));
        return reference;
    }

    @Override
    public ObjectNode toFhir(OdsCode code) {
        ObjectNode r = Elements.resource("Organization", idFor(code), profile());
        r.putArray("identifier").add(OrganizationCodes.identifier(code));
        return r;
    }

    @Override
    public Optional<OdsCode> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        for (FhirElement id : r.objects("identifier")) {
            Optional<String> system = id.text("system");
            if (system.isPresent() && OrganizationCodes.ODS_SYSTEMS.contains(system.get())) {
                Optional<String> value = id.requiredText("value", "R5");
                return value.flatMap(v -> id.convert("value", () -> OrganizationCodes.odsCode(system.get(), v)));
            }
        }
        r.problem("identifier", "R5", "an ODS organisation or site code identifier is required");
        return Optional.empty();
    }
}
