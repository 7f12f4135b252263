package io.github.personalcare.consent;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a {@link ConsentRecord}; decisions name it as {@code "Consent/<id>"}. */
public record ConsentId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public ConsentId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static ConsentId parse(String text) {
        return new ConsentId(RecordId.uuid("consentId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
