package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.RecordId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts resources into a Bundle: a {@code collection} to hand over or store, or a
 * {@code transaction} to push to a FHIR server in one request.
 *
 * <ul>
 *   <li>Each entry's fullUrl is {@code urn:uuid:} + the resource id, which is always a UUID
 *       derived from the SDK's internal id, so the same record always gets the same fullUrl.</li>
 *   <li>A resource that appears twice (the same type and id) is written once.</li>
 *   <li>Every {@code reference} to {@code Type/id} of a resource in the Bundle is rewritten to
 *       that entry's fullUrl; references to resources outside the Bundle are left as they are.</li>
 *   <li>Transaction entries are {@code PUT Type/id}: an upsert, so pushing the same Bundle again
 *       (at-least-once delivery) changes nothing.</li>
 * </ul>
 */
public final class FhirBundles {
    private FhirBundles() {
    }

    /**
     * A collection Bundle of the resources, in order.
     *
     * @param resources the resources, each with an id that is a UUID
     * @return the Bundle
     * @throws IllegalArgumentException if a resource has no resourceType
     * @throws io.github.personalcare.lang.InvalidInputException if a resource's id is not a UUID
     */
    public static ObjectNode collection(List<ObjectNode> resources) {
        return bundle("collection", resources);
    }

    /**
     * A transaction Bundle that upserts each resource with {@code PUT Type/id}.
     *
     * @param resources the resources, each with an id that is a UUID
     * @return the Bundle
     * @throws IllegalArgumentException if a resource has no resourceType
     * @throws io.github.personalcare.lang.InvalidInputException if a resource's id is not a UUID
     */
    public static ObjectNode transaction(List<ObjectNode> resources) {
        return bundle("transaction", resources);
    }

    /**
     * The fullUrl of a resource in a Bundle: {@code urn:uuid:} and its id.
     *
     * @param resource the resource
     * @return {@code urn:uuid:} followed by its id
     * @throws io.github.personalcare.lang.InvalidInputException if the id is not a UUID
     */
    public static String fullUrl(JsonNode resource) {
        String id = resource.path("id").asText("");
        RecordId.uuid("id", id);
        return "urn:uuid:" + id;
    }

    private static ObjectNode bundle(String type, List<ObjectNode> resources) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (ObjectNode r : resources) {
            String resourceType = r.path("resourceType").asText("");
            if (resourceType.isEmpty()) {
                throw new IllegalArgumentException("every resource needs a resourceType");
            }
            fullUrl(r);
            byKey.putIfAbsent(resourceType + "/" + r.get("id").asText(), r);
        }
        Map<String, String> fullUrls = new LinkedHashMap<>();
        byKey.forEach((key, r) -> fullUrls.put(key, fullUrl(r)));
        ObjectNode bundle = Elements.object();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", type);
        ArrayNode entries = bundle.putArray("entry");
        byKey.forEach((key, r) -> {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", fullUrls.get(key));
            ObjectNode copy = r.deepCopy();
            rewrite(copy, fullUrls);
            entry.set("resource", copy);
            if (type.equals("transaction")) {
                ObjectNode request = entry.putObject("request");
                request.put("method", "PUT");
                request.put("url", key);
            }
        });
        return bundle;
    }

    private static void rewrite(JsonNode node, Map<String, String> fullUrls) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && fullUrls.containsKey(reference.asText())) {
                object.put("reference", fullUrls.get(reference.asText()));
            }
            Iterator<JsonNode> children = object.elements();
            while (children.hasNext()) {
                rewrite(children.next(), fullUrls);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                rewrite(child, fullUrls);
            }
        }
    }
}
