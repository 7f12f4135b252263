package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.CompetenceAssessment;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.POLICY;
import static io.github.personalcare.consent.ConsentFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index keeps, per consent, the outcome of that consent deciding alone (its grant or deny, the
 * rule naming the provision, the permit last built from it, whether a child gave it without a
 * record of competence) and the date of the last request time. Facts may share one index (a copy
 * with a break-glass episode, or facts built again from {@code facts.consents()} with a newer
 * patient record or another policy), so nothing kept may carry one patient record's, policy's,
 * episode's or request's answer to another: each decision here, made on facts sharing one index in
 * turn, equals the reference engine's on facts of their own (R38, R40, R42, R45, R46, R47).
 */
class ConsentKeptOutcomeTest {
    private static final ConsentEngine INDEXED = new ConsentEngine();
    private static final ConsentEngine REFERENCE = ConsentEngine.readingEveryConsent();
    /** Another organisation's policy: other birthdays, zone and break-glass validity. */
    private static final ConsentPolicy OTHER_POLICY = ConsentPolicy.builder().zone(ZoneId.of("America/New_York"))
            .proxyRestrictionAge(11).adultProxyAge(17).presumedCompetenceAge(15).patientOnlineAccessAge(13)
            .breakGlassValidity(Duration.ofHours(2)).build();

    /** Several facts over one patient's consents, and the requests each decides in turn. */
    record Shared(List<ConsentRecord> consents, List<ConsentFacts> facts, List<AccessRequest> requests) {
    }

    @Property(tries = 400)
    @Label("R40 R42 R45 R46 R47 facts sharing one index decide as the reference engine, in any order: kept "
            + "outcomes and permits follow the patient record, policy and episode")
    void factsSharingAnIndexDecideAsTheReference(@ForAll("shared") Shared s) {
        ConsentFacts first = s.facts().get(0);
        for (int round = 0; round < 2; round++) {
            for (AccessRequest request : s.requests()) {
                for (ConsentFacts facts : s.facts()) {
                    assertThat(facts.consents()).isSameAs(first.consents());
                    AccessDecision indexed = INDEXED.decide(request, facts);
                    ConsentFacts own = new ConsentFacts(List.copyOf(s.consents()), facts.relationships(),
                            facts.patient(), facts.policy(), facts.breakGlassOpenedAt());
                    Statistics.label("decided by").collect((indexed.rule().startsWith("Consent/") ? "a consent"
                            : indexed.rule()) + (indexed.isPermit() ? ": permit" : ": deny"));
                    assertThat(indexed).as("round %d", round).isEqualTo(REFERENCE.decide(request, own));
                }
            }
        }
    }

