package io.github.personalcare.careteam;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of one membership of a care team (a person may have several over time). */
public record MemberId(UUID value) implements RecordId {
    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static MemberId parse(String text) {
        return new MemberId(RecordId.uuid("memberId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
