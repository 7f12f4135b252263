package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** Reading what a FHIR Reference points at: its own identifier, or the resolved resource's. */
final class References {
    private References() {
    }

    /** The system and value of an identifier a Reference carries or resolves to. */
    record Identifier(String system, String value) {
    }

    /**
     * The value of an identifier of one of {@code systems}: taken from the Reference's own
     * {@code identifier}, else from the identifiers of the Bundle entry it resolves to.
     */
    static Optional<String> identifier(FhirElement reference, String targetType, Set<String> systems) {
        return identifierOf(reference, targetType, systems).map(Identifier::value);
    }

    /** As {@link #identifier}, keeping which of {@code systems} the identifier is in. */
    static Optional<Identifier> identifierOf(FhirElement reference, String targetType, Set<String> systems) {
        Optional<FhirElement> own = reference.object("identifier");
        if (own.isPresent()) {
            Optional<String> system = own.get().text("system");
            if (system.isPresent() && systems.contains(system.get())) {
                return own.get().text("value").map(v -> new Identifier(system.get(), v));
            }
        }
        Optional<String> literal = reference.text("reference");
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> target = reference.context().resolve(literal.get());
        if (target.isEmpty() || !targetType.equals(target.get().path("resourceType").asText())) {
            return Optional.empty();
        }
        for (JsonNode id : target.get().path("identifier")) {
            String system = id.path("system").asText();
            if (systems.contains(system) && id.path("value").isTextual()) {
                return Optional.of(new Identifier(system, id.path("value").asText()));
            }
        }
        return Optional.empty();
    }

    /**
     * The logical id a literal reference to {@code type} names: {@code Type/id}, or a fullUrl of
     * the enclosing Bundle whose resource is of that type.
     */
    static Optional<String> logicalId(String reference, String type, ImportContext context) {
        if (reference.startsWith(type + "/")) {
            String id = reference.substring(type.length() + 1);
            return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
        }
        return context.resolve(reference)
                .filter(r -> type.equals(r.path("resourceType").asText()))
                .map(r -> r.path("id").asText(null));
    }
}
