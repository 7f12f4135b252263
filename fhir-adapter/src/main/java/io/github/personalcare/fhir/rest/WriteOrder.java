package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders resources so that each arrives after every resource it references (a server that checks
 * references on write then accepts each one), and keeps each resource once (the first of the same
 * type and id). Resources that reference each other in a cycle (a budget Account and its line
 * Accounts, a CarePlan and its version snapshots) cannot be ordered: {@link #groups(List)} puts
 * each such strongly connected group together, to be sent as one transaction.
 */
final class WriteOrder {
    private WriteOrder() {
    }

    /** The resources, each once, every group of {@link #groups(List)} in turn. */
    static List<ObjectNode> of(List<ObjectNode> resources) {
        List<ObjectNode> ordered = new ArrayList<>();
        groups(resources).forEach(ordered::addAll);
        return ordered;
    }

    /**
     * The strongly connected groups of the reference graph (each resource once), every group after
     * the groups it references; a resource outside any cycle is a group of one. Within a group,
     * resources keep their given order. Tarjan's algorithm, which emits a group only after every
     * group reachable from it.
     */
    static List<List<ObjectNode>> groups(List<ObjectNode> resources) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (ObjectNode r : resources) {
            byKey.putIfAbsent(key(r), r);
        }
        Tarjan tarjan = new Tarjan(byKey);
        for (String key : byKey.keySet()) {
            if (!tarjan.index.containsKey(key)) {
                tarjan.connect(key);
            }
        }
        return tarjan.groups;
    }

    private static final class Tarjan {
        private final Map<String, ObjectNode> byKey;
        private final Map<String, Integer> position = new HashMap<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<ObjectNode>> groups = new ArrayList<>();

        Tarjan(Map<String, ObjectNode> byKey) {
            this.byKey = byKey;
            byKey.keySet().forEach(k -> position.put(k, position.size()));
        }

        // Recursion depth is the length of the longest reference chain, which is small for a record.
        void connect(String key) {
            index.put(key, index.size());
            low.put(key, index.get(key));
            stack.push(key);
            onStack.add(key);
            for (String target : references(byKey.get(key))) {
                if (!byKey.containsKey(target)) {
                    continue;
                }
                if (!index.containsKey(target)) {
                    connect(target);
                    low.put(key, Math.min(low.get(key), low.get(target)));
                } else if (onStack.contains(target)) {
                    low.put(key, Math.min(low.get(key), index.get(target)));
                }
            }
            if (low.get(key).equals(index.get(key))) {
                List<String> members = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    members.add(member);
                } while (!member.equals(key));
                members.sort(Comparator.comparing(position::get));
                List<ObjectNode> group = new ArrayList<>(members.size());
                members.forEach(m -> group.add(byKey.get(m)));
                groups.add(group);
            }
        }
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
