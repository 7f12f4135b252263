package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.patient.Patient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The budget the demo story builds through the services (allocations, spends, a refused spend)
 * leaves as FHIR Accounts and ChargeItems and comes back with the same lines, ledger and
 * balances, and the Bundle exports again byte for byte.
 */
class FhirBudgetStoryTest {
    @Test
    void theStorysBudgetAndLedgerSurviveTheFhirRoundTrip() {
        StoryClock clock = new StoryClock(Demo.START, ZoneId.of("Europe/London"));
        PersonalCare care = PersonalCare.builder().clock(clock).build();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Patient patient = PatientChapter.tell(care, out);
        CarePlanChapter.run(care, out, patient.id(), PatientChapter.GP);
        BudgetChapter.run(care, out, PatientChapter.GP, patient.id());

        PatientRecord record = PatientRecords.read(care, PatientChapter.GP, patient.id());
        PatientRecordMapper mapper = new PatientRecordMapper();
        String first = FhirWriter.toJson(mapper.toFhir(record));
        PatientRecord back = new FhirImporter(FhirLimits.DEFAULT).read(first, mapper).value();

        assertThat(record.budgets()).isNotEmpty();
        assertThat(record.ledger()).isNotEmpty();
        assertThat(first).contains("\"resourceType\":\"Account\"", "\"resourceType\":\"ChargeItem\"");
        assertThat(back.ledger()).isEqualTo(record.ledger());
        assertThat(back.budgets()).hasSameSizeAs(record.budgets());
        for (int i = 0; i < record.budgets().size(); i++) {
            PersonalHealthBudget before = record.budgets().get(i);
            PersonalHealthBudget after = back.budgets().get(i);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.lines()).isEqualTo(before.lines());
            assertThat(after.accounts()).isEqualTo(before.accounts());
            assertThat(after.balance()).isEqualTo(before.balance());
            for (BudgetLine line : before.lines()) {
                assertThat(after.balance(line.code())).isEqualTo(before.balance(line.code()));
            }
            assertThat(after.nextReviewDue()).isEqualTo(before.nextReviewDue());
        }
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
    }
}
