package io.github.personalcare.appointment;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a schedule; not personal, may be logged. */
public record ScheduleId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static ScheduleId random() {
        return new ScheduleId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws io.github.personalcare.lang.InvalidInputException if {@code text} is missing or not a UUID
     */
    public static ScheduleId parse(String text) {
        return new ScheduleId(RecordId.uuid("scheduleId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
