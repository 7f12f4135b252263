package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.record.ImportOutcome;
import io.github.personalcare.record.RecordProblem;
import io.github.personalcare.record.ImportProgress;
import io.github.personalcare.record.ImportReport;
import io.github.personalcare.record.ImportedAuditEntry;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordImport;
import io.github.personalcare.record.RecordStores;
import io.github.personalcare.referral.ReferralStores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The bulk path in ({@code care.imports()}) on the storage under test: every record is stored whole
 * or not at all, a broken record is reported with path-precise problems and never stops the batch,
 * a batch run again stores nothing twice, and the audit trail a record brings is kept as provenance
 * apart from the SDK's own chain, which still verifies.
 */
public abstract class RecordImportContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected RecordImportContract() {
    }

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final AccessContext MIGRATION = AccessContext.of(Actor.system("migration-test"), Purpose.MIGRATION);
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private static final Map<Integer, String> BROKEN_RULES = Map.of(
            100, "LEDGER_TOTALS", 300, "R6", 500, "REFERENCE", 700, "R2", 900, "DUPLICATE_ID");

    private PersonalCare care() {
        return PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** The record at {@code position}, broken at positions 100, 300, 500, 700 and 900 as their rule says. */
    private static PatientRecord record(SyntheticRecords records, PatientRecord first, int position) {
        PatientRecord r = records.record(position);
        String rule = BROKEN_RULES.get(position);
        if (rule == null) {
            return r;
        }
        switch (rule) {
            case "LEDGER_TOTALS":
                return copy(r, r.patient(), r.carePlans(), r.ledger().subList(0, r.ledger().size() - 1), r.consents());
            case "R6":
                List<io.github.personalcare.careplan.CarePlan> plans = new ArrayList<>(r.carePlans());
                plans.add(CarePlans.draft(r.patient().id(), NOW, NOW.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3)));
                return copy(r, r.patient(), plans, r.ledger(), r.consents());
            case "REFERENCE":
                return copy(r, r.patient(), List.of(), r.ledger(), r.consents());
            case "R2":
                return withNhsNumber(r, first.patient().nhsNumber());
            default:
                return copy(r, r.patient(), r.carePlans(), r.ledger(), List.of(r.consents().get(0), r.consents().get(0)));
        }
    }

    private static PatientRecord withNhsNumber(PatientRecord r, NhsNumber nhsNumber) {
        Patient p = r.patient();
        Patient same = new Patient(p.id(), nhsNumber, p.verification(), p.name(), p.dateOfBirth(), p.flags(),
                p.registeredPractice(), p.dateOfDeath(), p.competence());
        return copy(r, same, r.carePlans(), r.ledger(), r.consents());
    }

    private static PatientRecord copy(PatientRecord r, Patient patient, List<io.github.personalcare.careplan.CarePlan> plans,
            List<io.github.personalcare.budget.LedgerEntry> ledger, List<io.github.personalcare.consent.ConsentRecord> consents) {
        return new PatientRecord(patient, r.professionals(), r.careTeams(), plans, r.budgets(), ledger, r.referrals(),
                consents, r.audit());
    }

    private List<PatientRecord> batch(int size) {
        SyntheticRecords records = new SyntheticRecords(42, NOW);
        List<PatientRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(i == 0 ? records.record(0) : record(records, out.get(0), i));
        }
        return out;
    }

    private boolean stored(PatientId patient) {
        return storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).find(patient).isPresent()
                || !tx.aggregates(CarePlanStores.PLANS).findByPatient(patient).isEmpty()
                || !tx.aggregates(BudgetStores.BUDGETS).findByPatient(patient).isEmpty()
                || !tx.aggregates(ReferralStores.REFERRALS).findByPatient(patient).isEmpty()
                || tx.aggregates(RecordStores.IMPORTS).find(patient).isPresent());
    }

    @Test
    void aThousandRecordsWithFiveBrokenOnesStoreExactlyTheOther995AndReportTheFiveWithPathsAndRules() {
        List<PatientRecord> records = batch(1_000);
        List<ImportProgress> progress = new ArrayList<>();

        ImportReport report = care().imports().importAll(MIGRATION, "synthetic-gp-system", records, progress::add);

        assertThat(report.totals().records()).isEqualTo(1_000);
        assertThat(report.totals().imported()).isEqualTo(995);
        assertThat(report.totals().refused()).isEqualTo(5);
        assertThat(report.refused()).extracting(ImportOutcome::position).containsExactly(100L, 300L, 500L, 700L, 900L);
        assertThat(report.refused()).extracting(r -> r.problems().get(0).rule())
                .containsExactly("LEDGER_TOTALS", "R6", "REFERENCE", "R2", "DUPLICATE_ID");
        assertThat(report.refused()).extracting(r -> r.problems().get(0).path())
                .containsExactly("budgets[0].accounts[1]", "carePlans[1]", "budgets[0].carePlan", "patient.nhsNumber",
                        "consents[1].id");
        assertThat(progress).extracting(ImportProgress::records).containsExactly(1_000L, 1_000L);
        for (int i = 0; i < records.size(); i++) {
            assertThat(stored(records.get(i).patient().id())).as("record %d stored", i)
                    .isEqualTo(!BROKEN_RULES.containsKey(i));
        }
    }

    @Test
    @DisplayName("R2 an NHS number twice in one chunk: the first record is stored, only the second refused, the rest of the chunk stored")
    void aDuplicateNhsNumberInsideAChunkRefusesOnlyTheLaterRecord() {
        List<PatientRecord> records = new ArrayList<>(batch(20));
        records.set(12, withNhsNumber(records.get(12), records.get(5).patient().nhsNumber()));

        ImportReport report = care().imports().importAll(MIGRATION, "synthetic-gp-system", records, p -> { });

        assertThat(report.totals().imported()).isEqualTo(19);
        assertThat(report.refused()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(12);
            assertThat(r.problems()).extracting(RecordProblem::path, RecordProblem::rule)
                    .containsExactly(tuple("patient.nhsNumber", "R2"));
        });
        for (int i = 0; i < records.size(); i++) {
            assertThat(stored(records.get(i).patient().id())).as("record %d stored", i).isEqualTo(i != 12);
        }
    }

    @Test
    @DisplayName("R2 a chunk clashing with a registered patient is redone record by record: only the clashing record is refused")
    void aChunkThatClashesWithStoredDataIsRedoneRecordByRecordSoOnlyTheClashingRecordIsRefused() {
        List<PatientRecord> records = batch(20);
        PersonalCare care = care();
        care.patients().register(GP, records.get(7).patient().nhsNumber(), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(OdsCode.of("A81001")));

        ImportReport report = care.imports().importAll(MIGRATION, "synthetic-gp-system", records, p -> { });

        assertThat(report.totals().imported()).isEqualTo(19);
        assertThat(report.refused()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(7);
            assertThat(r.problems()).extracting(RecordProblem::path, RecordProblem::rule)
                    .containsExactly(tuple("patient.nhsNumber", "R2"));
        });
        for (int i = 0; i < records.size(); i++) {
            PatientId patient = records.get(i).patient().id();
            assertThat(stored(patient)).as("record %d stored", i).isEqualTo(i != 7);
            if (i != 7) {
                // each patient's own chain: the one import, linked from its genesis, whatever the chunk did
                List<io.github.personalcare.audit.AuditRecord> own =
                        storage.inTransaction(tx -> tx.audit().forPatient(patient));
                assertThat(own).extracting(a -> a.event().action(), a -> a.sequence())
                        .containsExactly(tuple("record.import", 1L));
            }
        }
        AccessContext privacyOfficer = AccessContext.of(Actor.professional(UserId.of("PO-1"),
                ProfessionalRole.PRIVACY_OFFICER, OdsCode.of("A81001")), Purpose.AUDIT);
        assertThat(care.audit().verify(privacyOfficer)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aBatchRunAgainWithNewRecordsStoresOnlyTheNewOnes() {
        List<PatientRecord> records = batch(12);
        PersonalCare care = care();
        care.imports().importAll(MIGRATION, "synthetic-gp-system", records.subList(0, 8), p -> { });

        ImportReport again = care.imports().importAll(MIGRATION, "synthetic-gp-system", records, p -> { });

        assertThat(again.totals().alreadyImported()).isEqualTo(8);
        assertThat(again.totals().imported()).isEqualTo(4);
        assertThat(again.refused()).isEmpty();
        records.forEach(r -> assertThat(stored(r.patient().id())).isTrue());
    }

    @Test
    void runningTheSameBatchAgainStoresNothingTwice() {
        List<PatientRecord> records = batch(12);
        PersonalCare care = care();
        care.imports().importAll(MIGRATION, "synthetic-gp-system", records, p -> { });

        ImportReport again = care.imports().importAll(MIGRATION, "synthetic-gp-system", records, p -> { });

        assertThat(again.totals().alreadyImported()).isEqualTo(12);
        assertThat(again.totals().imported()).isZero();
        assertThat(again.totals().resources()).isZero();
        PatientId first = records.get(0).patient().id();
        List<io.github.personalcare.budget.LedgerEntry> ledger = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .byOwner(records.get(0).budgets().get(0).id()));
        assertThat(ledger).hasSameSizeAs(records.get(0).ledger());
        List<ImportedAuditEntry> foreign = storage.inTransaction(tx -> tx.entries(RecordStores.FOREIGN_AUDIT).byOwner(first));
        assertThat(foreign).hasSameSizeAs(records.get(0).audit());
    }

    @Test
    void theSourcesAuditTrailIsKeptAsProvenanceApartFromTheSdksOwnChainWhichStillVerifies() {
        PatientRecord record = batch(1).get(0);
        PersonalCare care = care();

        ImportOutcome outcome = care.imports().importRecord(MIGRATION, "synthetic-gp-system", record);

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        PatientId patient = record.patient().id();
        RecordImport provenance = storage.inTransaction(tx -> tx.aggregates(RecordStores.IMPORTS).get(patient)).value();
        assertThat(provenance.source()).isEqualTo("synthetic-gp-system");
        assertThat(provenance.foreignAuditRecords()).isEqualTo(record.audit().size());
        assertThat(provenance.foreignChainIntact()).isTrue();
        assertThat(provenance.importedBy()).isEqualTo("system:migration-test");
        List<ImportedAuditEntry> foreign = storage.inTransaction(tx -> tx.entries(RecordStores.FOREIGN_AUDIT).byOwner(patient));
        assertThat(foreign).extracting(ImportedAuditEntry::record).containsExactlyElementsOf(record.audit());
        // The SDK's own chain holds what happened in the SDK: the import, not the source's history.
        List<io.github.personalcare.audit.AuditRecord> own = storage.inTransaction(tx -> tx.audit().forPatient(patient));
        assertThat(own).extracting(r -> r.event().action()).containsExactly("record.import");
        AccessContext privacyOfficer = AccessContext.of(Actor.professional(UserId.of("PO-1"),
                ProfessionalRole.PRIVACY_OFFICER, OdsCode.of("A81001")), Purpose.AUDIT);
        assertThat(care.audit().verify(privacyOfficer)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void anImportedRecordIsServedByTheServicesToItsCareTeam() {
        PatientRecord record = batch(1).get(0);
        PersonalCare care = care();
        care.imports().importRecord(MIGRATION, "synthetic-gp-system", record);

        var plan = care.carePlans().get(GP, record.carePlans().get(0).id());

        assertThat(plan.value()).isEqualTo(record.carePlans().get(0));
        assertThat(plan.version()).isEqualTo(1);
    }

    @Test
    void aRefusedRecordLeavesNothingBehindAndSaysWhy() {
        PatientRecord good = batch(1).get(0);
        PatientRecord broken = new PatientRecord(good.patient(), good.professionals(), good.careTeams(),
                good.carePlans(), good.budgets(), good.ledger().subList(1, good.ledger().size()), good.referrals(),
                good.consents(), good.audit());

        ImportOutcome outcome = care().imports().importRecord(MIGRATION, "synthetic-gp-system", broken);

        assertThat(outcome).isInstanceOf(ImportOutcome.Refused.class);
        assertThat(((ImportOutcome.Refused) outcome).problems()).extracting(RecordProblem::rule)
                .containsOnly("LEDGER_TOTALS");
        assertThat(stored(good.patient().id())).isFalse();
    }

    @Test
    void everyProblemOfARecordIsReportedWithItsPathAndRule() {
        PatientRecord good = batch(1).get(0);
        List<io.github.personalcare.budget.LedgerEntry> ledger = new ArrayList<>(good.ledger());
        ledger.add(good.ledger().get(0));
        io.github.personalcare.referral.Referral first = good.referrals().get(0);
        io.github.personalcare.referral.Referral sameUbrn = io.github.personalcare.referral.Referral.draft(
                io.github.personalcare.referral.ReferralId.random(), first.ubrn(), good.patient().id(),
                new io.github.personalcare.referral.Referrer(UserId.of("GP1"), Referrals.PRACTICE),
                io.github.personalcare.referral.Priority.ROUTINE, Referrals.CARDIOLOGY, "Breathless on stairs",
                io.github.personalcare.referral.RequestType.APPOINTMENT, List.of(), NOW);
        PatientRecord broken = new PatientRecord(good.patient(), good.professionals(), good.careTeams(),
                good.carePlans(), good.budgets(), ledger, List.of(first, sameUbrn), good.consents(), good.audit());

        ImportOutcome outcome = care().imports().importRecord(MIGRATION, "synthetic-gp-system", broken);

        int last = ledger.size() - 1;
        assertThat(((ImportOutcome.Refused) outcome).problems())
                .extracting(RecordProblem::path, RecordProblem::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("ledger[" + last + "].idempotencyKey", "DUPLICATE_KEY"),
                        org.assertj.core.groups.Tuple.tuple("referrals[1].ubrn", "R4"));
        assertThat(((ImportOutcome.Refused) outcome).problems()).extracting(RecordProblem::rule)
                .contains("LEDGER_TOTALS");
        assertThat(stored(good.patient().id())).isFalse();
    }

    @Test
    void aUbrnAlreadyStoredForAnotherPatientRefusesTheRecordByR4() {
        List<PatientRecord> two = batch(2);
        PersonalCare care = care();
        care.imports().importRecord(MIGRATION, "synthetic-gp-system", two.get(0));
        PatientRecord second = two.get(1);
        io.github.personalcare.referral.Referral taken = io.github.personalcare.referral.Referral.draft(
                io.github.personalcare.referral.ReferralId.random(), two.get(0).referrals().get(0).ubrn(),
                second.patient().id(),
                new io.github.personalcare.referral.Referrer(UserId.of("GP1"), Referrals.PRACTICE),
                io.github.personalcare.referral.Priority.ROUTINE, Referrals.CARDIOLOGY, "Breathless on stairs",
                io.github.personalcare.referral.RequestType.APPOINTMENT, List.of(), NOW);
        PatientRecord clash = new PatientRecord(second.patient(), second.professionals(), second.careTeams(),
                second.carePlans(), second.budgets(), second.ledger(), List.of(taken), second.consents(), second.audit());

        ImportOutcome outcome = care.imports().importRecord(MIGRATION, "synthetic-gp-system", clash);

        assertThat(((ImportOutcome.Refused) outcome).problems()).extracting(RecordProblem::path, RecordProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("referrals[0].ubrn", "R4"));
        assertThat(stored(second.patient().id())).isFalse();
    }

    @Test
    void onlyASystemActorMigratingMayImport() {
        PatientRecord record = batch(1).get(0);
        PersonalCare care = care();

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> care.imports().importRecord(GP, "synthetic-gp-system", record))
                .satisfies(e -> assertThat(e.field()).isEqualTo("ctx.purpose"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> care.imports().importRecord(
                AccessContext.of(Actor.system("migration-test"), Purpose.ADMINISTRATION), "synthetic-gp-system", record));
        AccessContext professionalMigrating = AccessContext.of(Actor.professional(UserId.of("GP-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.MIGRATION);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.imports().importRecord(professionalMigrating, "synthetic-gp-system", record))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("MIGRATION"));
        assertThat(stored(record.patient().id())).isFalse();
        assertThat(Optional.of(care.imports().importRecord(MIGRATION, "synthetic-gp-system", record)))
                .get().isInstanceOf(ImportOutcome.Imported.class);
    }
}
