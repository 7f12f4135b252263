package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a patient: every stored row carries it, and it is what storage shards by. */
public record PatientId(UUID value) implements RecordId {
    /**
     * The id of no patient (all zeros), under which directory data that must be stored where a
     * patient id is required is kept, such as published appointment slots. No patient has it; a
     * transaction may write it beside one patient's data ({@link io.github.personalcare.spi.PatientScope}),
     * and a sharded store keeps it in a shared, unsharded place.
     */
    public static final PatientId NONE = new PatientId(new UUID(0L, 0L));

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
