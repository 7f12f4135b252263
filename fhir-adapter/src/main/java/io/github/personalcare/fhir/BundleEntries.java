package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Bundle entries whose resource has no {@code id}, as transaction Bundles often carry them: when the
 * entry's fullUrl is {@code urn:uuid:<uuid>}, the uuid is the resource's id (FHIR: a resource
 * identified by a UUID fullUrl is that resource within the Bundle, and references to the fullUrl
 * name it), reported as a warning {@code ID_FROM_FULL_URL} at the entry's fullUrl. Without a
 * urn:uuid fullUrl the resource is read as it is, and the mapper refuses it ({@code ID_MISSING}).
 */
final class BundleEntries {
    static final String URN_UUID = "urn:uuid:";

    private BundleEntries() {
    }

    /**
     * The resource to read for {@code entry}: {@code resource} itself if it has an id or the fullUrl
     * is not a urn:uuid; else a copy with the fullUrl's uuid as its id (the caller's JSON is not
     * changed), at the same path, with a warning.
     */
    static FhirElement withIdFromFullUrl(FhirElement entry, FhirElement resource) {
        if (resource.json().has("id") || !resource.json().isObject()) {
            return resource;
        }
        Optional<String> uuid = uuidOf(entry.json().path("fullUrl"));
        if (uuid.isEmpty()) {
            return resource;
        }
        ObjectNode copy = Elements.object();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> field : resource.json().properties()) {
            copy.set(field.getKey(), field.getValue().deepCopy());
            if (!placed && field.getKey().equals("resourceType")) {
                copy.put("id", uuid.get());
                placed = true;
            }
        }
        if (!placed) {
            copy.put("id", uuid.get());
        }
        entry.warning("fullUrl", "ID_FROM_FULL_URL", "the entry's resource has no id: its id is the uuid of "
                + "this urn:uuid fullUrl");
        return resource.replacedBy(copy);
    }

    /** The uuid of a {@code urn:uuid:<uuid>} fullUrl, if it is one. */
    static Optional<String> uuidOf(JsonNode fullUrl) {
        if (!fullUrl.isTextual() || !fullUrl.asText().startsWith(URN_UUID)) {
            return Optional.empty();
        }
        String uuid = fullUrl.asText().substring(URN_UUID.length());
        return ForeignIds.isUuid(uuid) ? Optional.of(uuid) : Optional.empty();
    }
}
