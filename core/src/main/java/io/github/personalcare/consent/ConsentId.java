package io.github.personalcare.consent;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a {@link ConsentRecord}; decisions name it as {@code "Consent/<id>"}. */
public record ConsentId(UUID value) implements RecordId {
    public ConsentId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static ConsentId parse(String text) {
        return new ConsentId(RecordId.uuid("consentId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
