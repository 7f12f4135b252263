package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a review task raised on a budget (R23). */
public record ReviewTaskId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public ReviewTaskId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static ReviewTaskId random() {
        return new ReviewTaskId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static ReviewTaskId parse(String text) {
        return new ReviewTaskId(RecordId.uuid("reviewTaskId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
