package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

/**
 * The specialty a referral is for, as a code from the supplier's directory (for example
 * {@code "CARDIOLOGY"}, the e-RS specialty codes): 1 to 64 uppercase letters, digits and
 * underscores, starting with a letter.
 */
public record Specialty(String code) {
    /**
     * Checks the code.
     *
     * @param code 1 to 64 uppercase letters, digits and underscores, starting with a letter
     * @throws InvalidInputException if the code is missing or not of that form
     */
    public Specialty {
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException("specialty", "REQUIRED", "is required");
        }
        if (code.length() > 64 || !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new InvalidInputException("specialty", "CODE", "must be 1 to 64 uppercase letters, digits or '_'");
        }
    }

    /**
     * Reads a specialty code.
     *
     * @param code 1 to 64 uppercase letters, digits and underscores, starting with a letter
     * @return the specialty
     * @throws InvalidInputException if the code is missing or not of that form
     */
    public static Specialty of(String code) {
        return new Specialty(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