    @Provide
    Arbitrary<Shared> shared() {
        Arbitrary<Set<PatientFlag>> flags = Arbitraries.subsetOf(PatientFlag.NATIONAL_DATA_OPT_OUT,
                PatientFlag.LACKS_CAPACITY, PatientFlag.SENSITIVE);
        Arbitrary<Integer> ages = Arbitraries.integers().between(0, 90);
        return Combinators.combine(ages, flags, ages, flags, Arbitraries.integers().between(-1, 12 * 365))
                .as(Variants::new).flatMap(v -> {
            Patient p = ConsentFixtures.patientAged(v.age(), v.flags().toArray(new PatientFlag[0]));
            // the same patient, recorded again: another age (a corrected date of birth), other flags and
            // now and then a record of competence to consent to sharing (R46), assessed some days ago
            List<CompetenceAssessment> assessed = v.assessedDaysAgo() < 0 ? List.of()
                    : List.of(new CompetenceAssessment(CompetenceDecision.SHARING_CONSENT, true,
                            UserId.of("gp-1"), TODAY.minusDays(v.assessedDaysAgo())));
            Patient again = new Patient(p.id(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                    new PersonName("Alex", "Example"), TODAY.minusYears(v.otherAge()).minusDays(30), v.otherFlags(),
                    p.registeredPractice(), Optional.empty(), assessed);
            return Combinators.combine(
                    Arbitraries.oneOf(ConsentEnginePropertiesTest.requests(p), typical(p)).list().ofMinSize(1)
                            .ofMaxSize(4),
                    ConsentEnginePropertiesTest.consentTemplates().list().ofMaxSize(4),
                    typical().list().ofMaxSize(4),
                    Arbitraries.subsetOf(ConsentEnginePropertiesTest.relationshipsFor(p)),
                    Arbitraries.integers().between(0, 20))
                    .as((requests, random, typical, relationships, openedHoursAgo) -> {
                        List<ConsentRecord> consents = new ArrayList<>();
                        Set<ConsentId> ids = new HashSet<>();
                        List<ConsentEnginePropertiesTest.ConsentTemplate> templates = new ArrayList<>(random);
                        templates.addAll(typical);
                        for (ConsentEnginePropertiesTest.ConsentTemplate t : templates) {
                            ConsentRecord c = t.forPatient(p.id());
                            ConsentId id = c.id();
                            while (!ids.add(id)) {
                                id = ConsentId.random(); // ids are unique in storage
                            }
                            consents.add(new ConsentRecord(id, c.patient(), c.status(), c.recordedAt(), c.terms()));
                        }
                        List<Relationship> related = List.copyOf(relationships);
                        ConsentFacts facts = new ConsentFacts(consents, related, Optional.of(p), POLICY,
                                Optional.empty());
                        Instant opened = NOW.minus(Duration.ofHours(openedHoursAgo));
                        List<ConsentFacts> sharing = List.of(facts,
                                facts.withBreakGlassOpenedAt(opened),
                                new ConsentFacts(facts.consents(), related, Optional.of(again), POLICY, Optional.empty()),
                                new ConsentFacts(facts.consents(), List.of(), Optional.of(p), OTHER_POLICY,
                                        Optional.of(opened)));
                        return new Shared(consents, sharing, requests);
                    });
        });
    }

    /**
     * The consents that decide alone most often, given by the patient or a representative up to 20
     * years ago (so now and then as a child: R46): a carer's grant, research at the university, an
     * objection to the hospital, the practice allowed the care plan.
     */
    private static Arbitrary<ConsentEnginePropertiesTest.ConsentTemplate> typical() {
        Arbitrary<ConsentTerms> terms = Arbitraries.of(
                ConsentFixtures.proxyView(ConsentFixtures.CARER.user()),
                ConsentFixtures.proxyView(ConsentFixtures.CARER.user(),
                        Performer.representative(UserId.of("rep-1"), LegalAuthority.BEST_INTERESTS_DECISION)),
                ConsentFixtures.researchAt(ConsentFixtures.UNIVERSITY),
                ConsentFixtures.objectionTo(ProvisionActor.organisation(ConsentFixtures.HOSPITAL)),
                ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                        .provision(Provision.root().provision(Provision.permit()
                                .actor(ProvisionActor.organisation(ConsentFixtures.PRACTICE))
                                .dataClass(DataClass.CARE_PLAN)))
                        .build());
        return Combinators.combine(terms, Arbitraries.integers().between(1, 20 * 365))
                .as((t, daysAgo) -> patient -> ConsentRecord.active(ConsentId.random(), patient, t,
                        NOW.minus(Duration.ofDays(daysAgo))));
    }

    /**
     * The requests the typical consents decide, at times a few hours apart (the kept date follows
     * the request time): the carer, the researcher, the A&amp;E clinician with and without a reason,
     * the GP.
     */
    private static Arbitrary<AccessRequest> typical(Patient p) {
        Arbitrary<AccessRequest> requests = Arbitraries.of(
                ConsentFixtures.view(p, ConsentFixtures.CARER, Purpose.PATIENT_SELF_SERVICE),
                ConsentFixtures.request(p, ConsentFixtures.RESEARCHER, Purpose.RESEARCH, AccessAction.USE,
                        DataClass.CARE_PLAN),
                ConsentFixtures.breakGlass(p, ConsentFixtures.AE_CLINICIAN, "unconscious on arrival"),
                ConsentFixtures.breakGlass(p, ConsentFixtures.AE_CLINICIAN, null),
                ConsentFixtures.view(p, ConsentFixtures.GP, Purpose.DIRECT_CARE));
        return Combinators.combine(requests, Arbitraries.integers().between(-30, 30))
                .as((r, hours) -> ConsentFixtures.at(r, NOW.plus(Duration.ofHours(hours))));
    }

    private record Variants(int age, Set<PatientFlag> flags, int otherAge, Set<PatientFlag> otherFlags,
            int assessedDaysAgo) {
    }
}
