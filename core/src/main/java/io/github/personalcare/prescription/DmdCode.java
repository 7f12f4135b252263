package io.github.personalcare.prescription;

import io.github.personalcare.lang.InvalidInputException;

/**
 * A dm+d code: the SNOMED CT identifier (SCTID) of a medicine in the NHS Dictionary of Medicines
 * and Devices (a VTM, VMP, AMP, VMPP or AMPP concept), such as {@code "42109611000001109"}. dm+d
 * concepts are SNOMED CT concepts, so the code has the SCTID format: 6 to 18 digits, no leading
 * zero, the last digit a Verhoeff check digit over the others, and a concept's partition
 * identifier ({@code 00} for the core, {@code 10} for an extension) in the second and third
 * digits from the right. Codes are not personal and may be logged.
 *
 * @param value the code's digits
 */
public record DmdCode(String value) {
    /** The FHIR system of dm+d codes in UK Core. */
    public static final String SYSTEM = "https://dmd.nhs.uk";

    private static final int[][] D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    /**
     * Checks the SCTID format.
     *
     * @param value 6 to 18 digits, no leading zero, a concept partition and a valid Verhoeff check digit
     * @throws InvalidInputException with rule {@code DMD} naming field {@code dmdCode} otherwise
     */
    public DmdCode {
        if (value == null) {
            throw new InvalidInputException("dmdCode", "REQUIRED", "is required");
        }
        if (value.length() < 6 || value.length() > 18) {
            throw new InvalidInputException("dmdCode", "DMD", "must be 6 to 18 digits (a SNOMED CT identifier)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException("dmdCode", "DMD", "must be digits only (a SNOMED CT identifier)");
            }
        }
        if (value.charAt(0) == '0') {
            throw new InvalidInputException("dmdCode", "DMD", "must not start with 0 (a SNOMED CT identifier)");
        }
        char partition = value.charAt(value.length() - 2);
        char format = value.charAt(value.length() - 3);
        if (partition != '0' || (format != '0' && format != '1')) {
            throw new InvalidInputException("dmdCode", "DMD", "must identify a concept (partition 00 or 10)");
        }
        if (!verhoeffValid(value)) {
            throw new InvalidInputException("dmdCode", "DMD", "has a wrong check digit (Verhoeff)");
        }
    }

    /**
     * Reads a dm+d code.
     *
     * @param value 6 to 18 digits with a valid Verhoeff check digit
     * @return the code
     * @throws InvalidInputException if it is not a SNOMED CT concept identifier
     */
    public static DmdCode of(String value) {
        return new DmdCode(value);
    }

    /**
     * Whether the last digit is the Verhoeff check digit of the others.
     *
     * @param digits a string of decimal digits
     * @return true if the check digit is right
     */
    static boolean verhoeffValid(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            c = D[c][P[i % 8][d]];
        }
        return c == 0;
    }

    /**
     * The Verhoeff check digit to append to a payload of digits (for test data and fixtures).
     *
     * @param payload the digits before the check digit
     * @return the check digit, 0 to 9
     */
    static int verhoeffDigit(String payload) {
        int c = 0;
        for (int i = 0; i < payload.length(); i++) {
            int d = payload.charAt(payload.length() - 1 - i) - '0';
            c = D[c][P[(i + 1) % 8][d]];
        }
        return INV[c];
    }

    private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    @Override
    public String toString() {
        return value;
    }
}
