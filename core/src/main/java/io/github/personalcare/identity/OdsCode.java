package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * An Organisation Data Service code for an organisation or site, such as {@code A81001} (a GP
 * practice) or {@code RH8} (a trust): 3 to 9 uppercase letters and digits (R5). The type of
 * organisation is looked up in ODS, never inferred from the length.
 */
public record OdsCode(String value) {
    /** @throws InvalidInputException if the code is blank, not uppercase alphanumeric or not 3–9 long (R5) */
    public OdsCode {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("odsCode", "R5", "is required");
        }
        if (value.length() < 3 || value.length() > 9) {
            throw new InvalidInputException("odsCode", "R5", "must be 3 to 9 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new InvalidInputException("odsCode", "R5", "must be uppercase letters and digits");
            }
        }
    }

    /** Reads an ODS code; same rules as the constructor. */
    public static OdsCode of(String value) {
        return new OdsCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
