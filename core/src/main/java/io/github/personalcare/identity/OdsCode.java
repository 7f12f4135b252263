package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * An Organisation Data Service code for an organisation or site, such as {@code A81001} (a GP
 * practice) or {@code RH8} (a trust): 3 to 9 uppercase letters and digits (R5). The type of
 * organisation is looked up in ODS, never inferred from the length.
 */
public record OdsCode(String value) {
    /**
     * Checks the code (R5).
     *
     * @param value the code, such as {@code A81001}
     * @throws InvalidInputException if the code is blank, not uppercase letters and digits, or not
     *                               3 to 9 characters long (R5)
     */
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

    /**
     * Reads an ODS code; same rules as the constructor.
     *
     * @param value the code, such as {@code A81001}
     * @return the ODS code
     * @throws InvalidInputException if the code breaks R5
     */
    public static OdsCode of(String value) {
        return new OdsCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
