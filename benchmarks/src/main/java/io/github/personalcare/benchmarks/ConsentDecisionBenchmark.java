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
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentEngine;
import io.github.personalcare.consent.ConsentFacts;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentPolicy;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;
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

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One decision of the pure consent engine (no I/O), the facts gathered beforehand, for a patient
 * holding {@code records} consent records of which none, one or all apply to the request; the
 * indexed engine ({@link #indexed}) beside its baseline in the same run, the reference engine that
 * reads every consent in full ({@link #readingEveryConsent}, the engine before issue 14).
 *
 * <p>The requests: a GP on the care team reading the care plan ({@code DIRECT_CARE}); a carer
 * reading it ({@code PROXY}); a researcher at a university using it ({@code RESEARCH}); an A&amp;E
 * clinician with no relationship reading it in an emergency with a reason ({@code BREAK_GLASS}).
 * Records that do not apply are proxy grants to other carers and objections to other organisations
 * (research consents at other universities for {@code RESEARCH}); records that apply are, in turn,
 * opt-out consents whose nested permit names the GP's practice for care plans, proxy grants to the
 * carer, research consents at the university, and objections to the A&amp;E trust (which break-glass
 * overrides).
 *
 * <p>Median and percentiles: run in {@code -bm sample} mode (the default here). Run:
 * {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main ConsentDecisionBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConsentDecisionBenchmark {
    /** Who asks, and why. */
    public enum Request { DIRECT_CARE, PROXY, RESEARCH, BREAK_GLASS }

    /** How many of the patient's consent records apply to the request. */
    public enum Applying { NONE, ONE, ALL }

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final OdsCode TRUST = OdsCode.of("RH8");
    private static final OdsCode UNIVERSITY = OdsCode.of("UNI01");
    private static final UserId CARER = UserId.of("carer-1");

    @Param({"1", "10", "100", "1000"})
    public int records;

    @Param({"DIRECT_CARE", "PROXY", "RESEARCH", "BREAK_GLASS"})
    public Request request;

    @Param({"NONE", "ONE", "ALL"})
    public Applying applying;

    private final ConsentEngine engine = new ConsentEngine();
    private ConsentEngine reference;
    private AccessRequest question;
    private ConsentFacts facts;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        // the reference engine is package-private in core (not API): reached by reflection, the
        // benchmark running on the class path
        Method readingEveryConsent = ConsentEngine.class.getDeclaredMethod("readingEveryConsent");
        readingEveryConsent.setAccessible(true);
        reference = (ConsentEngine) readingEveryConsent.invoke(null);

        PatientId id = PatientId.random();
        Patient patient = new Patient(id, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Amara", "Okonkwo"), LocalDate.of(1958, 4, 2), Set.of(),
                Optional.of(PRACTICE), Optional.empty());
        int apply = applying == Applying.NONE ? 0 : applying == Applying.ONE ? 1 : records;
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            consents.add(i < apply ? applies(id) : appliesNot(id, i));
        }
        List<Relationship> relationships = request == Request.DIRECT_CARE
                ? List.of(new Relationship(RelationshipKind.LEAD_PROFESSIONAL, "CareTeam/1"))
                : List.of();
        facts = ConsentFacts.of(patient, consents, relationships, ConsentPolicy.nhsEnglandDefaults());
        question = question(id);
        AccessDecision indexed = engine.decide(question, facts);
        if (!indexed.equals(reference.decide(question, facts))) {
            throw new IllegalStateException("the indexed engine decides otherwise than the reference engine");
        }
    }

    /** The indexed engine, as the SDK decides. */
    @Benchmark
    public AccessDecision indexed() {
        return engine.decide(question, facts);
    }

    /** The baseline: the same rules, every consent read in full. */
    @Benchmark
    public AccessDecision readingEveryConsent() {
        return reference.decide(question, facts);
    }

    private AccessRequest question(PatientId id) {
        switch (request) {
            case DIRECT_CARE:
                return AccessRequest.of(AccessContext.of(Actor.professional(UserId.of("gp-1"),
                        ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE), id,
                        AccessAction.ACCESS, DataClass.CARE_PLAN, AT);
            case PROXY:
                return AccessRequest.of(AccessContext.of(Actor.carer(CARER), Purpose.PATIENT_SELF_SERVICE), id,
                        AccessAction.ACCESS, DataClass.CARE_PLAN, AT);
            case RESEARCH:
                return AccessRequest.of(AccessContext.of(Actor.professional(UserId.of("res-1"),
                        ProfessionalRole.RESEARCHER, UNIVERSITY), Purpose.RESEARCH), id,
                        AccessAction.USE, DataClass.CARE_PLAN, AT);
            default:
                return AccessRequest.of(AccessContext.of(Actor.professional(UserId.of("ae-1"),
                        ProfessionalRole.EMERGENCY_CLINICIAN, TRUST), Purpose.EMERGENCY, "unconscious on arrival"), id,
                        AccessAction.ACCESS, DataClass.CARE_PLAN, AT);
        }
    }

    private ConsentRecord applies(PatientId id) {
        switch (request) {
            case DIRECT_CARE:
                return consent(id, ConsentScope.PATIENT_PRIVACY, BasePolicy.OPT_OUT, Provision.root().provision(
                        Provision.permit().actor(ProvisionActor.organisation(PRACTICE))
                                .dataClass(DataClass.CARE_PLAN)));
            case PROXY:
                return Consents.proxyGrant(id, CARER);
            case RESEARCH:
                return research(id, UNIVERSITY);
            default:
                return Consents.objectionTo(id, TRUST);
        }
    }

    private ConsentRecord appliesNot(PatientId id, int i) {
        if (request == Request.RESEARCH) {
            return research(id, OdsCode.of("UNI" + (100 + i)));
        }
        return i % 2 == 0
                ? Consents.proxyGrant(id, UserId.of("carer-" + (100 + i)))
                : Consents.objectionTo(id, OdsCode.of("RX" + (100 + i)));
    }

    private static ConsentRecord research(PatientId id, OdsCode organisation) {
        // the study's organisation on the root, so opt-in means "nothing else for that organisation"
        return consent(id, ConsentScope.RESEARCH, BasePolicy.OPT_IN, Provision.root()
                .actor(ProvisionActor.organisation(organisation))
                .provision(Provision.permit().purpose(Purpose.RESEARCH)));
    }

    private static ConsentRecord consent(PatientId id, ConsentScope scope, BasePolicy rule, Provision.Builder root) {
        return ConsentRecord.active(ConsentId.random(), id, ConsentTerms.builder(scope).policyRule(rule)
                .provision(root).build(), Consents.RECORDED_AT);
    }
}
