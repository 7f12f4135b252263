package io.github.personalcare.identity;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a patient: every stored row carries it, and it is what storage shards by. */
public record PatientId(UUID value) implements RecordId {
    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static PatientId parse(String text) {
        return new PatientId(RecordId.uuid("patientId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
