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
 * A small aggregate used only by the contract suite, with one index of each kind, so that the suite
 * proves the storage mechanics independently of any domain aggregate. A storage adapter must be
 * able to store {@link #TYPE} (the JDBC adapter ships a test migration for it).
 *
 * @param id      its id
 * @param patient its patient
 * @param status  the text index
 * @param due     the date index, if set
 * @param amount  the number index
 * @param flagged the boolean index
 * @param text    free text, not indexed
 */
public record SampleRecord(Id id, PatientId patient, String status, Optional<LocalDate> due, long amount,
        boolean flagged, String text) {

    /**
     * Its id.
     *
     * @param value the UUID
     */
    public record Id(UUID value) implements RecordId {
        /**
         * Checks the id is present.
         *
         * @param value the UUID
         * @throws NullPointerException if {@code value} is null
         */
        public Id {
            Objects.requireNonNull(value, "value");
        }

        /** {@return a new random id} */
        public static Id random() {
            return new Id(UUID.randomUUID());
        }
    }

    /**
     * Checks the id, patient, status and text are present; an absent due date becomes empty.
     *
     * @param id      its id
     * @param patient its patient
     * @param status  the text index
     * @param due     the date index, if set
     * @param amount  the number index
     * @param flagged the boolean index
     * @param text    free text, not indexed
     * @throws NullPointerException if the id, patient, status or text is null
     */
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

    /**
     * A new record for the patient.
     *
     * @param patient the patient
     * @param status  the status
     * @return the record, with a new id, no due date, amount 0, not flagged and empty text
     */
    public static SampleRecord of(PatientId patient, String status) {
        return new SampleRecord(Id.random(), patient, status, Optional.empty(), 0, false, "");
    }

    /**
     * A copy with another status.
     *
     * @param newStatus the status
     * @return the copy
     */
    public SampleRecord withStatus(String newStatus) {
        return new SampleRecord(id, patient, newStatus, due, amount, flagged, text);
    }

    /**
     * A copy with another due date.
     *
     * @param date the due date, or null for none
     * @return the copy
     */
    public SampleRecord withDue(LocalDate date) {
        return new SampleRecord(id, patient, status, Optional.ofNullable(date), amount, flagged, text);
    }

    /**
     * A copy with another amount.
     *
     * @param value the amount
     * @return the copy
     */
    public SampleRecord withAmount(long value) {
        return new SampleRecord(id, patient, status, due, value, flagged, text);
    }

    /**
     * A copy flagged or not.
     *
     * @param value whether it is flagged
     * @return the copy
     */
    public SampleRecord withFlagged(boolean value) {
        return new SampleRecord(id, patient, status, due, amount, value, text);
    }

    /**
     * A copy with other text.
     *
     * @param value the text
     * @return the copy
     * @throws NullPointerException if {@code value} is null
     */
    public SampleRecord withText(String value) {
        return new SampleRecord(id, patient, status, due, amount, flagged, value);
    }
}
