package io.github.personalcare.prescription;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/**
 * Internal id of a repeat medicine; not personal, may be logged.
 *
 * @param value the UUID
 */
public record RepeatMedicineId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public RepeatMedicineId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static RepeatMedicineId random() {
        return new RepeatMedicineId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static RepeatMedicineId parse(String text) {
        return new RepeatMedicineId(RecordId.uuid("repeatMedicineId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
