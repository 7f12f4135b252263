package io.github.personalcare.jdbc;

import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Query;
import io.github.personalcare.testkit.SampleEntry;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hostile text is stored as data or refused with a typed error before anything is written:
 * quotes and SQL fragments round-trip (every value is a bound parameter), 100 KB of Unicode
 * round-trips exactly, and U+0000, which PostgreSQL text and jsonb cannot hold, is refused with
 * {@link InvalidInputException} on both dialects so that data stays portable between them.
 */
abstract class BadInputScenarios {
    static final String SQL = "O'Brien \"quoted\" '); DROP TABLE sample_record; -- \\ %_ ' OR '1'='1";

    abstract TestDatabases.TestStorage open();

    private TestDatabases.TestStorage storage;

    @BeforeEach
    void openStorage() {
        storage = open();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** About 100 KB of UTF-8: Latin accents, Greek, CJK, Arabic (right to left), emoji and combining marks. */
    static String hundredKilobytesOfUnicode() {
        String piece = "Zo\u00eb \u00c5ngstr\u00f6m \u03a9\u03bc\u03ad\u03b3\u03b1 \u4e2d\u6587\u5b57 "
                + "\u0645\u0631\u062d\u0628\u0627 \ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08 e\u0301 \u00a0\t\n";
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 100_000) {
            sb.append(piece);
        }
        return sb.toString();
    }

    private static AuditEvent audit(PatientId patient) {
        return new AuditEvent(UUID.randomUUID(), Instant.parse("2026-01-01T10:00:00Z"), "system:test", Purpose.DIRECT_CARE,
                "test.write", Optional.of(patient), Optional.empty(), AuditOutcome.SUCCESS, "TEST", Optional.empty(), "c1");
    }

    @Test
    void quotesAndSqlFragmentsInDocumentsAndIndexesAreStoredAsData() {
        var record = SampleRecord.of(PatientId.random(), SQL).withText(SQL);
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        storage.inTransaction(tx -> {
            var store = tx.aggregates(SampleRecord.TYPE);
            assertThat(store.get(record.id()).value()).isEqualTo(record);
            assertThat(store.query(Query.where("status").is(SQL))).extracting(v -> v.value().id()).containsExactly(record.id());
            assertThat(store.query(Query.where("status").is("' OR '1'='1"))).isEmpty();
            return null;
        });
    }

    @Test
    void quotesAndSqlFragmentsInIdempotencyKeysAreStoredAsData() {
        var p = PatientId.random();
        var owner = SampleRecord.of(p, "OPEN");
        storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, SQL, 5)));

        var found = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).findByKey(owner.id(), SQL));
        assertThat(found).hasValueSatisfying(e -> assertThat(e.amount()).isEqualTo(5));
    }

    @Test
    void oneHundredKilobytesOfUnicodeRoundTripExactly() {
        String text = hundredKilobytesOfUnicode();
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText(text);
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        var stored = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()).value());
        assertThat(stored.text()).isEqualTo(text);
        assertThat(stored.text().getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void aNulCharacterIsRefusedAndNothingOfTheUnitOfWorkIsWritten() {
        var patient = PatientId.random();
        var clean = SampleRecord.of(patient, "OPEN");
        var poisoned = SampleRecord.of(patient, "OPEN").withText("a\u0000b");

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> {
                    tx.aggregates(SampleRecord.TYPE).insert(clean);
                    tx.audit().append(audit(patient), AuditKey.UNKEYED);
                    return tx.aggregates(SampleRecord.TYPE).insert(poisoned);
                }))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sample_record"));

        storage.inTransaction(tx -> {
            assertThat(tx.aggregates(SampleRecord.TYPE).find(clean.id())).isEmpty();
            assertThat(tx.aggregates(SampleRecord.TYPE).find(poisoned.id())).isEmpty();
            assertThat(tx.audit().forPatient(patient)).isEmpty();
            return null;
        });
    }

    @Test
    void aNulCharacterInAnIdempotencyKeyIsRefused() {
        var p = PatientId.random();
        var owner = SampleRecord.of(p, "OPEN");
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> storage.inTransaction(tx ->
                        tx.entries(SampleEntry.TYPE).append(new SampleEntry(owner.id(), p, "k\u0000", 1))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sample_entry.idempotencyKey"));
        var entries = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(owner.id()));
        assertThat(entries).isEmpty();
    }

    @Test
    void aQueryForTextWithANulCharacterIsRefusedRatherThanSentToTheDatabase() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(SampleRecord.TYPE).query(Query.where("status").is("a\u0000"))));
    }
}
