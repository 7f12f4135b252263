package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a patient: every stored row carries it, and it is what storage shards by. */
public record PatientId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static PatientId parse(String text) {
        return new PatientId(RecordId.uuid("patientId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
