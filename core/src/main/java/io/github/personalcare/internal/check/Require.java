package io.github.personalcare.internal.check;

import io.github.personalcare.lang.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks shared by every value type: each throws {@link InvalidInputException} naming the field.
 * Free text is limited in size and may not hold control characters other than line breaks and
 * tabs ({@code TEXT} rule), so stored text can always be displayed and exported safely.
 */
public final class Require {
    /** Limit for short text: titles, names of things, reasons (characters). */
    public static final int SHORT_TEXT = 200;
    /** Limit for long text: a person's own words, clinical reasons, descriptions (characters). */
    public static final int LONG_TEXT = 4_000;

    private Require() {
    }

    /** The value must be present. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "REQUIRED", "is required");
        }
        return value;
    }

    /**
     * The date must be present and within {@link io.github.personalcare.lang.CalendarLimits}
     * (rule {@code DATE}). Returns the date unchanged.
     */
    public static java.time.LocalDate date(String field, java.time.LocalDate value) {
        present(field, value);
        if (!io.github.personalcare.lang.CalendarLimits.accepts(value)) {
            throw new InvalidInputException(field, "DATE", "must be from 1900-01-01 to 2199-12-31");
        }
        return value;
    }

    /**
     * Text must be present, not blank, at most {@code maxLength} characters and free of control
     * characters (line feed, carriage return and tab are allowed). Returns the text unchanged.
     */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field, "REQUIRED", "is required");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "REQUIRED", "must not be blank");
        }
        return checkedText(field, value, maxLength);
    }

    /** Like {@link #text} but {@code null} is allowed and gives an empty optional; blank is not. */
    public static Optional<String> optionalText(String field, String value, int maxLength) {
        return value == null ? Optional.empty() : Optional.of(text(field, value, maxLength));
    }

    /** Copies an optional of text, checking its content if present. */
    public static Optional<String> optionalText(String field, Optional<String> value, int maxLength) {
        Objects.requireNonNull(value, field);
        return value.map(v -> text(field, v, maxLength));
    }

    private static String checkedText(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "TEXT", "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, "TEXT", "must not contain control characters");
            }
        }
        return value;
    }

    /** Copies a list, rejecting null elements and lists longer than {@code maxSize}. */
    public static <T> List<T> list(String field, Collection<? extends T> values, int maxSize) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw new InvalidInputException(field, "SIZE", "must have at most " + maxSize + " items");
        }
        for (T v : values) {
            if (v == null) {
                throw new InvalidInputException(field, "REQUIRED", "must not contain empty items");
            }
        }
        return List.copyOf(values);
    }

    /**
     * An unmodifiable copy of a set (empty for {@code null}).
     *
     * @param field  the field, for the error
     * @param values the items
     * @param <T>    the item type
     * @return the copy
     * @throws InvalidInputException naming the field if an item is missing
     */
    public static <T> Set<T> set(String field, Collection<? extends T> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new InvalidInputException(field, "REQUIRED", "must not contain empty items");
            }
        }
        return Set.copyOf(values);
    }
}
