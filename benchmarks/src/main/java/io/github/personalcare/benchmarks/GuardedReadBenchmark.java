package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.testkit.Consents;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A whole guarded read on the in-memory storage: one transaction, the consent policy gathering
 * facts (patient, consents, care team, referrals) and deciding, the audit record hash-chained and
 * committed, the patient record returned; the patient holds {@code consentsHeld} consents (proxy
 * grants to other carers), which the facts index on every read. Beside it, its baseline: the same
 * record read from the same storage in one transaction with no guard (no facts, no decision, no
 * audit), what an unguarded store costs. A new SDK per iteration keeps the audit chain short.
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main GuardedReadBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardedReadBenchmark {
    @Param({"0", "10", "100"})
    public int consentsHeld;

    private InMemoryStorage storage;
    private PersonalCare care;
    private Patient patient;
    private final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("gp-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    @Setup(Level.Iteration)
    public void setUp() {
        storage = new InMemoryStorage();
        care = PersonalCare.builder().storage(storage).build();
        patient = care.patients().register(gp, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Amara", "Okonkwo"), LocalDate.of(1958, 4, 2), Set.of(PatientFlag.COMPLEX_NEEDS),
                Optional.of(OdsCode.of("A81001"))).value();
        AccessContext self = AccessContext.patientSelf(patient.id());
        for (int i = 0; i < consentsHeld; i++) {
            care.consents().record(self, patient.id(),
                    Consents.proxyGrant(patient.id(), UserId.of("carer-" + i)).terms());
        }
    }

    @Benchmark
    public Versioned<Patient> readPatientAsRegisteredGp() {
        return care.patients().get(gp, patient.id());
    }

    /** The baseline: the same record from the same storage, in one transaction, with no guard. */
    @Benchmark
    public Versioned<Patient> readPatientUnguarded() {
        return storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).find(patient.id()).orElseThrow());
    }
}
