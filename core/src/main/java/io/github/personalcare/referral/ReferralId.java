package io.github.personalcare.referral;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a referral; not personal, may be logged. The patient-facing key is the {@code Ubrn}. */
public record ReferralId(UUID value) implements RecordId {
    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static ReferralId parse(String text) {
        return new ReferralId(RecordId.uuid("referralId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
