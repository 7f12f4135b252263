package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.EntryType;

import java.util.Objects;

/**
 * An append-only entry used only by the contract suite, owned by a {@link SampleRecord}. A storage
 * adapter must be able to store {@link #TYPE}.
 *
 * @param owner   the record it belongs to
 * @param patient the owner's patient
 * @param key     the idempotency key, unique per owner
 * @param amount  a number the contract sums
 */
public record SampleEntry(SampleRecord.Id owner, PatientId patient, String key, long amount) {
    /**
     * Checks the owner, patient and key are present.
     *
     * @param owner   the record it belongs to
     * @param patient the owner's patient
     * @param key     the idempotency key, unique per owner
     * @param amount  a number the contract sums
     * @throws NullPointerException if the owner, patient or key is null
     */
    public SampleEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(key, "key");
    }

    /** The storage description. */
    public static final EntryType<SampleEntry> TYPE = new EntryType<>(
            "sample_entry", SampleEntry.class, SampleEntry::owner, SampleEntry::patient, SampleEntry::key);
}
