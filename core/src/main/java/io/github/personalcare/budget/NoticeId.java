package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a written notice of reduction or repayment (R24). */
public record NoticeId(UUID value) implements RecordId {
    public NoticeId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static NoticeId random() {
        return new NoticeId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static NoticeId parse(String text) {
        return new NoticeId(RecordId.uuid("noticeId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
