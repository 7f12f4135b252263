package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.fhir.FhirBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One FHIR REST interaction to send: {@code PUT Type/id} with a resource (an idempotent upsert),
 * or {@code POST} of a transaction Bundle to the server's base URL.
 *
 * @param method {@code PUT} or {@code POST}
 * @param path   relative to the FHIR base URL: {@code "Patient/<uuid>"}, or empty for the base
 * @param body   the resource or Bundle
 */
public record FhirRequest(Method method, String path, ObjectNode body) {
    /** The HTTP methods the transport sends. */
    public enum Method {
        /** Create or replace the resource at the path. */
        PUT,
        /** Send a transaction Bundle to the base URL. */
        POST
    }

    /**
     * Checks every component is present.
     *
     * @param method {@code PUT} or {@code POST}
     * @param path   relative to the FHIR base URL, or empty for the base
     * @param body   the resource or Bundle
     * @throws NullPointerException if a component is null
     */
    public FhirRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    /**
     * {@code PUT Type/id} of a resource.
     *
     * @param resource the resource, with an id that is a UUID
     * @return the request
     * @throws InvalidInputException if the resource has no resourceType or its id is not a UUID
     */
    public static FhirRequest put(ObjectNode resource) {
        String type = resource.path("resourceType").asText("");
        if (type.isEmpty() || !type.chars().allMatch(Character::isLetter)) {
            throw new InvalidInputException("resourceType", "REQUIRED", "a resource type is required");
        }
        FhirBundles.fullUrl(resource);
        return new FhirRequest(Method.PUT, type + "/" + resource.get("id").asText(), resource);
    }

    /**
     * {@code POST} of a transaction Bundle to the base URL.
     *
     * @param bundle a Bundle of type {@code transaction}
     * @return the request
     * @throws InvalidInputException if the body is not a transaction Bundle
     */
    public static FhirRequest transaction(ObjectNode bundle) {
        if (!"Bundle".equals(bundle.path("resourceType").asText()) || !"transaction".equals(bundle.path("type").asText())) {
            throw new InvalidInputException("bundle", "BUNDLE", "must be a transaction Bundle");
        }
        return new FhirRequest(Method.POST, "", bundle);
    }

    /**
     * The writes that put resources on a server that checks references on write: each resource
     * once, after every resource of the list it references, as {@code PUT Type/id}; resources that
     * reference each other in a cycle together as one transaction of {@code PUT} entries.
     *
     * @param resources the resources, each with a UUID id
     * @return the requests, in the order to send them
     * @throws InvalidInputException if a resource has no valid type or its id is not a UUID
     */
    public static List<FhirRequest> writes(List<ObjectNode> resources) {
        List<FhirRequest> requests = new ArrayList<>();
        for (List<ObjectNode> group : WriteOrder.groups(resources)) {
            requests.add(group.size() == 1 ? put(group.get(0)) : transaction(FhirBundles.transaction(group)));
        }
        return requests;
    }
}
