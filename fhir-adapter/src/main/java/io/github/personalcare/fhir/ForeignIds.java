package io.github.personalcare.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Ids of resources written by other systems. FHIR allows any id of 1 to 64 letters, digits, '-' and
 * '.'; the SDK's ids are UUIDs. The stated rule: a UUID id is kept as it is; any other id of a
 * resource of type {@code T} is read as the name-based UUID (RFC 4122 version 3) of {@code T/id}, so
 * the same foreign resource always gets the same SDK id, and a reference {@code T/id} to it reads
 * as that same id. Each derived id is reported as a warning ({@code ID_DERIVED}) at its path; an id
 * that is not a FHIR id at all is an error ({@code ID}).
 */
final class ForeignIds {
    // Read by hand, not by regular expression: every id and reference of an import passes here.
    private static final int UUID_LENGTH = 36;

    private ForeignIds() {
    }

    /** The resource's own id as the text of a UUID; empty after an error if it is missing or not a FHIR id. */
    static Optional<String> id(FhirElement resource, String type) {
        // Missing is its own code: FHIR leaves the id out only of a create request, which an import is not.
        return resource.requiredText("id", "ID_MISSING").flatMap(id -> {
            if (!isFhirId(id)) {
                resource.problem("id", "ID", "must be a FHIR id: 1 to 64 letters, digits, '-' or '.'");
                return Optional.empty();
            }
            return Optional.of(uuid(resource, "id", type, id));
        });
    }

    /**
     * The UUID text for the id {@code id} of a resource of {@code type} (read at {@code at.name}):
     * the id itself if it is a UUID or not a FHIR id (the id's own parse then reports it), else the
     * derived UUID, with a warning.
     */
    static String uuid(FhirElement at, String name, String type, String id) {
        if (isUuid(id) || !isFhirId(id)) {
            return id;
        }
        at.warning(name, "ID_DERIVED", "is not a UUID: the SDK id is the name-based UUID of " + type + "/<id>");
        return derived(type, id).toString();
    }

    /** {@return whether {@code text} is the text of a UUID} */
    static boolean isUuid(String text) {
        // 8-4-4-4-12 hexadecimal digits, either case
        if (text.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@return whether {@code id} is a FHIR id: 1 to 64 letters, digits, '-' or '.'} */
    static boolean isFhirId(String id) {
        int n = id.length();
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The UUID text the rule gives the FHIR id {@code id} of a {@code type}: the id if a UUID, else derived; no warning. */
    static String uuidText(String type, String id) {
        return isUuid(id) ? id : derived(type, id).toString();
    }

    /** The name-based UUID the rule gives a non-UUID id. */
    static UUID derived(String type, String id) {
        return UUID.nameUUIDFromBytes((type + "/" + id).getBytes(StandardCharsets.UTF_8));
    }
}
