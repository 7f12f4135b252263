package io.github.personalcare.careplan;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a personalised care and support plan (all its versions share it). */
public record CarePlanId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public CarePlanId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static CarePlanId random() {
        return new CarePlanId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static CarePlanId parse(String text) {
        return new CarePlanId(RecordId.uuid("carePlanId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
