package io.github.personalcare.jdbc;

import io.github.personalcare.spi.GroupCount;

import io.github.personalcare.patient.PatientStores;

import io.github.personalcare.patient.PatientFlag;

import io.github.personalcare.patient.Patient;

import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.spi.GroupTotal;
import io.github.personalcare.spi.Query;
import java.time.LocalDate;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralEvent;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.testkit.Referrals;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The migration runner's guarantees, run against H2 and PostgreSQL. */
abstract class MigrationScenarios {
    /** An empty database; {@link #dropDatabase()} removes it after the test. */
    abstract DataSource emptyDatabase();

    abstract void dropDatabase();

    abstract Dialect dialect();

    @AfterEach
    void drop() {
        dropDatabase();
    }

    private JdbcStorage storage(DataSource ds) {
        return JdbcStorage.builder(ds).dialect(dialect()).additionalMigrations(TestDatabases.TEST_TYPES).build();
    }

    @Test
    void theFirstMigrateAppliesEveryMigrationInOrderAndTheSecondNothing() {
        var storage = storage(emptyDatabase());

        assertThat(storage.migrate()).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 900);
        assertThat(storage.migrate()).isEmpty();
        assertThat(storage.migrations()).extracting(Migration::description).containsExactly("foundation", "care aggregates",
                "rtt patient choice delays", "report columns", "record imports", "audit key id", "messaging", "econsult feedback", "appointments",
                "prescriptions", "ledger report columns", "testkit samples");
    }

    @Test
    void r36V3TurnsAClockPauseStoredByAnEarlierVersionIntoAPatientChoiceDelayNote() throws Exception {
        DataSource ds = emptyDatabase();
        JdbcStorage storage = storage(ds);
        storage.migrate();
        Referral referral = Referrals.fullyPopulated(PatientId.random(), Instant.parse("2026-01-05T10:00:00Z"));
        storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).insert(referral));
        var noted = new ReferralEvent.Transitioned(java.util.UUID.randomUUID(), Instant.parse("2026-01-06T10:00:00Z"),
                referral.patient(), referral.id(), ReferralCommand.Type.START_PATIENT_CHOICE_DELAY, ReferralState.ACCEPTED,
                ReferralState.ACCEPTED);
        storage.inTransaction(tx -> {
            tx.outbox().publish(noted);
            return null;
        });
        // The document as a version before V3 wrote it: a clock pause, and the commands that made it.
        String text = dialect() == Dialect.POSTGRESQL ? "doc::text" : "doc";
        String cast = dialect() == Dialect.POSTGRESQL ? "::jsonb" : "";
        TestDatabases.execute(ds, "UPDATE referral SET doc = REPLACE(REPLACE(REPLACE(" + text
                + ", '\"patientChoiceDelays\":', '\"pauses\":'), '\"START_PATIENT_CHOICE_DELAY\"', '\"PAUSE_CLOCK\"'),"
                + " '\"END_PATIENT_CHOICE_DELAY\"', '\"RESUME_CLOCK\"')" + cast);
        assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM referral WHERE " + text + " LIKE '%\"pauses\":%'"))
                .isEqualTo(1);
        TestDatabases.execute(ds, "UPDATE outbox SET doc = REPLACE(" + text
                + ", '\"START_PATIENT_CHOICE_DELAY\"', '\"PAUSE_CLOCK\"')" + cast);

        String v3 = MigrationRunner.BUILT_IN + "/" + dialect().folder() + "/V3__rtt_patient_choice_delays.sql";
        try (var in = MigrationScenarios.class.getClassLoader().getResourceAsStream(v3)) {
            assertThat(in).as(v3).isNotNull();
            for (String statement : MigrationRunner.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                TestDatabases.execute(ds, statement);
            }
        }

        Referral read = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).get(referral.id())).value();
        assertThat(read).isEqualTo(referral);
        assertThat(read.clock().orElseThrow().patientChoiceDelays()).hasSize(1);
        // an undelivered Transitioned event of the old command reads again, so the relay is not stuck
        List<io.github.personalcare.spi.OutboxEntry> outbox = storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(outbox).extracting(io.github.personalcare.spi.OutboxEntry::event).contains(noted);
    }

    @Test
    void issue13V11FillsTheLedgerReportColumnsOfEntriesWrittenBeforeIt() throws Exception {
        DataSource ds = emptyDatabase();
        JdbcStorage storage = storage(ds);
        storage.migrate();
        BudgetId budget = BudgetId.random();
        PatientId patient = PatientId.random();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        List<LedgerEntry> entries = List.of(
                LedgerCommand.Allocation.of("alloc-1", BudgetLineCode.of("PHYSIO"), Money.parse("1200.00"),
                        LocalDate.of(2026, 3, 1)).toEntry(LedgerEntryId.random(), budget, patient, "system:test", at),
                LedgerCommand.Spend.of("inv-1", BudgetLineCode.of("PHYSIO"), Money.parse("40.07"), LocalDate.of(2026, 3, 2),
                        SpendCategory.THERAPY, "Physio \"kind\":\"REFUND\" Ltd")
                        .toEntry(LedgerEntryId.random(), budget, patient, "system:test", at));
        storage.inTransaction(tx -> {
            tx.entries(BudgetStores.LEDGER).appendAll(entries);
            return null;
        });
        List<GroupTotal> written = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .total(Query.all(), List.of("kind", "entry_date", "category"), "amount_pence"));
        // The table as V2 made it: entries written by a version before V11 have no report columns.
        TestDatabases.execute(ds, "DROP INDEX budget_ledger_entry_report_idx");
        for (String column : List.of("kind", "entry_date", "category", "amount_pence")) {
            TestDatabases.execute(ds, "ALTER TABLE budget_ledger_entry DROP COLUMN " + column);
        }

        String v11 = MigrationRunner.BUILT_IN + "/" + dialect().folder() + "/V11__ledger_report_columns.sql";
        try (var in = MigrationScenarios.class.getClassLoader().getResourceAsStream(v11)) {
            assertThat(in).as(v11).isNotNull();
            for (String statement : MigrationRunner.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                TestDatabases.execute(ds, statement);
            }
        }

        List<GroupTotal> filled = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .total(Query.all(), List.of("kind", "entry_date", "category"), "amount_pence"));
        assertThat(filled).containsExactlyInAnyOrderElementsOf(written).containsExactlyInAnyOrder(
                new GroupTotal(java.util.Arrays.asList("ALLOCATION", LocalDate.of(2026, 3, 1), null), 1, 120_000),
                new GroupTotal(List.of("SPEND", LocalDate.of(2026, 3, 2), "THERAPY"), 1, 4_007));
    }

    /** More than two of {@link JdbcStorage#reindex}'s batches of 500. */
    private static final int PATIENTS = 1_203;

    @Test
    void issue13ReindexFillsTheReportColumnsOfRowsWrittenBeforeTheyExistedSoCountsSeeEveryRow() {
        DataSource ds = emptyDatabase();
        JdbcStorage storage = storage(ds);
        storage.migrate();
        List<Patient> written = new ArrayList<>();
        for (int n = 400_000_000; written.size() < PATIENTS; n++) {
            String nine = Integer.toString(n);
            int check = NhsNumber.checkDigitFor(nine);
            if (check < 0) {
                continue;
            }
            int i = written.size();
            written.add(new Patient(PatientId.random(), NhsNumber.parse(nine + check), NhsNumberVerification.VERIFIED,
                    new PersonName("Test", "Patient"), LocalDate.of(1950, 1, 1),
                    i % 3 == 0 ? Set.of(PatientFlag.COMPLEX_NEEDS) : Set.of(), Optional.of(OdsCode.of("A81001")),
                    Optional.empty()));
        }
        for (Patient p : written) {
            storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(p));
        }
        List<GroupCount> before = countComplexNeeds(storage);
        // As a version before V4 left them: the report columns empty.
        TestDatabases.execute(ds, "UPDATE patient SET complex_needs = NULL, long_term_condition = NULL, died_on = NULL");
        assertThat(countComplexNeeds(storage)).isNotEqualTo(before);

        long rewritten = storage.reindex(PatientStores.PATIENTS);

        assertThat(rewritten).isEqualTo(PATIENTS);
        assertThat(countComplexNeeds(storage)).containsExactlyInAnyOrderElementsOf(before).containsExactlyInAnyOrder(
                new GroupCount(List.of(true), 401), new GroupCount(List.of(false), 802));
        assertThat(storage.reindex(PatientStores.PATIENTS)).isZero();
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> storage.reindex(PatientStores.PATIENTS, null));
        // the documents and versions are untouched
        assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM patient WHERE version <> 1")).isZero();
    }

    private static List<GroupCount> countComplexNeeds(JdbcStorage storage) {
        return storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS)
                .count(Query.all(), List.of("complex_needs")));
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStopsTheRun() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "UPDATE schema_history SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage(ds).migrate())
                .withMessageContaining("V1 was changed after it was applied");
    }

    @Test
    void aDatabaseWithAMigrationThisSdkDoesNotShipIsRefused() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "INSERT INTO schema_history (version, description, checksum) VALUES (5000, 'future', '"
                + "a".repeat(64) + "')");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage(ds).migrate())
                .withMessageContaining("V5000");
    }

    @Test
    void aNewMigrationOlderThanAnAppliedOneIsRefused() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        var withLateMigration = JdbcStorage.builder(ds).dialect(dialect())
                .additionalMigrations(TestDatabases.TEST_TYPES, "io/github/personalcare/jdbc/latetypes").build();

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(withLateMigration::migrate)
                .withMessageContaining("V500 is older than the applied V900");
    }

    @Test
    void processesMigratingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        DataSource ds = emptyDatabase();
        int migrators = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(migrators);
        List<Migration> applied = new ArrayList<>();
        try {
            List<Future<List<Migration>>> results = new ArrayList<>();
            for (int i = 0; i < migrators; i++) {
                JdbcStorage own = storage(ds);
                results.add(pool.submit(() -> {
                    start.await();
                    return own.migrate();
                }));
            }
            start.countDown();
            for (Future<List<Migration>> r : results) {
                applied.addAll(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(applied).extracting(Migration::version).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 900);
    }

    @Test
    void exportedMigrationsAreTheShippedFilesWithTheirChecksums(@TempDir Path dir) throws Exception {
        var storage = storage(emptyDatabase());

        List<Path> files = storage.exportMigrations(dir);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("V1__foundation.sql", "V2__care_aggregates.sql", "V3__rtt_patient_choice_delays.sql",
                        "V4__report_columns.sql", "V5__record_imports.sql", "V6__audit_key_id.sql", "V7__messaging.sql",
                        "V8__econsult_feedback.sql", "V9__appointments.sql",
                        "V10__prescriptions.sql",
                        "V11__ledger_report_columns.sql",
                        "V900__testkit_samples.sql");
        for (int i = 0; i < files.size(); i++) {
            assertThat(MigrationRunner.sha256(Files.readString(files.get(i)))).isEqualTo(storage.migrations().get(i).checksum());
        }
    }

    @Test
    void usingATypeWhoseTableWasNeverMigratedSaysWhichTypeAndToMigrate() {
        DataSource ds = emptyDatabase();
        var storage = JdbcStorage.builder(ds).dialect(dialect()).build();
        storage.migrate();

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(
                        SampleRecord.of(PatientId.random(), "OPEN"))))
                .withMessageContaining("aggregate type sample_record")
                .withMessageContaining("migrate");
    }

    @Test
    void anIndexWithoutItsColumnSaysWhichColumnIsMissing() {
        var storage = storage(emptyDatabase());
        storage.migrate();
        var extended = new AggregateType<>("sample_record", SampleRecord.class, SampleRecord::id, SampleRecord::patient,
                List.of(Index.text("status", SampleRecord::status), Index.text("referrer", SampleRecord::text)));

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(extended).find(SampleRecord.Id.random())))
                .withMessageContaining("no column referrer");
    }

    @Test
    void usingTheAuditTrailBeforeMigratingSaysToMigrate() {
        var storage = storage(emptyDatabase());

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.audit().chains()))
                .withMessageContaining("table audit")
                .withMessageContaining("migrate");
    }

    @Test
    @DisplayName("R2: a dropped unique index on the NHS number is found on open, named, before any data is touched")
    void aDroppedUniqueIndexIsRefusedOnOpenBeforeAnyDataIsTouched() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "DROP INDEX patient_nhs_number_key");
        PersonalCare care = PersonalCare.builder().storage(storage(ds)).build();
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001")), Purpose.DIRECT_CARE);

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> care.patients().register(gp, NhsNumber.parse("9434765870"),
                        NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                        Set.of(), Optional.empty()))
                .withMessageContaining("patient_nhs_number_key")
                .satisfies(e -> assertThat(e.option()).isEqualTo("schema.patient"));
        assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM patient")).isZero();
        assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM audit")).isZero();
    }

    @Test
    void aDroppedLedgerIdempotencyKeyIsRefusedOnOpen() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "ALTER TABLE budget_ledger_entry DROP CONSTRAINT budget_ledger_entry_idempotency_key_idx");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage(ds).inTransaction(tx -> tx.audit().chains()))
                .withMessageContaining("budget_ledger_entry_idempotency_key_idx");
    }

    @Test
    void aShippedMigrationMissingFromTheHistoryIsRefusedOnOpenWithoutMigrate() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "DELETE FROM schema_history WHERE version = 3");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage(ds).inTransaction(tx -> tx.audit().chains()))
                .withMessageContaining("V3 is not applied");
    }

    @Test
    void aNewerSchemaIsRefusedOnOpenWithoutMigrate() {
        DataSource ds = emptyDatabase();
        storage(ds).migrate();
        TestDatabases.execute(ds, "INSERT INTO schema_history (version, description, checksum) VALUES (1000, 'newer', '"
                + "0".repeat(64) + "')");

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> storage(ds).inTransaction(tx -> tx.audit().chains()))
                .withMessageContaining("V1000");
    }

    @Test
    @DisplayName("R50: audit rows written under the V5 schema, before records named their key, verify after migrating to the latest, and new records chain onto them")
    void auditRowsWrittenUnderV5VerifyAfterTheUpgradeAndNewRecordsChainOntoThem() throws Exception {
        DataSource ds = emptyDatabase();
        assertThat(new MigrationRunner(ds, dialect(), List.of(MigrationRunner.BUILT_IN)).upTo(5).migrate())
                .extracting(Migration::version).containsExactly(1, 2, 3, 4, 5);
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        Instant registered = Instant.parse("2026-06-01T09:00:00Z");
        Patient patient = CarePlans.patient(PatientId.random());
        String chain = patient.id().value().toString();
        // What an SDK at V5 wrote: the patient, and two audit chains sealed with the first SHA-256 encoding.
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            JsonDocuments json = new JsonDocuments();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (id, patient_id, version, doc, nhs_number, "
                    + "complex_needs, long_term_condition) VALUES (?, ?, 1, " + dialect().documentParameter() + ", ?, TRUE, FALSE)")) {
                ps.setObject(1, patient.id().value());
                ps.setObject(2, patient.id().value());
                ps.setString(3, json.write(Patient.class, patient, "patient"));
                ps.setString(4, patient.nhsNumber().value());
                ps.executeUpdate();
            }
            writeAsV5(c, json, chain, patient.id(), List.of(
                    AuditEvent.of(gp, registered, "patient.register", patient.id(), chain, AuditOutcome.SUCCESS, "R1"),
                    AuditEvent.of(gp, registered.plusSeconds(60), "patient.get", patient.id(), chain, AuditOutcome.PERMIT,
                            "R37")));
            writeAsV5(c, json, AuditChain.SYSTEM_CHAIN, null, List.of(AuditEvent.of(gp, registered.plusSeconds(120),
                    "patient.get", null, UUID.randomUUID().toString(), AuditOutcome.DENY, "R38")));
            c.commit();
        }

        JdbcStorage storage = storage(ds);
        assertThat(storage.migrate()).extracting(Migration::version).contains(6);
        AuditKey key = AuditKey.of("an upgrade test key of 32 bytes or more".getBytes(StandardCharsets.UTF_8), "k-2026");
        // A trail that started without a key and moves to one accepts its unkeyed records explicitly.
        PersonalCare care = PersonalCare.builder().storage(storage).auditKeys(AuditKeys.of(key).acceptingUnkeyed())
                .clock(Clock.fixed(registered.plus(Duration.ofDays(30)), ZoneOffset.UTC)).build();
        AccessContext auditor = AccessContext.of(Actor.professional(UserId.of("privacy-officer-1"),
                ProfessionalRole.PRIVACY_OFFICER, OdsCode.of("A81001")), Purpose.AUDIT);

        AuditVerification unkeyed = storage.inTransaction(tx -> tx.audit().verify(AuditKeys.unkeyed()));
        AuditVerification keyedOnly = storage.inTransaction(tx -> tx.audit().verify(AuditKeys.of(key)));
        assertThat(unkeyed).isEqualTo(new AuditVerification.Intact(3));
        assertThat(keyedOnly).as("a keyed set that does not accept unkeyed records refuses them")
                .isInstanceOf(AuditVerification.Broken.class);
        assertThat(care.audit().verify(auditor)).isEqualTo(new AuditVerification.Intact(3));
        assertThat(care.patients().get(gp, patient.id()).value()).isEqualTo(patient);
        List<AuditRecord> patientChain = storage.inTransaction(tx -> tx.audit().chain(chain));
        List<AuditRecord> systemChain = storage.inTransaction(tx -> tx.audit().chain(AuditChain.SYSTEM_CHAIN));
        assertThat(patientChain).extracting(AuditRecord::keyId).containsExactly(AuditKey.LEGACY_ID, AuditKey.LEGACY_ID, "k-2026");
        assertThat(patientChain.get(2).previousHash()).isEqualTo(patientChain.get(1).hash());
        assertThat(systemChain).extracting(AuditRecord::keyId).containsExactly(AuditKey.LEGACY_ID, "k-2026");
        assertThat(systemChain.get(1).previousHash()).isEqualTo(systemChain.get(0).hash());
        assertThat(care.audit().verify(auditor)).isEqualTo(new AuditVerification.Intact(5));

        // an edit of a V5 row is still found, at its place
        TestDatabases.execute(ds, "UPDATE audit SET hash = '" + "1".repeat(64) + "' WHERE chain = '" + chain + "' AND seq = 2");
        assertThat(care.audit().verify(auditor)).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.chain()).isEqualTo(chain);
            assertThat(broken.sequence()).isEqualTo(2);
        });
    }

    /** Appends events to a new chain as the V5 adapter did: no key id column, the first SHA-256 encoding. */
    private void writeAsV5(Connection c, JsonDocuments json, String chain, PatientId patient, List<AuditEvent> events)
            throws Exception {
        String previous = AuditChain.GENESIS;
        long seq = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (chain, seq, patient_id, event_id, occurred_at, "
                + "action, outcome, doc, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect().documentParameter()
                + ", ?, ?)")) {
            for (AuditEvent e : events) {
                seq++;
                String hash = AuditChain.hash(previous, seq, e);
                ps.setString(1, chain);
                ps.setLong(2, seq);
                ps.setObject(3, patient == null ? null : patient.value());
                ps.setObject(4, e.id());
                ps.setObject(5, JdbcTransaction.timestamp(e.at()));
                ps.setString(6, e.action());
                ps.setString(7, e.outcome().name());
                ps.setString(8, json.writeAudit(e));
                ps.setString(9, previous);
                ps.setString(10, hash);
                ps.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_chain_head (chain, patient_id, seq, hash) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, chain);
            ps.setObject(2, patient == null ? null : patient.value());
            ps.setLong(3, seq);
            ps.setString(4, previous);
            ps.executeUpdate();
        }
    }
}
