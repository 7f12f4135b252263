package io.github.personalcare.consent;

import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.PatientId;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed consent engine decides exactly as the reference engine, which reads every consent in
 * full (R38, R41, R43, R45, R46, R47): on random consent sets (up to 40 consents, any status and
 * scope, periods around now, nested provisions naming people, organisations, roles and
 * relationships) and random requests (direct care, emergency and break-glass, proxies, research,
 * planning, administration, self-service) with relationships that may repeat a kind.
 */
class ConsentIndexEquivalenceTest {
    private static final ConsentEngine INDEXED = new ConsentEngine();
    private static final ConsentEngine REFERENCE = ConsentEngine.readingEveryConsent();

    @Property(tries = 1000)
    @Label("R45 the index finds every consent that can change a decision: same evaluation, same decision as "
            + "reading every consent")
    void indexedEngineDecidesAsReadingEveryConsent(@ForAll("scenarios") ConsentEnginePropertiesTest.Scenario s) {
        AccessRequest request = s.request();
        ConsentFacts facts = s.facts();
        AccessDecision indexed = INDEXED.decide(request, facts);
        Statistics.label("outcome").collect(indexed.isPermit() ? "permit" : "deny");
        Statistics.label("decided by").collect(indexed.rule().startsWith("Consent/") ? "a consent" : indexed.rule());

        assertThat(indexed).isEqualTo(REFERENCE.decide(request, facts));
        assertThat(INDEXED.decide(request, facts)).as("a second decision on the same facts").isEqualTo(indexed);
        Patient patient = s.patient();
        if (!request.patient().equals(Optional.of(patient.id()))) {
            return;
        }
        ConsentEvaluation fast = ConsentEvaluation.of(request, facts, patient, POLICY);
        ConsentEvaluation every = ConsentEvaluation.everyConsent(request, facts, patient, POLICY);
        assertThat(fast.unevaluable()).isEqualTo(every.unevaluable());
        if (every.unevaluable()) {
            return;
        }
        assertThat(fast.denies()).isEqualTo(every.denies());
        if (every.denies()) {
            assertThat(fast.denyRule()).isEqualTo(every.denyRule());
        }
        assertThat(fast.grants()).isEqualTo(every.grants());
        assertThat(fast.withheld()).isEqualTo(every.withheld());
        assertThat(fast.competenceIgnored()).isEqualTo(every.competenceIgnored());
    }

    @Provide
    Arbitrary<ConsentEnginePropertiesTest.Scenario> scenarios() {
        Arbitrary<Patient> patients = Combinators.combine(Arbitraries.integers().between(0, 90),
                Arbitraries.subsetOf(PatientFlag.values()))
                .as((age, flags) -> ConsentFixtures.patientAged(age, flags.toArray(new PatientFlag[0])));
        return patients.flatMap(p -> Combinators.combine(
                ConsentEnginePropertiesTest.requests(p),
                ConsentEnginePropertiesTest.consentTemplates().list().ofMaxSize(40),
                relationships(p),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(-1, 20))
                .as((request, templates, relationships, foreign, openedHoursAgo) -> {
                    List<ConsentRecord> consents = new ArrayList<>();
                    Set<ConsentId> ids = new HashSet<>();
                    for (int i = 0; i < templates.size(); i++) {
                        // now and then a consent of another patient: the facts were gathered wrongly (R38)
                        PatientId owner = foreign == 0 && i == templates.size() - 1 ? PatientId.random() : p.id();
                        ConsentRecord c = templates.get(i).forPatient(owner);
                        // ids are unique in storage; generated edge cases repeat them
                        ConsentId id = c.id();
                        while (!ids.add(id)) {
                            id = ConsentId.random();
                        }
                        consents.add(new ConsentRecord(id, c.patient(), c.status(), c.recordedAt(), c.terms()));
                    }
                    Optional<Instant> opened = openedHoursAgo < 0 ? Optional.empty()
                            : Optional.of(NOW.minus(Duration.ofHours(openedHoursAgo)));
                    return new ConsentEnginePropertiesTest.Scenario(request,
                            new ConsentFacts(consents, relationships, Optional.of(p), POLICY, opened));
                }));
    }

    /** Any of the patient's relationships, in any order, a kind now and then held twice (two care teams). */
    private static Arbitrary<List<Relationship>> relationships(Patient p) {
        List<Relationship> all = new ArrayList<>(ConsentEnginePropertiesTest.relationshipsFor(p));
        all.add(new Relationship(RelationshipKind.CARE_TEAM_PROFESSIONAL, "CareTeam/t2"));
        all.add(new Relationship(RelationshipKind.CARER_WITH_PROXY, "CareTeam/t2"));
        return Arbitraries.of(all).list().uniqueElements().ofMaxSize(all.size());
    }
}
