package io.github.personalcare.identity;

import java.util.UUID;

/**
 * An internal, non-personal identifier of a stored record ({@code CarePlanId}, {@code PatientId}).
 * Internal ids may be logged; NHS numbers and names may not.
 */
public interface RecordId {
    /** The UUID behind the id. */
    UUID value();

    /** Parses a UUID, naming the field when it is malformed. */
    static UUID uuid(String field, String text) {
        if (text == null) {
            throw new io.github.personalcare.lang.InvalidInputException(field, "ID", "is required");
        }
        try {
            UUID u = UUID.fromString(text);
            if (!u.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new io.github.personalcare.lang.InvalidInputException(field, "ID", "must be a UUID");
        }
    }
}
