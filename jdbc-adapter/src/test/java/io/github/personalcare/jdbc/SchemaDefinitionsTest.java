package io.github.personalcare.jdbc;

import io.github.personalcare.econsult.EconsultStores;
import io.github.personalcare.feedback.FeedbackStores;
import io.github.personalcare.appointment.AppointmentStores;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.prescription.PrescriptionStores;
import io.github.personalcare.record.RecordStores;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.messaging.MessagingStores;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;
import io.github.personalcare.testkit.SampleEntry;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaDefinitionsTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaDefinitionsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theTestMigrationIsExactlyTheGeneratedDdlOfTheTestkitTypes(Dialect dialect) throws IOException {
        String migration = resource(TestDatabases.TEST_TYPES + "/" + dialect.folder() + "/V900__testkit_samples.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(SampleRecord.TYPE, dialect) + SchemaDefinitions.ddl(SampleEntry.TYPE, dialect)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theFoundationMigrationCreatesThePatientTableAsGenerated(Dialect dialect) throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V1__foundation.sql");
        assertThat(MigrationRunner.statements(migration))
                .containsSubsequence(MigrationRunner.statements(SchemaDefinitions.ddl(beforeV4(PatientStores.PATIENTS), dialect)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAggregateMigrationIsExactlyTheGeneratedDdlOfEveryServiceTypeWithTheUniqueKeysOfR2AndR4(Dialect dialect)
            throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V2__care_aggregates.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(CareTeamStores.TEAMS, dialect)
                        + SchemaDefinitions.ddl(beforeV4(CarePlanStores.PLANS), dialect)
                        + SchemaDefinitions.ddl(beforeV4(BudgetStores.BUDGETS), dialect)
                        + SchemaDefinitions.ddl(LEDGER_BEFORE_V11, dialect)
                        + SchemaDefinitions.ddl(beforeV4(ReferralStores.REFERRALS), dialect)
                        + SchemaDefinitions.ddl(ConsentStores.CONSENTS, dialect)
                        + SchemaDefinitions.uniqueIndex(ReferralStores.REFERRALS, "ubrn", dialect)
                        + SchemaDefinitions.uniqueIndex(PatientStores.PATIENTS, "nhs_number", dialect)));
    }

    /** The report columns V4 adds, by type: the types declared them after V1 and V2 created their tables. */
    private static final Map<AggregateType<?, ?>, List<String>> V4 = new LinkedHashMap<>();

    static {
        V4.put(PatientStores.PATIENTS, List.of("complex_needs", "long_term_condition", "died_on"));
        V4.put(CarePlanStores.PLANS, List.of("agreed_from", "ended_on", "last_agreed_on", "last_review_due"));
        V4.put(BudgetStores.BUDGETS, List.of("notional", "third_party"));
        V4.put(ReferralStores.REFERRALS, List.of("clock_start", "clock_stop", "sent_on", "choice_offered"));
    }

    private static <I extends RecordId, A> AggregateType<I, A> beforeV4(AggregateType<I, A> type) {
        List<String> added = V4.getOrDefault(type, List.of());
        return new AggregateType<>(type.name(), type.type(), type.id(), type.patient(),
                type.indexes().stream().filter(i -> !added.contains(i.name())).toList());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theReportColumnMigrationIsExactlyTheGeneratedDdlOfTheIndexesAddedSinceV2(Dialect dialect) throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V4__report_columns.sql");
        StringBuilder expected = new StringBuilder();
        V4.forEach((type, names) -> expected.append(SchemaDefinitions.addIndexes(type, names, dialect)));
        // and two covering indexes for the coverage report's counts, written by hand
        expected.append("CREATE INDEX patient_report_cohort_idx ON patient (complex_needs, long_term_condition, died_on, "
                + "patient_id);\nCREATE INDEX care_plan_report_idx ON care_plan (patient_id, agreed_from, ended_on, "
                + "last_agreed_on, last_review_due);\n");

        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(expected.toString()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theRecordImportMigrationIsExactlyTheGeneratedDdlOfTheProvenanceTypes(Dialect dialect) throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V5__record_imports.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(RecordStores.IMPORTS, dialect)
                        + SchemaDefinitions.ddl(RecordStores.FOREIGN_AUDIT, dialect)));
    }

    /** The ledger as V2 created it: V11 added its report columns. */
    private static final EntryType<LedgerEntry> LEDGER_BEFORE_V11 = new EntryType<>(BudgetStores.LEDGER.name(),
            LedgerEntry.class, LedgerEntry::budget, LedgerEntry::patient, LedgerEntry::idempotencyKey);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theLedgerReportMigrationAddsTheGeneratedColumnsOfEveryLedgerIndexThenFillsAndIndexesThem(Dialect dialect)
            throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V11__ledger_report_columns.sql");
        List<String> statements = MigrationRunner.statements(migration);
        List<String> added = MigrationRunner.statements(SchemaDefinitions.addIndexes(BudgetStores.LEDGER,
                BudgetStores.LEDGER.indexes().stream().map(Index::name).toList(), dialect));

        assertThat(statements.subList(0, added.size())).isEqualTo(added);
        assertThat(statements.get(added.size())).startsWith("UPDATE budget_ledger_entry");
        assertThat(statements.get(added.size() + 1)).startsWith("CREATE INDEX budget_ledger_entry_report_idx");
        assertThat(statements).hasSize(added.size() + 2);
    }

    @Test
    void entryTablesHaveOneTypedColumnPerIndexAndNoIndexOfTheirOwnOnIt() {
        String ddl = SchemaDefinitions.ddl(BudgetStores.LEDGER, Dialect.POSTGRESQL);
        assertThat(ddl).contains("kind text COLLATE \"C\",", "entry_date DATE,", "category text COLLATE \"C\",",
                "amount_pence BIGINT,").doesNotContain("entry_date_idx");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> SchemaDefinitions.ddl(
                new EntryType<>("sample_entry", LedgerEntry.class, LedgerEntry::budget, LedgerEntry::patient,
                        LedgerEntry::idempotencyKey, List.of(Index.number("seq", e -> 1L))), Dialect.H2));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theEconsultFeedbackMigrationIsExactlyTheGeneratedDdlPlusTheTwoCoveringIndexes(Dialect dialect)
            throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V8__econsult_feedback.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(EconsultStores.ECONSULTATIONS, dialect)
                        + SchemaDefinitions.ddl(FeedbackStores.FEEDBACK, dialect)
                        + "CREATE INDEX econsultation_queue_idx ON econsultation (practice, status, due_at);\n"
                        + "CREATE INDEX feedback_summary_idx ON feedback (organisation, given_month, active, experience, "
                        + "involved, carers, topic);\n"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void thePrescriptionMigrationIsExactlyTheGeneratedDdlWithTheReviewsDueIndex(Dialect dialect) throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V10__prescriptions.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(PrescriptionStores.MEDICINES, dialect)
                        + SchemaDefinitions.ddl(PrescriptionStores.REQUESTS, dialect)
                        // the practice's reviews due: one range scan on (practice, status, review date)
                        + "CREATE INDEX repeat_medicine_review_due_idx ON repeat_medicine (practice, status, "
                        + "review_on);\n"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theMessagingMigrationIsExactlyTheGeneratedDdlOfConversationsAndTheirMessages(Dialect dialect)
            throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V7__messaging.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(MessagingStores.CONVERSATIONS, dialect)
                        + SchemaDefinitions.ddl(MessagingStores.MESSAGES, dialect)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrationsRunInNumericVersionOrderSoV10ComesAfterV6NotBeforeV2(Dialect dialect) {
        List<Migration> shipped = new MigrationRunner(null, dialect, List.of(MigrationRunner.BUILT_IN)).scripts()
                .stream().map(s -> s.migration()).toList();
        List<Integer> versions = shipped.stream().map(Migration::version).toList();

        // as text "V10" sorts before "V2"; the runner orders by the number
        assertThat(versions).isSorted().contains(2, 6, 10, 11);
        assertThat(shipped.get(versions.indexOf(10)).description()).isEqualTo("prescriptions");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAppointmentMigrationIsExactlyTheGeneratedDdlPlusTheFreeSlotSearchIndex(Dialect dialect) throws IOException {
        String migration = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/V9__appointments.sql");
        assertThat(MigrationRunner.statements(migration)).isEqualTo(MigrationRunner.statements(
                SchemaDefinitions.ddl(AppointmentStores.SCHEDULES, dialect)
                        + SchemaDefinitions.ddl(AppointmentStores.SLOTS, dialect)
                        + SchemaDefinitions.ddl(AppointmentStores.APPOINTMENTS, dialect)
                        + "CREATE INDEX appointment_slot_search_idx ON appointment_slot ("
                        + String.join(", ", AppointmentStores.SLOT_SEARCH_INDEX) + ");\n"));
    }

    @Test
    void aUniqueIndexIsNamedAfterItsTableAndColumn() {
        assertThat(SchemaDefinitions.uniqueIndex(ReferralStores.REFERRALS, "ubrn", Dialect.POSTGRESQL))
                .isEqualTo("CREATE UNIQUE INDEX referral_ubrn_key ON referral (ubrn);\n");
    }

    @Test
    void aUniqueIndexOnAnIndexTheTypeDoesNotDeclareIsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> SchemaDefinitions.uniqueIndex(ReferralStores.REFERRALS, "nhs_number", Dialect.H2));
    }

    @Test
    void anIndexColumnNamedPatientGetsADatabaseIndexNameApartFromThePatientIdIndex() {
        List<String> names = SchemaDefinitions.ddl(CareTeamStores.TEAMS, Dialect.H2).lines()
                .filter(l -> l.startsWith("CREATE INDEX")).map(l -> l.split(" ")[2]).toList();

        assertThat(names).containsExactly("care_team_patient_idx", "care_team_patient_column_idx");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyShippedMigrationFileIsListedInItsIndex(Dialect dialect) throws IOException {
        Path folder = Path.of("src/main/resources", MigrationRunner.BUILT_IN, dialect.folder());
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).collect(Collectors.toSet());
        }
        Set<String> listed = resource(MigrationRunner.BUILT_IN + "/" + dialect.folder() + "/migrations.txt").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void bothDialectsShipTheSameMigrationVersions() {
        List<Integer> postgres = new MigrationRunner(null, Dialect.POSTGRESQL, List.of(MigrationRunner.BUILT_IN)).scripts()
                .stream().map(s -> s.migration().version()).toList();
        List<Integer> h2 = new MigrationRunner(null, Dialect.H2, List.of(MigrationRunner.BUILT_IN)).scripts()
                .stream().map(s -> s.migration().version()).toList();
        assertThat(postgres).isEqualTo(h2).startsWith(1);
    }

    @Test
    void aggregateTablesHaveTheFixedColumnsAndOneTypedColumnPerIndex() {
        String ddl = SchemaDefinitions.ddl(SampleRecord.TYPE, Dialect.POSTGRESQL);
        assertThat(ddl).contains("id uuid PRIMARY KEY", "patient_id uuid NOT NULL", "version BIGINT NOT NULL",
                "doc jsonb NOT NULL", "status text COLLATE \"C\"", "due DATE", "amount BIGINT", "flagged BOOLEAN",
                "CREATE INDEX sample_record_patient_idx ON sample_record (patient_id)",
                "CREATE INDEX sample_record_due_idx ON sample_record (due)");
    }

    @Test
    void entryTablesHaveAnIdempotencyKeyUniquePerOwner() {
        String ddl = SchemaDefinitions.ddl(SampleEntry.TYPE, Dialect.H2);
        assertThat(ddl).contains("PRIMARY KEY (owner_id, seq)", "UNIQUE (owner_id, idempotency_key)",
                "doc CHARACTER LARGE OBJECT NOT NULL");
    }

    private static AggregateType<PatientId, SampleRecord> typeNamed(String name, String index) {
        return new AggregateType<>(name, SampleRecord.class, r -> r.patient(), SampleRecord::patient,
                List.of(Index.text(index, SampleRecord::status)));
    }

    @Test
    void aReservedWordAsIndexNameIsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> SchemaDefinitions.ddl(typeNamed("referral", "order"), Dialect.H2))
                .withMessageContaining("reserved");
    }

    @Test
    void anIndexNamedLikeAFixedColumnIsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> SchemaDefinitions.ddl(typeNamed("referral", "version"), Dialect.POSTGRESQL));
    }

    @Test
    void aTypeNamedLikeAFoundationTableIsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> SchemaDefinitions.ddl(typeNamed("outbox", "status"), Dialect.POSTGRESQL));
    }

    @Test
    void longIndexNamesStayWithinWhatPostgresKeeps() {
        String table = "a".repeat(41);
        String index = "b".repeat(30);
        String ddl = SchemaDefinitions.ddl(typeNamed(table, index), Dialect.POSTGRESQL);
        ddl.lines().filter(l -> l.startsWith("CREATE INDEX"))
                .map(l -> l.split(" ")[2])
                .forEach(name -> assertThat(name.length()).isLessThanOrEqualTo(63));
        assertThat(SchemaDefinitions.indexName(table, index)).isNotEqualTo(SchemaDefinitions.indexName(table, "c".repeat(30)));
    }
}
