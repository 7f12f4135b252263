package io.github.personalcare.identity;

import java.util.UUID;

/**
 * An internal, non-personal identifier of a stored record ({@code CarePlanId}, {@code PatientId}).
 * Internal ids may be logged; NHS numbers and names may not.
 */
public interface RecordId {
    /** {@return the UUID behind the id} */
    UUID value();

    /**
     * Parses a UUID, naming the field when it is malformed.
     *
     * @param field the name of the input, used in the exception
     * @param text a UUID in its canonical text form (lower or upper case)
     * @return the UUID
     * @throws io.github.personalcare.lang.InvalidInputException if {@code text} is null or not a
     *                                                           canonical UUID
     */
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
