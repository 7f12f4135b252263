package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

/**
 * A code from e-RS reference data explaining a rejection or cancellation (sets
 * {@code APPOINTMENT-CANCELLATION-REASON}, {@code REFERRAL-CANCELLATION-REASON}): 1 to 64
 * uppercase letters, digits and underscores. The SDK does not hold the reference data; the
 * supplier validates the code against its current copy.
 */
public record ReasonCode(String code) {
    /**
     * Checks the code.
     *
     * @param code 1 to 64 uppercase letters, digits and underscores
     * @throws InvalidInputException if missing or not of that form
     */
    public ReasonCode {
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException("reason", "REQUIRED", "is required");
        }
        if (code.length() > 64 || !code.matches("[A-Z0-9_]+")) {
            throw new InvalidInputException("reason", "CODE", "must be 1 to 64 uppercase letters, digits or '_'");
        }
    }

    /**
     * Reads a reason code.
     *
     * @param code 1 to 64 uppercase letters, digits and underscores
     * @return the reason code
     * @throws InvalidInputException if missing or not of that form
     */
    public static ReasonCode of(String code) {
        return new ReasonCode(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
