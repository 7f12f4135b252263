package io.github.personalcare.careteam;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a patient's care team. */
public record CareTeamId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public CareTeamId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static CareTeamId random() {
        return new CareTeamId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static CareTeamId parse(String text) {
        return new CareTeamId(RecordId.uuid("careTeamId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
