package io.github.personalcare.careteam;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of one membership of a care team (a person may have several over time). */
public record MemberId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static MemberId parse(String text) {
        return new MemberId(RecordId.uuid("memberId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
