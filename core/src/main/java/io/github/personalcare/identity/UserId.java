package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * Identifier of a person acting in the supplier's system who is not the patient: a professional's
 * user id (SDS user id or the supplier's own), a carer's account id. Internal and not personal:
 * 1–64 letters, digits, '.', '_', '-' or ':'.
 */
public record UserId(String value) {
    /**
     * Checks the id.
     *
     * @param value 1 to 64 letters, digits, '.', '_', '-' or ':'
     * @throws InvalidInputException if {@code value} is missing, too long or has another character
     */
    public UserId {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new InvalidInputException("userId", "ID", "must be 1 to 64 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == ':';
            if (!ok) {
                throw new InvalidInputException("userId", "ID", "must be letters, digits, '.', '_', '-' or ':'");
            }
        }
    }

    /**
     * Reads a user id.
     *
     * @param value 1 to 64 letters, digits, '.', '_', '-' or ':'
     * @return the user id
     * @throws InvalidInputException if {@code value} breaks those limits
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
