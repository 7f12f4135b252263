package io.github.personalcare.careplan;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a personalised care and support plan (all its versions share it). */
public record CarePlanId(UUID value) implements RecordId {
    public CarePlanId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static CarePlanId random() {
        return new CarePlanId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static CarePlanId parse(String text) {
        return new CarePlanId(RecordId.uuid("carePlanId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
