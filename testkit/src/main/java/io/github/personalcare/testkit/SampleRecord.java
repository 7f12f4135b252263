package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A small aggregate used only by the contract suite, with one index of each kind, so that the
 * suite proves the storage mechanics independently of any domain aggregate. A storage adapter
 * must be able to store {@link #TYPE} (the JDBC adapter ships a test migration for it).
 */
public record SampleRecord(Id id, PatientId patient, String status, Optional<LocalDate> due, long amount,
        boolean flagged, String text) {

    /** Its id. */
    public record Id(UUID value) implements RecordId {
        public Id {
            Objects.requireNonNull(value, "value");
        }

        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    public SampleRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(status, "status");
        due = due == null ? Optional.empty() : due;
        Objects.requireNonNull(text, "text");
    }

    /** The storage description, with text, date, number and boolean indexes. */
    public static final AggregateType<Id, SampleRecord> TYPE = new AggregateType<>(
            "sample_record", SampleRecord.class, SampleRecord::id, SampleRecord::patient,
            List.of(Index.text("status", SampleRecord::status),
                    Index.date("due", r -> r.due().orElse(null)),
                    Index.number("amount", SampleRecord::amount),
                    Index.bool("flagged", SampleRecord::flagged)));

    /** A new record for the patient. */
    public static SampleRecord of(PatientId patient, String status) {
        return new SampleRecord(Id.random(), patient, status, Optional.empty(), 0, false, "");
    }

    public SampleRecord withStatus(String newStatus) {
        return new SampleRecord(id, patient, newStatus, due, amount, flagged, text);
    }

    public SampleRecord withDue(LocalDate date) {
        return new SampleRecord(id, patient, status, Optional.ofNullable(date), amount, flagged, text);
    }

    public SampleRecord withAmount(long value) {
        return new SampleRecord(id, patient, status, due, value, flagged, text);
    }

    public SampleRecord withFlagged(boolean value) {
        return new SampleRecord(id, patient, status, due, amount, value, text);
    }

    public SampleRecord withText(String value) {
        return new SampleRecord(id, patient, status, due, amount, flagged, value);
    }
}
