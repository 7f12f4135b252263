package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders resources so that each arrives after every resource it references (a server that checks
 * references on write then accepts each one), and keeps each resource once (the first of the same
 * type and id). Resources that reference each other in a cycle cannot be ordered: they keep their
 * given order among themselves, and only a transaction sends them safely.
 */
final class WriteOrder {
    private WriteOrder() {
    }

    static List<ObjectNode> of(List<ObjectNode> resources) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (ObjectNode r : resources) {
            byKey.putIfAbsent(key(r), r);
        }
        List<ObjectNode> ordered = new ArrayList<>(byKey.size());
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String key : byKey.keySet()) {
            visit(key, byKey, done, visiting, ordered);
        }
        return ordered;
    }

    static String key(JsonNode resource) {
        String type = resource.path("resourceType").asText("");
        String id = resource.path("id").asText("");
        FhirClient.requireType(type);
        if (id.isEmpty()) {
            throw new InvalidInputException("id", "REQUIRED", "every resource pushed needs an id");
        }
        return type + "/" + id;
    }

    // Depth first, dependencies before dependants; iterative depth is the reference depth, which is small.
    private static void visit(String key, Map<String, ObjectNode> byKey, Set<String> done, Set<String> visiting,
                              List<ObjectNode> ordered) {
        if (done.contains(key) || !visiting.add(key)) {
            return;    // already placed, or a cycle: leave it where the outer visit puts it
        }
        for (String target : references(byKey.get(key))) {
            if (byKey.containsKey(target) && !target.equals(key)) {
                visit(target, byKey, done, visiting, ordered);
            }
        }
        visiting.remove(key);
        done.add(key);
        ordered.add(byKey.get(key));
    }

    /** Every {@code reference} value of the form {@code Type/id} anywhere in the resource. */
    static Set<String> references(JsonNode node) {
        Set<String> found = new LinkedHashSet<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            JsonNode reference = node.get("reference");
            if (reference != null && reference.isTextual()) {
                String[] parts = reference.asText().split("/");
                if (parts.length == 2) {
                    found.add(reference.asText());
                }
            }
            node.elements().forEachRemaining(child -> collect(child, found));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, found));
        }
    }
}
