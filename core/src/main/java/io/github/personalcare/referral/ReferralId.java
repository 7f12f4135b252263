package io.github.personalcare.referral;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a referral; not personal, may be logged. The patient-facing key is the {@code Ubrn}. */
public record ReferralId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static ReferralId parse(String text) {
        return new ReferralId(RecordId.uuid("referralId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
