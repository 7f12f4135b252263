package io.github.personalcare.careplan;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a goal in a care plan; actions link to goals by it, and it stays the same across versions. */
public record GoalId(UUID value) implements RecordId {
    public GoalId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static GoalId random() {
        return new GoalId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static GoalId parse(String text) {
        return new GoalId(RecordId.uuid("goalId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
