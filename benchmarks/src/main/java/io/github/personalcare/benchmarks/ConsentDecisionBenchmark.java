package io.github.personalcare.benchmarks;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.consent.ConsentEngine;
import io.github.personalcare.consent.ConsentFacts;
import io.github.personalcare.consent.ConsentPolicy;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.testkit.Consents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One consent decision by the pure engine (no I/O): a GP on the care team reading the care plan of a
 * patient with {@code consents} recorded consents (proxy grants and objections to other
 * organisations), the patient's relationships already gathered.
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main ConsentDecisionBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConsentDecisionBenchmark {
    @Param({"0", "5", "50"})
    public int consents;

    private final ConsentEngine engine = new ConsentEngine();
    private AccessRequest request;
    private ConsentFacts facts;

    @Setup
    public void setUp() {
        PatientId id = PatientId.random();
        Patient patient = new Patient(id, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Amara", "Okonkwo"), LocalDate.of(1958, 4, 2), Set.of(),
                Optional.of(OdsCode.of("A81001")), Optional.empty());
        List<ConsentRecord> records = new ArrayList<>();
        for (int i = 0; i < consents; i++) {
            records.add(i % 2 == 0
                    ? Consents.proxyGrant(id, UserId.of("carer-" + i))
                    : Consents.objectionTo(id, OdsCode.of("RX" + (100 + i))));
        }
        Actor gp = Actor.professional(UserId.of("gp-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"));
        facts = ConsentFacts.of(patient, records,
                List.of(new Relationship(RelationshipKind.LEAD_PROFESSIONAL, "CareTeam/1")),
                ConsentPolicy.nhsEnglandDefaults());
        request = AccessRequest.of(AccessContext.of(gp, Purpose.DIRECT_CARE), id, AccessAction.ACCESS,
                DataClass.CARE_PLAN, Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Benchmark
    public AccessDecision decide() {
        return engine.decide(request, facts);
    }
}
