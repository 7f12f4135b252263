package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Unique Booking Reference Number of an e-Referral: exactly 12 digits, unique per referral (R4).
 * Spaces are ignored on input ({@code "0000 4000 0001"}).
 */
public record Ubrn(String value) {
    /**
     * @param value the 12 digits, without spaces
     * @throws InvalidInputException unless exactly 12 digits (R4)
     */
    public Ubrn {
        if (value == null) {
            throw new InvalidInputException("ubrn", "R4", "is required");
        }
        if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("ubrn", "R4", "must be exactly 12 digits");
        }
    }

    /**
     * Reads a UBRN, ignoring spaces.
     *
     * @param text the UBRN, spaces allowed
     * @return the UBRN
     * @throws InvalidInputException unless it is exactly 12 digits once spaces are removed (R4)
     */
    public static Ubrn parse(String text) {
        if (text == null) {
            throw new InvalidInputException("ubrn", "R4", "is required");
        }
        return new Ubrn(text.replace(" ", ""));
    }

    /**
     * Like {@link #parse} but returns an empty optional for anything that is not 12 digits.
     *
     * @param text the UBRN, spaces allowed; may be null
     * @return the UBRN, or empty if {@code text} is null or not 12 digits
     */
    public static Optional<Ubrn> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /**
     * A new random UBRN; uniqueness is enforced by storage, which retries on collision.
     *
     * @param random the source of the digits
     * @return a UBRN of 12 random digits
     */
    public static Ubrn generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return new Ubrn(sb.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
