package io.github.personalcare.econsult;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/**
 * Internal id of an e-consultation; not personal, may be logged.
 *
 * @param value the UUID
 */
public record EconsultationId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public EconsultationId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static EconsultationId random() {
        return new EconsultationId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static EconsultationId parse(String text) {
        return new EconsultationId(RecordId.uuid("econsultationId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
