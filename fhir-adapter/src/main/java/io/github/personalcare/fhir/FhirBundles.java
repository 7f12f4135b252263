package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts resources into a Bundle: a {@code collection} to hand over or store, or a
 * {@code transaction} to push to a FHIR server in one request; and joins the pages of a search
 * result into one Bundle to import ({@link #joinPages}).
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
        return bundle("collection", resources, false);
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
        return bundle("transaction", resources, false);
    }

    /**
     * As {@link #collection} or {@link #transaction} ({@code transaction} true), for resources the
     * caller has just built and hands over: their references are rewritten in place rather than in
     * a copy (a third of a whole-record export's allocation was that copy).
     */
    static ObjectNode ofOwned(List<ObjectNode> resources, boolean transaction) {
        return bundle(transaction ? "transaction" : "collection", resources, true);
    }

    /**
     * Joins the pages of a paged search result (each a {@code searchset} Bundle, as a FHIR server
     * returns them following {@code next} links, for a search or {@code Patient/$everything}) into
     * one {@code searchset} Bundle for {@link PatientRecordMapper} to import. The entries are kept in
     * page order; an entry whose fullUrl an earlier page already had (an {@code include}d resource
     * repeated on several pages) is kept once. The joined Bundle has no links and its {@code total}
     * is the number of its entries.
     *
     * @param pages every page of the result, the first first
     * @return the joined Bundle
     * @throws io.github.personalcare.lang.InvalidInputException if {@code pages} is missing or empty, or a page
     *                                                         is not a searchset Bundle ({@code BUNDLE_TYPE})
     */
    public static ObjectNode joinPages(List<? extends JsonNode> pages) {
        if (pages == null || pages.isEmpty()) {
            throw new InvalidInputException("pages", "REQUIRED", "at least one page is required");
        }
        ObjectNode joined = Elements.object();
        joined.put("resourceType", "Bundle");
        joined.put("type", "searchset");
        ArrayNode entries = Elements.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode page : pages) {
            if (page == null || !"Bundle".equals(page.path("resourceType").asText())
                    || !"searchset".equals(page.path("type").asText())) {
                throw new InvalidInputException("pages", "BUNDLE_TYPE", "every page must be a searchset Bundle");
            }
            for (JsonNode entry : page.path("entry")) {
                String fullUrl = entry.path("fullUrl").asText("");
                if (fullUrl.isEmpty() || seen.add(fullUrl)) {
                    entries.add(entry.deepCopy());
                }
            }
        }
        joined.put("total", entries.size());
        joined.set("entry", entries);
        return joined;
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

    private static ObjectNode bundle(String type, List<ObjectNode> resources, boolean owned) {
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
            ObjectNode copy = owned ? r : r.deepCopy();
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
