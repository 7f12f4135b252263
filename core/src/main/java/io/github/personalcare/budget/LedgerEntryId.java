package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of one {@link LedgerEntry}. */
public record LedgerEntryId(UUID value) implements RecordId {
    public LedgerEntryId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static LedgerEntryId random() {
        return new LedgerEntryId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static LedgerEntryId parse(String text) {
        return new LedgerEntryId(RecordId.uuid("ledgerEntryId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
