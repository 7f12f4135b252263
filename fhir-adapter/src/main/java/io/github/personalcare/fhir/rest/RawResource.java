package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.FhirMapper;
import io.github.personalcare.fhir.ImportContext;
import java.util.Optional;

/**
 * Takes any resource as it is: lets {@link FhirClient} read response bodies through the
 * {@link io.github.personalcare.fhir.FhirImporter}'s bounded parser without mapping them.
 */
final class RawResource implements FhirMapper<JsonNode> {
    static final RawResource INSTANCE = new RawResource();

    @Override
    public String resourceType() {
        return "Resource";
    }

    @Override
    public String profile() {
        return "http://hl7.org/fhir/StructureDefinition/Resource";
    }

    @Override
    public ObjectNode toFhir(JsonNode value) {
        throw new UnsupportedOperationException("responses are only read");
    }

    @Override
    public Optional<JsonNode> fromFhir(JsonNode json, ImportContext context) {
        if (!json.isObject() || !json.path("resourceType").isTextual()) {
            context.problem("$.resourceType", "REQUIRED", "a resource needs a resourceType");
            return Optional.empty();
        }
        return Optional.of(json);
    }
}
