package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.examples.Demo;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.record.ImportOutcome;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.store.memory.InMemoryStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The demo patient's whole record read back through {@link PatientRecords#read} on the in-memory
 * storage, as the registered GP: every part through its service (patient, care team, care plans,
 * budgets and each budget's ledger, referrals, consents, audit trail), so every part is decided
 * and audited. Beside it, its baseline: the same parts read from the same storage in one
 * transaction with no guard, assembled into the same {@link PatientRecord}.
 *
 * <p>The record (95 resources as FHIR) is built once by running the demo story and stored in a new
 * SDK through {@code care.imports()} before every call: a guarded read appends audit records, and
 * the whole record includes the audit trail, so reading one SDK again and again would measure an
 * ever longer trail. Setup per invocation is excluded from the figures; one call takes far longer
 * than JMH's per-invocation overhead.
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main PatientRecordReadBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PatientRecordReadBenchmark {
    private static final AccessContext MIGRATION = AccessContext.of(Actor.system("benchmark-migration"),
            Purpose.MIGRATION);
    private PatientRecord record;
    private AccessContext gp;
    private InMemoryStorage storage;
    private PersonalCare care;

    /** Builds the demo record once. */
    @Setup(Level.Trial)
    public void tellTheStory() throws IOException {
        Path file = Files.createTempFile("patient-bundle", ".json");
        try {
            Demo.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    "--fhir-out", file.toString());
            record = new FhirImporter(FhirLimits.DEFAULT).read(Files.readString(file), new PatientRecordMapper())
                    .value();
        } finally {
            Files.deleteIfExists(file);
        }
        gp = AccessContext.of(Actor.professional(UserId.of("benchmark-gp"), ProfessionalRole.GENERAL_PRACTITIONER,
                record.patient().registeredPractice().orElseThrow()), Purpose.DIRECT_CARE);
    }

    /** A new SDK holding only the demo record, with the source's audit trail as provenance. */
    @Setup(Level.Invocation)
    public void freshStore() {
        storage = new InMemoryStorage();
        care = PersonalCare.builder().storage(storage).build();
        ImportOutcome outcome = care.imports().importRecord(MIGRATION, "benchmark", record);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new IllegalStateException("the demo record did not import: " + outcome.getClass().getSimpleName());
        }
    }

    /** The whole record through the services, every part decided and audited. */
    @Benchmark
    public PatientRecord readThroughPatientRecords() {
        return PatientRecords.read(care, gp, record.patient().id());
    }

    /** The baseline: the same parts from the same storage in one transaction, with no guard. */
    @Benchmark
    public PatientRecord readUnguarded() {
        PatientId patient = record.patient().id();
        return storage.inTransaction(tx -> {
            List<PersonalHealthBudget> budgets = tx.aggregates(BudgetStores.BUDGETS).findByPatient(patient).stream()
                    .map(Versioned::value).toList();
            List<LedgerEntry> ledger = new ArrayList<>();
            for (PersonalHealthBudget b : budgets) {
                ledger.addAll(tx.entries(BudgetStores.LEDGER).byOwner(b.id()));
            }
            return PatientRecord.builder(tx.aggregates(PatientStores.PATIENTS).get(patient).value())
                    .careTeams(CareTeamStores.forPatient(tx, patient).map(Versioned::value).stream().toList())
                    .carePlans(tx.aggregates(CarePlanStores.PLANS).findByPatient(patient).stream()
                            .map(Versioned::value).toList())
                    .budgets(budgets)
                    .ledger(ledger)
                    .referrals(tx.aggregates(ReferralStores.REFERRALS).findByPatient(patient).stream()
                            .map(Versioned::value).toList())
                    .consents(tx.aggregates(ConsentStores.CONSENTS).findByPatient(patient).stream()
                            .map(Versioned::value).toList())
                    .audit(tx.audit().forPatient(patient))
                    .build();
        });
    }
}
