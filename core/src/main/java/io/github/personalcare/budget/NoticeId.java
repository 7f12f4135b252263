package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a written notice of reduction or repayment (R24). */
public record NoticeId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public NoticeId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static NoticeId random() {
        return new NoticeId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static NoticeId parse(String text) {
        return new NoticeId(RecordId.uuid("noticeId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
