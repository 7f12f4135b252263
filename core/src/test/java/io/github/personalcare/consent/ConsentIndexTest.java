package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE;
import static io.github.personalcare.consent.ConsentFixtures.active;
import static io.github.personalcare.consent.ConsentFixtures.adult;
import static io.github.personalcare.consent.ConsentFixtures.objectionTo;
import static io.github.personalcare.consent.ConsentFixtures.proxyView;
import static io.github.personalcare.consent.ConsentFixtures.registeredAt;
import static io.github.personalcare.consent.ConsentFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consents of {@link ConsentFacts}, indexed by what they can apply to. */
class ConsentIndexTest {
    private static final ConsentEngine ENGINE = new ConsentEngine();

    @Test
    @DisplayName("R45 the facts' consents stay an immutable list equal to the one given, indexed once")
    void anImmutableListIndexedOnce() {
        Patient patient = adult();
        List<ConsentRecord> given = List.of(active(patient, proxyView(CARER.user())),
                active(patient, objectionTo(ProvisionActor.organisation(OdsCode.of("RX1")))));
        ConsentFacts facts = ConsentFacts.of(patient, given, List.of(), ConsentFixtures.POLICY);

        assertThat(facts.consents()).isEqualTo(given).hasSameHashCodeAs(given);
        assertThat(facts.withBreakGlassOpenedAt(ConsentFixtures.NOW).consents()).isSameAs(facts.consents());
        assertThatThrownBy(() -> facts.consents().add(given.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(facts).isEqualTo(ConsentFacts.of(patient, new ArrayList<>(given), List.of(), ConsentFixtures.POLICY));
    }

    @Test
    @DisplayName("R41 a consent naming the GP twice over (person and organisation) counts once")
    void aConsentNamingTheActorTwiceCountsOnce() {
        Patient patient = adult();
        ConsentTerms twice = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().actor(ProvisionActor.person(GP.user()), ProvisionActor.organisation(PRACTICE),
                                ProvisionActor.related(RelationshipKind.REGISTERED_PRACTICE))
                        .provision(Provision.permit().purpose(Purpose.RESEARCH)))
                .build();
        ConsentRecord grant = active(patient, twice);
        AccessRequest research = ConsentFixtures.request(patient, GP, Purpose.RESEARCH, AccessAction.USE,
                DataClass.CARE_PLAN);
        // two relationships of one kind: the kind is looked up once
        ConsentFacts facts = ConsentFacts.of(patient, List.of(grant), List.of(registeredAt(patient),
                new Relationship(RelationshipKind.REGISTERED_PRACTICE, "Patient/other-registration")),
                ConsentFixtures.POLICY);

        ConsentEvaluation ev = ConsentEvaluation.of(research, facts, patient, ConsentFixtures.POLICY);

        assertThat(ev.grants()).hasSize(1);
        assertThat(ENGINE.decide(research, facts)).isEqualTo(ConsentEngine.readingEveryConsent().decide(research, facts));
    }

    @Test
    @DisplayName("R43 consents that cannot apply are not read: other people's proxy grants, objections to other "
            + "organisations, withdrawn consents")
    void consentsThatCannotApplyAreNotCandidates() {
        Patient patient = adult();
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            consents.add(active(patient, proxyView(UserId.of("carer-" + i))));
            consents.add(active(patient, objectionTo(ProvisionActor.organisation(OdsCode.of("RX" + i)))));
            consents.add(active(patient, objectionTo(ProvisionActor.person(GP.user()))).withdraw(ConsentFixtures.NOW));
        }
        ConsentFacts facts = ConsentFacts.of(patient, consents, List.of(registeredAt(patient)), ConsentFixtures.POLICY);

        assertThat(ConsentIndex.of(facts).evaluateCandidates(view(patient, GP, Purpose.DIRECT_CARE), facts, patient,
                ConsentFixtures.POLICY)).isNull();
        AccessRequest anotherCarer = view(patient, Actor.carer(UserId.of("carer-x")), Purpose.PATIENT_SELF_SERVICE);
        assertThat(ConsentIndex.of(facts).evaluateCandidates(anotherCarer, facts, patient, ConsentFixtures.POLICY))
                .isNull();
        AccessRequest carer = view(patient, CARER, Purpose.PATIENT_SELF_SERVICE);
        assertThat(ConsentIndex.of(facts).evaluateCandidates(carer, facts, patient, ConsentFixtures.POLICY).grants())
                .as("carer-1's own grant, and nothing else").hasSize(1);
    }

    @Test
    @DisplayName("R39 a GP's direct-care permit, the patient holding 100 consents none of which applies, allocates "
            + "no bytes once the facts have decided once (counted with ThreadMXBean)")
    void theCommonPermitAllocatesNothing() throws Throwable {
        MethodHandle allocatedBytes = allocatedBytesOfThisThread();
        Patient patient = adult();
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            consents.add(active(patient, proxyView(UserId.of("carer-" + i))));
            consents.add(active(patient, objectionTo(ProvisionActor.organisation(OdsCode.of("RX" + i)))));
        }
        ConsentFacts facts = ConsentFacts.of(patient, consents, List.of(registeredAt(patient)), ConsentFixtures.POLICY);
        AccessRequest request = view(patient, GP, Purpose.DIRECT_CARE);
        AccessDecision first = ENGINE.decide(request, facts);

