package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.DuplicateKeyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Entries are append-only, ordered per owner, with idempotency keys unique per owner. */
public abstract class EntryLogContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected EntryLogContract() {
    }


    @Test
    void entriesComeBackInAppendOrder() {
        var p = PatientId.random();
        var owner = SampleRecord.of(p, "OPEN");
        storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "a", 1)));
        storage.inTransaction(tx -> {
            tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "b", 2));
            return tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "c", 3));
        });

        var entries = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(owner.id()));
        assertThat(entries).extracting(SampleEntry::key).containsExactly("a", "b", "c");
    }

    @Test
    void aRepeatedIdempotencyKeyIsADuplicateAndStoresNothing() {
        var p = PatientId.random();
        var owner = SampleRecord.of(p, "OPEN");
        storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "k", 1)));

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "k", 99))));
        var entries = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(owner.id()));
        assertThat(entries).extracting(SampleEntry::amount).containsExactly(1L);
    }

    @Test
    void theSameKeyMayBeUsedByDifferentOwners() {
        var p = PatientId.random();
        var a = SampleRecord.of(p, "OPEN");
        var b = SampleRecord.of(p, "OPEN");
        storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).append(new SampleEntry(a.id(), p, "k", 1)));
        storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).append(new SampleEntry(b.id(), p, "k", 2)));

        var result1 = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).findByKey(b.id(), "k"));
        assertThat(result1)
                .hasValueSatisfying(e -> assertThat(e.amount()).isEqualTo(2));
    }

    @Test
    void findByKeySeesUncommittedOwnAppends() {
        var p = PatientId.random();
        var owner = SampleRecord.of(p, "OPEN");
        boolean seen = storage.inTransaction(tx -> {
            tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "k", 1));
            return tx.entries(SampleEntry.TYPE).findByKey(owner.id(), "k").isPresent();
        });
        assertThat(seen).isTrue();
    }
}
