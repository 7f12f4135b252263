package io.github.personalcare.fhir.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server answered to a create or an update: where the resource now is and at which
 * version.
 *
 * @param status       the HTTP status: 201 created, 200 updated (or found, for a conditional
 *                     create that matched an existing resource)
 * @param resourceType the type of the resource written
 * @param id           its id on the server (the server's choice for a create)
 * @param versionId    its new version, from {@code ETag} or {@code Location}, if the server said
 * @param resource     the resource as stored, if the server returned it
 */
public record WriteResult(int status, String resourceType, String id, Optional<String> versionId,
                          Optional<ObjectNode> resource) {
    /**
     * Checks every component is present.
     *
     * @param status       the HTTP status
     * @param resourceType the type written
     * @param id           the id on the server
     * @param versionId    the new version, if known
     * @param resource     the stored resource, if returned
     * @throws NullPointerException if a component is null
     */
    public WriteResult {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(resource, "resource");
    }

    /** {@return whether the server created a new resource (201) rather than updating or finding one} */
    public boolean created() {
        return status == 201;
    }
}
