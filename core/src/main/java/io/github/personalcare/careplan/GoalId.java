package io.github.personalcare.careplan;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a goal in a care plan; actions link to goals by it, and it stays the same across versions. */
public record GoalId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public GoalId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static GoalId random() {
        return new GoalId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static GoalId parse(String text) {
        return new GoalId(RecordId.uuid("goalId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
