package io.github.personalcare.feedback;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/**
 * Internal id of an feedback response; not personal, may be logged.
 *
 * @param value the UUID
 */
public record FeedbackId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public FeedbackId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static FeedbackId random() {
        return new FeedbackId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static FeedbackId parse(String text) {
        return new FeedbackId(RecordId.uuid("feedbackId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
