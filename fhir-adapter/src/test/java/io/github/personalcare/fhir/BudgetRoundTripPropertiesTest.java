package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.Ledger;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.patient.Patient;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated budgets with generated ledgers survive export and import: the same balances to the
 * penny, the same lines and options, and export, import, export gives identical JSON.
 */
class BudgetRoundTripPropertiesTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper records = new PatientRecordMapper();

    private PatientRecord readBack(PatientRecord record) {
        return importer.read(FhirWriter.toJson(records.toFhir(record)), records).value();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("R17 export and import lose no penny and count none twice")
    void r17ExportImportLosesOrDoublesNoPenny(@ForAll("records") PatientRecord record) {
        Statistics.collect(record.ledger().isEmpty() ? "no entries" : "entries");
        Statistics.coverage(c -> c.check("entries").percentage(p -> p > 60));
        PatientRecord back = readBack(record);
        assertThat(back.budgets()).hasSameSizeAs(record.budgets());
        for (int i = 0; i < record.budgets().size(); i++) {
            PersonalHealthBudget before = record.budgets().get(i);
            PersonalHealthBudget after = back.budgets().get(i);
            assertThat(after.balance()).isEqualTo(before.balance());
            for (BudgetLine line : before.lines()) {
                assertThat(after.balance(line.code())).isEqualTo(before.balance(line.code()));
            }
            assertThat(ledgerOf(back.ledger(), after).balance()).isEqualTo(ledgerOf(record.ledger(), before).balance())
                    .isEqualTo(before.balance());
        }
    }

    @Property(tries = 200)
    @Label("R17 amounts come back as the same pence, entry by entry")
    void r17EveryEntryComesBackExactly(@ForAll("records") PatientRecord record) {
        assertThat(readBack(record).ledger()).isEqualTo(record.ledger());
    }

    @Property(tries = 200)
    @Label("R14 every line comes back with its management option, recipient and account")
    void r14EveryBudgetComesBackAsExported(@ForAll("records") PatientRecord record) {
        assertThat(readBack(record).budgets())
                .isEqualTo(record.budgets().stream().map(GeneratedBudgets::exported).toList());
    }

    @Property(tries = 200)
    void budgetRecordExportImportExportIsIdentical(@ForAll("records") PatientRecord record) {
        String first = FhirWriter.toJson(records.toFhir(record));
        PatientRecord back = importer.read(first, records).value();
        assertThat(FhirWriter.toJson(records.toFhir(back))).isEqualTo(first);
        String transaction = FhirWriter.toJson(records.toTransaction(record));
        assertThat(importer.read(transaction, records).value()).isEqualTo(back);
    }

    @Property(tries = 200)
    void everyChargeItemReadsBackOnItsOwn(@ForAll("records") PatientRecord record) {
        LedgerEntryMapper mapper = new LedgerEntryMapper();
        for (LedgerEntry e : record.ledger()) {
            String first = FhirWriter.toJson(mapper.toFhir(e));
            LedgerEntry back = importer.read(first, mapper).value();
            assertThat(back).isEqualTo(e);
            assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
        }
    }

    @Property(tries = 10)
    void everyGeneratedBudgetValidates(@ForAll("records") PatientRecord record) {
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(records.toFhir(record)))).isEmpty();
    }

    private static Ledger ledgerOf(List<LedgerEntry> ledger, PersonalHealthBudget budget) {
        return new Ledger(budget.id(), ledger.stream().filter(e -> e.budget().equals(budget.id())).toList());
    }

    /** A patient with one to two budgets and their ledgers, and no audit trail (the budget is what is tested). */
    @Provide
    Arbitrary<PatientRecord> records() {
        return GeneratedRecords.patients().flatMap(p -> GeneratedBudgets.budgetsWithLedgers(p.id())
                .filter(l -> !l.isEmpty())
                .map(generated -> recordOf(p, generated)))
                .map(GeneratedRecords::exportable);
    }

    private static PatientRecord recordOf(Patient p, List<GeneratedBudgets.BudgetWithLedger> generated) {
        PatientRecord.Builder b = PatientRecord.builder(p);
        generated.forEach(g -> b.budgets(List.of(g.budget())).ledger(g.ledger()));
        return b.build();
    }
}
