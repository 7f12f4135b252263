package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.FhirElement;
import io.github.personalcare.fhir.FhirMapper;
import io.github.personalcare.fhir.ImportContext;
import java.util.Optional;

/** Reads only the issue codes of an OperationOutcome; diagnostics and text are never read. */
final class OperationOutcomeCodes implements FhirMapper<ArrayNode> {
    static final OperationOutcomeCodes INSTANCE = new OperationOutcomeCodes();

    @Override
    public String resourceType() {
        return "OperationOutcome";
    }

    @Override
    public String profile() {
        return "http://hl7.org/fhir/StructureDefinition/OperationOutcome";
    }

    @Override
    public ObjectNode toFhir(ArrayNode value) {
        throw new UnsupportedOperationException("OperationOutcomes are only read");
    }

    @Override
    public Optional<ArrayNode> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode codes = JsonNodeFactory.instance.arrayNode();
        for (FhirElement issue : root.get().objects("issue")) {
            issue.text("code").ifPresent(codes::add);
        }
        return context.hasProblems() ? Optional.empty() : Optional.of(codes);
    }
}
