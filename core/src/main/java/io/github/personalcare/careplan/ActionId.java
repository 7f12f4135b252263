package io.github.personalcare.careplan;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of an action in a care plan; it stays the same across versions so changes can be traced. */
public record ActionId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public ActionId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static ActionId random() {
        return new ActionId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its 36-character text form
     * @return the id
     * @throws io.github.personalcare.lang.InvalidInputException if {@code text} is not a UUID
     */
    public static ActionId parse(String text) {
        return new ActionId(RecordId.uuid("actionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
