package io.github.personalcare.messaging;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/**
 * Internal id of a message; not personal, may be logged.
 *
 * @param value the UUID
 */
public record MessageId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static MessageId parse(String text) {
        return new MessageId(RecordId.uuid("messageId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
