package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small builders for the FHIR data types the mappers write, so every mapper writes them alike. */
final class Elements {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Elements() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * A resource root: resourceType, id, meta.profile and the generated narrative
     * ({@link Narratives}), in that order.
     */
    static ObjectNode resource(String type, String id, String profile) {
        ObjectNode r = object();
        r.put("resourceType", type);
        r.put("id", id);
        r.putObject("meta").putArray("profile").add(profile);
        r.set("text", Narratives.forType(type));
        return r;
    }

    static ObjectNode identifier(String system, String value) {
        ObjectNode i = object();
        i.put("system", system);
        i.put("value", value);
        return i;
    }

    static ObjectNode coding(String system, String code) {
        ObjectNode c = object();
        c.put("system", system);
        c.put("code", code);
        return c;
    }

    static ObjectNode coding(String system, String code, String display) {
        ObjectNode c = coding(system, code);
        c.put("display", display);
        return c;
    }

    static ObjectNode concept(ObjectNode coding) {
        ObjectNode cc = object();
        cc.putArray("coding").add(coding);
        return cc;
    }

    /** A literal relative reference {@code Type/id}, rewritten to a fullUrl inside a Bundle. */
    static ObjectNode reference(String type, String id) {
        ObjectNode r = object();
        r.put("reference", type + "/" + id);
        return r;
    }

    /** A literal reference that also carries the target's business identifier. */
    static ObjectNode reference(String type, String id, String system, String value) {
        ObjectNode r = reference(type, id);
        r.set("identifier", identifier(system, value));
        return r;
    }

    /**
     * A stable id for a resource that has no SDK record id of its own (an Organization for an
     * ODS code, a Practitioner for a user id): a name-based UUID of the type and key, so the same
     * key always gives the same id and fullUrl.
     */
    static String derivedId(String type, String key) {
        return UUID.nameUUIDFromBytes((type + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