        assertThat(first.isPermit()).isTrue();
        assertDecidingAgainAllocatesNothing(allocatedBytes, request, facts, first);
    }

    @Test
    @DisplayName("R39 R40 R42 R47 a permit that one consent decides (direct care within a consent, a carer's grant, "
            + "research consented to, break-glass over an objection) allocates no bytes once the facts have decided "
            + "once (counted with ThreadMXBean)")
    void aPermitOneConsentDecidesAllocatesNothing() throws Throwable {
        MethodHandle allocatedBytes = allocatedBytesOfThisThread();
        Patient patient = adult();
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            consents.add(active(patient, proxyView(UserId.of("other-carer-" + i))));
            consents.add(active(patient, objectionTo(ProvisionActor.organisation(OdsCode.of("RX" + i)))));
        }
        ConsentTerms practiceMayPlan = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.permit().actor(ProvisionActor.organisation(PRACTICE))
                        .dataClass(DataClass.CARE_PLAN)))
                .build();
        consents.add(active(patient, practiceMayPlan));
        consents.add(active(patient, proxyView(CARER.user())));
        consents.add(active(patient, ConsentFixtures.researchAt(ConsentFixtures.UNIVERSITY)));
        consents.add(active(patient, objectionTo(ProvisionActor.organisation(ConsentFixtures.HOSPITAL))));
        ConsentFacts facts = ConsentFacts.of(patient, consents, List.of(registeredAt(patient)), ConsentFixtures.POLICY);
        List<AccessRequest> requests = List.of(view(patient, GP, Purpose.DIRECT_CARE),
                view(patient, CARER, Purpose.PATIENT_SELF_SERVICE),
                ConsentFixtures.request(patient, ConsentFixtures.RESEARCHER, Purpose.RESEARCH, AccessAction.USE,
                        DataClass.CARE_PLAN),
                ConsentFixtures.breakGlass(patient, ConsentFixtures.AE_CLINICIAN, "unconscious on arrival"));
        List<String> rules = List.of("R39", "Consent/", "Consent/", "R40");

        for (int r = 0; r < requests.size(); r++) {
            AccessRequest request = requests.get(r);
            AccessDecision first = ENGINE.decide(request, facts);
            assertThat(first).isEqualTo(ConsentEngine.readingEveryConsent().decide(request, facts));
            assertThat(first.isPermit()).as(rules.get(r)).isTrue();
            assertThat(first.rule()).startsWith(rules.get(r));
            assertDecidingAgainAllocatesNothing(allocatedBytes, request, facts, first);
        }
    }

    /**
     * Decides 20,000 times (past the first calls, which link and load classes), then counts the
     * bytes 10,000 more decisions allocate: fewer than one a decision, the same decision each time.
     */
    private static void assertDecidingAgainAllocatesNothing(MethodHandle allocatedBytes, AccessRequest request,
            ConsentFacts facts, AccessDecision first) throws Throwable {
        for (int i = 0; i < 20_000; i++) {
            ENGINE.decide(request, facts);
        }
        int decisions = 10_000;
        long before = (long) allocatedBytes.invokeExact();
        AccessDecision last = first;
        for (int i = 0; i < decisions; i++) {
            last = ENGINE.decide(request, facts);
        }
        long bytes = (long) allocatedBytes.invokeExact() - before;

        assertThat(last).isSameAs(first);
        assertThat(bytes).as("bytes allocated by %d decisions deciding %s", decisions, first.rule())
                .isLessThan(decisions);
    }

    @Test
    @DisplayName("R43 indexing a consent counts only what it can apply to: a role named on the root")
    void aRoleOnTheRootIsLookedUpByRole() {
        Patient patient = adult();
        ConsentTerms noNurses = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().actor(ProvisionActor.role(ProfessionalRole.NURSE))
                        .provision(Provision.deny().dataClass(DataClass.CARE_PLAN)))
                .build();
        ConsentFacts facts = ConsentFacts.of(patient, List.of(active(patient, noNurses)), List.of(registeredAt(patient)),
                ConsentFixtures.POLICY);
        var nurse = Actor.professional(UserId.of("nurse-1"), ProfessionalRole.NURSE,
                PRACTICE);

        assertThat(ENGINE.decide(view(patient, nurse, Purpose.DIRECT_CARE), facts).isPermit()).isFalse();
        assertThat(ENGINE.decide(view(patient, GP, Purpose.DIRECT_CARE), facts).isPermit()).isTrue();
    }

    /** {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, or the test is skipped. */
    private static MethodHandle allocatedBytesOfThisThread() throws ReflectiveOperationException {
        // reflection: core's module reads neither java.management nor jdk.management, and need not
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Class<?> sun;
        try {
            sun = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException absent) {
            sun = null;
        }
        Assumptions.assumeTrue(sun != null && sun.isInstance(bean), "this JVM does not count allocated bytes");
        boolean supported = (boolean) sun.getMethod("isThreadAllocatedMemorySupported").invoke(bean);
        Assumptions.assumeTrue(supported, "this JVM does not count allocated bytes");
        sun.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
        return MethodHandles.publicLookup().findVirtual(sun, "getCurrentThreadAllocatedBytes",
                MethodType.methodType(long.class)).bindTo(bean).asType(MethodType.methodType(long.class));
    }
}
