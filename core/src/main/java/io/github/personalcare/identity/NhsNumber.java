package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;

/**
 * A valid NHS number: 10 digits whose last is the Modulus 11 check digit of the first nine (R1).
 *
 * <p>{@link #parse} accepts the display form {@code "943 476 5870"} and hyphenated forms; it
 * rejects anything else with an {@link InvalidInputException} naming the rule, never the value.
 * A passing check digit does not prove the number exists or belongs to the person: verification
 * against PDS is recorded separately ({@link NhsNumberVerification}).
 *
 * <p>{@link #toString()} masks all but the last four digits, so an accidental log line leaks
 * nothing; {@link #value()} gives the full number for storage and exchange.
 */
public record NhsNumber(String value) {
    private static final String FIELD = "nhsNumber";

    /**
     * Validates the 10-digit canonical form; use {@link #parse} for spaced or hyphenated input.
     *
     * @param value the 10 digits, without spaces or hyphens
     * @throws InvalidInputException if {@code value} is missing, not 10 digits, or its check digit
     *                               is wrong (R1)
     */
    public NhsNumber {
        if (value == null) {
            throw new InvalidInputException(FIELD, "R1", "is required");
        }
        check(value);
    }

    /**
     * Reads an NHS number, ignoring spaces and hyphens ({@code "943 476 5870"}).
     *
     * @param text the number, with or without spaces and hyphens
     * @return the NHS number
     * @throws InvalidInputException if the input is not 10 digits or the check digit is wrong (R1)
     */
    public static NhsNumber parse(String text) {
        if (text == null) {
            throw new InvalidInputException(FIELD, "R1", "is required");
        }
        return new NhsNumber(strip(text));
    }

    /**
     * Like {@link #parse} but returns an empty optional for anything that is not valid.
     *
     * @param text the number, with or without spaces and hyphens; may be null
     * @return the NHS number, or empty if {@code text} is null or not a valid NHS number
     */
    public static Optional<NhsNumber> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = strip(text);
        return problem(digits) == null ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    /**
     * True if {@code text} (spaces and hyphens ignored) is a valid NHS number.
     *
     * @param text the number, with or without spaces and hyphens; may be null
     * @return whether {@code text} passes the R1 checks
     */
    public static boolean isValid(String text) {
        return text != null && problem(strip(text)) == null;
    }

    /**
     * The Modulus 11 check digit for nine leading digits, or -1 when no check digit exists (the
     * computed check is 10, so no number starting with these digits is valid).
     *
     * @param nineDigits the first nine digits of an NHS number
     * @return the check digit, 0 to 9, or -1 if these digits have none
     * @throws InvalidInputException if {@code nineDigits} is not exactly nine digits
     */
    public static int checkDigitFor(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9) {
            throw new InvalidInputException("nineDigits", "R1", "must be 9 digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = nineDigits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException("nineDigits", "R1", "must be 9 digits");
            }
            sum += (c - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /**
     * {@return the number in the display form {@code "943 476 5870"}} Personal data: do not log it.
     */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    /** Masked form {@code "*** *** 5870"}: safe for logs and exception messages. */
    @Override
    public String toString() {
        return "*** *** " + value.substring(6);
    }

    private static String strip(String text) {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void check(String digits) {
        String problem = problem(digits);
        if (problem != null) {
            throw new InvalidInputException(FIELD, "R1", problem);
        }
    }

    private static String problem(String digits) {
        if (digits.length() != 10) {
            return "must be exactly 10 digits";
        }
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return "must be exactly 10 digits";
            }
        }
        int expected = checkDigitFor(digits.substring(0, 9));
        if (expected < 0) {
            return "has no valid check digit (Modulus 11 gives 10)";
        }
        if (expected != digits.charAt(9) - '0') {
            return "check digit does not match";
        }
        return null;
    }
}
