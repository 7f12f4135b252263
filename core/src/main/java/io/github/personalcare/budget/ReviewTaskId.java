package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a review task raised on a budget (R23). */
public record ReviewTaskId(UUID value) implements RecordId {
    public ReviewTaskId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ReviewTaskId random() {
        return new ReviewTaskId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static ReviewTaskId parse(String text) {
        return new ReviewTaskId(RecordId.uuid("reviewTaskId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
