package io.github.personalcare.careteam;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a patient's care team. */
public record CareTeamId(UUID value) implements RecordId {
    public CareTeamId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static CareTeamId random() {
        return new CareTeamId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static CareTeamId parse(String text) {
        return new CareTeamId(RecordId.uuid("careTeamId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
