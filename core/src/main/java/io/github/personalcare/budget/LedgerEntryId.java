package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of one {@link LedgerEntry}. */
public record LedgerEntryId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public LedgerEntryId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static LedgerEntryId random() {
        return new LedgerEntryId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static LedgerEntryId parse(String text) {
        return new LedgerEntryId(RecordId.uuid("ledgerEntryId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
