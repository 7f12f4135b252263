package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * An Organisation Data Service code for an organisation or site, such as {@code A81001} (a GP
 * practice), {@code RH8} (a trust) or {@code RH802} (one of its sites): 3 to 9 uppercase letters
 * and digits (R5). The type of organisation is looked up in ODS, never inferred from the length.
 *
 * <p>{@link #kind()} says whether the code was given as an organisation code or as a site code,
 * so that it is passed on the way it was received (R5); codes are organisation codes unless made
 * with {@link #site}. Two codes are equal when their values are, whatever their kind: ODS gives
 * each organisation and each site its own code, so the value alone names it, and a practice
 * received as a site code is the same practice a professional works at.
 */
public record OdsCode(String value, Kind kind) {
    /** Whether an ODS code is an organisation's or a site's (R5). */
    public enum Kind {
        /** The code of an organisation, such as a trust or a GP practice. */
        ORGANISATION,
        /** The code of a site of an organisation, such as a hospital of a trust. */
        SITE
    }

    /**
     * Checks the code; a {@code null} kind is an organisation code, as every code was before sites
     * were told apart (so records stored then read back unchanged).
     *
     * @param value the code, such as {@code A81001}
     * @param kind  organisation or site
     * @throws InvalidInputException if the code is blank, not uppercase alphanumeric or not 3–9 long (R5)
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
        if (kind == null) {
            kind = Kind.ORGANISATION;
        }
    }

    /**
     * An organisation code; same rules as the canonical constructor.
     *
     * @param value the code, such as {@code A81001}
     * @throws InvalidInputException if the code is blank, not uppercase alphanumeric or not 3–9 long (R5)
     */
    public OdsCode(String value) {
        this(value, Kind.ORGANISATION);
    }

    /**
     * Reads an organisation code; same rules as the constructor.
     *
     * @param value the code, such as {@code A81001}
     * @return the ODS code
     * @throws InvalidInputException if the code is blank, not uppercase alphanumeric or not 3–9 long (R5)
     */
    public static OdsCode of(String value) {
        return new OdsCode(value);
    }

    /**
     * Reads a site code; same rules as the constructor.
     *
     * @param value the site code, such as {@code RH802}
     * @return the ODS code, of kind {@link Kind#SITE}
     * @throws InvalidInputException if the code is blank, not uppercase alphanumeric or not 3–9 long (R5)
     */
    public static OdsCode site(String value) {
        return new OdsCode(value, Kind.SITE);
    }

    /** True if the other is an ODS code with the same value, whatever the kinds (see the class comment). */
    @Override
    public boolean equals(Object other) {
        return other instanceof OdsCode code && value.equals(code.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
