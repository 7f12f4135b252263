package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.CorrelationId;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static io.github.personalcare.consent.ConsentFixtures.AE_CLINICIAN;
import static io.github.personalcare.consent.ConsentFixtures.AE_RECEPTIONIST;
import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.HOSPITAL;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.PARENT;
import static io.github.personalcare.consent.ConsentFixtures.POLICY;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE_ADMIN;
import static io.github.personalcare.consent.ConsentFixtures.PRIVACY_OFFICER;
import static io.github.personalcare.consent.ConsentFixtures.RESEARCHER;
import static io.github.personalcare.consent.ConsentFixtures.UNIVERSITY;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the consent engine over random patients, requests, relationships and consent trees. */
class ConsentEnginePropertiesTest {
    private static final ConsentEngine ENGINE = new ConsentEngine();

    /** One question with its facts. */
    record Scenario(AccessRequest request, ConsentFacts facts) {
        Scenario withConsents(List<ConsentRecord> consents) {
            return new Scenario(request, new ConsentFacts(consents, facts.relationships(), facts.patient(),
                    facts.policy(), facts.breakGlassOpenedAt()));
        }

        Patient patient() {
            return facts.patient().orElseThrow();
        }

        AccessDecision decide() {
            return ENGINE.decide(request, facts);
        }
    }

    @Property
    @Label("R38 random requests never throw: they decide, naming a rule and a reason")
    void randomRequestsAlwaysDecide(@ForAll("scenarios") Scenario s) {
        AccessDecision d = s.decide();
        Statistics.label("outcome").collect(d.isPermit() ? "permit" : "deny");
        Statistics.label("decided by").collect(d.rule().startsWith("Consent/") ? "a consent" : d.rule());

        assertThat(d).isNotNull();
        assertThat(d.rule()).isNotBlank();
        assertThat(d.reasons()).isNotEmpty();
    }

    @Property
    @Label("R41 R45 adding a deny provision as a new consent never turns a deny into a permit")
    void addingADenyConsentNeverTurnsDenyIntoPermit(@ForAll("scenarios") Scenario s,
            @ForAll("denyProvisions") Provision deny, @ForAll("consentIds") ConsentId id) {
        if (s.decide().isPermit()) {
            return;
        }
        ConsentRecord objection = ConsentRecord.active(id, s.patient().id(),
                ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                        .provision(Provision.root().provision(deny)).build(), NOW.minus(Duration.ofDays(1)));
        List<ConsentRecord> more = new ArrayList<>(s.facts().consents());
        more.add(objection);

        assertThat(s.withConsents(more).decide().isPermit()).isFalse();
    }

    @Property
    @Label("R45 adding a deny provision inside an existing consent never turns a deny into a permit")
    void addingANestedDenyNeverTurnsDenyIntoPermit(@ForAll("scenarios") Scenario s,
            @ForAll("denyProvisions") Provision deny, @ForAll("seeds") long seed) {
        if (s.decide().isPermit() || s.facts().consents().isEmpty()) {
            return;
        }
        Random random = new Random(seed);
        List<ConsentRecord> consents = new ArrayList<>(s.facts().consents());
        int which = random.nextInt(consents.size());
        ConsentRecord target = consents.get(which);
        Provision changed;
        try {
            changed = withDenyAt(target.terms().provision(), deny, random);
        } catch (io.github.personalcare.lang.InvalidInputException contradicts) {
            return; // the deny would contradict an overlapping sibling: not a valid consent
        }
        ConsentTerms t = target.terms();
        consents.set(which, new ConsentRecord(target.id(), target.patient(), target.status(), target.recordedAt(),
                new ConsentTerms(t.scope(), t.categories(), t.performer(), t.policies(), t.policyRule(), changed)));

        assertThat(s.withConsents(consents).decide().isPermit()).isFalse();
    }

    @Property
    @Label("R43 an expired or withdrawn consent never permits: the decision is as if it did not exist")
    void expiredOrWithdrawnConsentsChangeNothing(@ForAll("scenarios") Scenario s, @ForAll("anyConsentTemplate")
            ConsentTemplate template, @ForAll boolean expire) {
        ConsentRecord c = template.forPatient(s.patient().id());
        ConsentRecord dead;
        if (expire) {
            Provision r = c.terms().provision();
            Instant end = s.request().at().minus(Duration.ofMinutes(1));
            Provision expired = new Provision(r.type(), Optional.of(ConsentPeriod.until(end)), r.actors(), r.actions(),
                    r.dataClasses(), r.labels(), r.purposes(), r.dataPeriod(), r.provisions());
            ConsentTerms t = c.terms();
            dead = new ConsentRecord(c.id(), c.patient(), ConsentStatus.ACTIVE, c.recordedAt(),
                    new ConsentTerms(t.scope(), t.categories(), t.performer(), t.policies(), t.policyRule(), expired));
        } else {
            dead = new ConsentRecord(c.id(), c.patient(), ConsentStatus.INACTIVE, c.recordedAt(), c.terms());
        }
        List<ConsentRecord> more = new ArrayList<>(s.facts().consents());
        more.add(dead);

        assertThat(s.withConsents(more).decide()).isEqualTo(s.decide());
    }

    @Property
    @Label("R45 the decision does not depend on the order consents were recorded in")
    void orderOfConsentsDoesNotMatter(@ForAll("scenarios") Scenario s, @ForAll("seeds") long seed) {
        List<ConsentRecord> shuffled = new ArrayList<>(s.facts().consents());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(s.withConsents(shuffled).decide()).isEqualTo(s.decide());
    }

    // --- generators -----------------------------------------------------------------------------

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<ConsentId> consentIds() {
        return Arbitraries.longs().map(l -> new ConsentId(new UUID(l, ~l)));
    }

    /** A deny with random criteria and no exceptions nested in it (an exception would be a permit). */
    @Provide
    Arbitrary<Provision> denyProvisions() {
        return provision(0, ProvisionType.DENY);
    }

    /** A consent waiting for its patient. */
    interface ConsentTemplate {
        ConsentRecord forPatient(PatientId patient);
    }

    @Provide
    Arbitrary<ConsentTemplate> anyConsentTemplate() {
        return consentTemplates();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Patient> patients = Combinators.combine(Arbitraries.integers().between(0, 90),
                Arbitraries.subsetOf(PatientFlag.values()), Arbitraries.of(true, false))
                .as((age, flags, dead) -> {
                    Patient p = ConsentFixtures.patientAged(age, flags.toArray(new PatientFlag[0]));
                    return dead ? p.withDateOfDeath(ConsentFixtures.TODAY.minusDays(1)) : p;
                });
        return patients.flatMap(p -> Combinators.combine(
                requests(p),
                consentTemplates().list().ofMaxSize(4),
                Arbitraries.subsetOf(relationshipsFor(p)),
                Arbitraries.integers().between(-1, 20))
                .as((request, templates, relationships, openedHoursAgo) -> {
                    List<ConsentRecord> consents = new ArrayList<>();
                    for (ConsentTemplate t : templates) {
                        consents.add(t.forPatient(p.id()));
                    }
                    Optional<Instant> opened = openedHoursAgo < 0 ? Optional.empty()
                            : Optional.of(NOW.minus(Duration.ofHours(openedHoursAgo)));
                    return new Scenario(request, new ConsentFacts(consents, List.copyOf(relationships),
                            Optional.of(p), POLICY, opened));
                }));
    }

    static List<Relationship> relationshipsFor(Patient p) {
        return List.of(new Relationship(RelationshipKind.REGISTERED_PRACTICE, "Patient/" + p.id()),
                new Relationship(RelationshipKind.CARE_TEAM_PROFESSIONAL, "CareTeam/t1"),
                new Relationship(RelationshipKind.REFERRAL_RECEIVER, "Referral/r1"),
                new Relationship(RelationshipKind.CARER_WITH_PROXY, "CareTeam/t1"));
    }

    static Arbitrary<AccessRequest> requests(Patient p) {
        // weighted towards the actors and purposes consents speak to, so provisions decide often
        Arbitrary<Actor> actors = Arbitraries.frequency(Tuple.of(4, GP), Tuple.of(1, PRACTICE_ADMIN),
                Tuple.of(3, AE_CLINICIAN), Tuple.of(1, AE_RECEPTIONIST), Tuple.of(3, RESEARCHER),
                Tuple.of(1, PRIVACY_OFFICER), Tuple.of(4, CARER), Tuple.of(2, PARENT),
                Tuple.of(1, Actor.patient(p.id())), Tuple.of(1, Actor.patient(PatientId.random())),
                Tuple.of(1, Actor.system("relay")));
        Arbitrary<Purpose> purposes = Arbitraries.frequency(Tuple.of(4, Purpose.DIRECT_CARE),
                Tuple.of(3, Purpose.EMERGENCY), Tuple.of(4, Purpose.PATIENT_SELF_SERVICE), Tuple.of(3, Purpose.RESEARCH),
                Tuple.of(1, Purpose.PLANNING), Tuple.of(1, Purpose.ADMINISTRATION), Tuple.of(1, Purpose.AUDIT));
        return Combinators.combine(actors, purposes, Arbitraries.of(AccessAction.class),
                Arbitraries.of(DataClass.class), Arbitraries.subsetOf(SensitivityLabel.values()).ofMaxSize(2),
                Arbitraries.of("unconscious on arrival", "").injectNull(0.0),
                Arbitraries.integers().between(-24 * 90, 24 * 90))
                .as((actor, purpose, action, dataClass, labels, reason, hours) -> new AccessRequest(
                        new AccessContext(actor, purpose, reason.isEmpty() ? Optional.empty() : Optional.of(reason),
                                CorrelationId.random()),
                        Optional.of(p.id()), action, dataClass, labels, NOW.plus(Duration.ofHours(hours))));
    }

    static Arbitrary<ConsentTemplate> consentTemplates() {
        Arbitrary<Performer> performers = Arbitraries.oneOf(Arbitraries.just(Performer.patient()),
                Arbitraries.of(LegalAuthority.class).map(a -> Performer.representative(UserId.of("rep-1"), a)));
        return Combinators.combine(consentIdsStatic(), Arbitraries.frequency(Tuple.of(6, ConsentStatus.ACTIVE), Tuple.of(1, ConsentStatus.DRAFT),
                        Tuple.of(1, ConsentStatus.INACTIVE), Tuple.of(1, ConsentStatus.ENTERED_IN_ERROR)),
                Arbitraries.frequency(Tuple.of(6, ConsentScope.PATIENT_PRIVACY), Tuple.of(2, ConsentScope.TREATMENT),
                        Tuple.of(2, ConsentScope.RESEARCH), Tuple.of(1, ConsentScope.ADR)), performers,
                Arbitraries.of(BasePolicy.OPT_IN, BasePolicy.OPT_OUT).injectNull(0.2), provision(2, null),
                Arbitraries.integers().between(0, 365 * 20))
                .as((id, status, scope, performer, rule, root, daysAgo) -> patient -> new ConsentRecord(id, patient,
                        status, NOW.minus(Duration.ofDays(daysAgo)),
                        new ConsentTerms(scope, List.of(ConsentCategory.INFORMATION_ACCESS), performer,
                                rule == null ? List.of(PolicyReference.NATIONAL_DATA_OPT_OUT) : List.of(),
                                Optional.ofNullable(rule), root)));
    }

    private static Arbitrary<ConsentId> consentIdsStatic() {
        return Arbitraries.longs().map(l -> new ConsentId(new UUID(l, ~l)));
    }

    private static Arbitrary<Provision> provision(int depth, ProvisionType type) {
        Arbitrary<ProvisionActor> actor = Arbitraries.of(ProvisionActor.person(GP.user()),
                ProvisionActor.person(CARER.user()), ProvisionActor.person(PARENT.user()),
                ProvisionActor.organisation(PRACTICE), ProvisionActor.organisation(HOSPITAL),
                ProvisionActor.organisation(UNIVERSITY), ProvisionActor.role(ProfessionalRole.GENERAL_PRACTITIONER),
                ProvisionActor.role(ProfessionalRole.EMERGENCY_CLINICIAN),
                ProvisionActor.related(RelationshipKind.REGISTERED_PRACTICE),
                ProvisionActor.related(RelationshipKind.CARER_WITH_PROXY));
        Arbitrary<Optional<ConsentPeriod>> period = Arbitraries.of(0, 1, 2, 3).map(k -> {
            switch (k) {
                case 1:
                    return Optional.of(ConsentPeriod.between(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30))));
                case 2:
                    return Optional.of(ConsentPeriod.until(NOW.minus(Duration.ofDays(10))));
                case 3:
                    return Optional.of(ConsentPeriod.from(NOW.plus(Duration.ofDays(10))));
                default:
                    return Optional.<ConsentPeriod>empty();
            }
        });
        // one provision in ten bounds the data by clinical date (fail-closed matching)
        Arbitrary<Optional<DataPeriod>> dataPeriod = Arbitraries.integers().between(0, 9).map(k -> k == 0
                ? Optional.of(DataPeriod.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)))
                : Optional.<DataPeriod>empty());
        Arbitrary<List<Provision>> children = depth == 0 ? Arbitraries.just(List.of())
                : Arbitraries.of(ProvisionType.class).flatMap(t -> provision(depth - 1, t)).list().ofMaxSize(3);
        boolean root = type == null;
        Arbitrary<Tuple.Tuple5<List<ProvisionActor>, List<AccessAction>, List<DataClass>, List<SensitivityLabel>,
                List<Purpose>>> criteria = Combinators.combine(
                sparse(actor.list().uniqueElements().ofMinSize(1).ofMaxSize(2), root),
                sparse(Arbitraries.of(AccessAction.class).list().uniqueElements().ofMinSize(1).ofMaxSize(2), root),
                sparse(Arbitraries.of(DataClass.class).list().uniqueElements().ofMinSize(1).ofMaxSize(2), root),
                sparse(Arbitraries.of(SensitivityLabel.class).list().ofSize(1), root),
                sparse(Arbitraries.of(Purpose.class).list().uniqueElements().ofMinSize(1).ofMaxSize(2), root))
                .as(Tuple::of);
        return Combinators.combine(criteria, period, dataPeriod, children)
                .as((c, p, dp, kids) -> new Provision(Optional.ofNullable(type), p, c.get1(), c.get2(), c.get3(),
                        c.get4(), c.get5(), dp,
                        compatible(kids)));
    }

    /** Mostly empty criteria (any), so that provisions match often enough to decide; roots even more so. */
    @SuppressWarnings("unchecked")
    private static <T> Arbitrary<List<T>> sparse(Arbitrary<List<T>> some, boolean root) {
        return Arbitraries.frequencyOf(Tuple.of(root ? 8 : 3, Arbitraries.just(List.<T>of())), Tuple.of(2, some));
    }

    /** Drops children that would contradict an overlapping sibling of the opposite type. */
    private static List<Provision> compatible(List<Provision> kids) {
        List<Provision> kept = new ArrayList<>();
        for (Provision k : kids) {
            boolean clash = false;
            for (Provision other : kept) {
                if (!other.type().equals(k.type()) && other.overlaps(k)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(k);
            }
        }
        return kept;
    }

    /** The tree with {@code deny} added as a child of a random node on a random path from the root. */
    private static Provision withDenyAt(Provision node, Provision deny, Random random) {
        if (node.provisions().isEmpty() || random.nextInt(3) == 0) {
            List<Provision> kids = new ArrayList<>(node.provisions());
            kids.add(deny);
            return copy(node, kids);
        }
        int i = random.nextInt(node.provisions().size());
        List<Provision> kids = new ArrayList<>(node.provisions());
        kids.set(i, withDenyAt(kids.get(i), deny, random));
        return copy(node, kids);
    }

    private static Provision copy(Provision p, List<Provision> kids) {
        return new Provision(p.type(), p.period(), p.actors(), p.actions(), p.dataClasses(), p.labels(), p.purposes(),
                p.dataPeriod(), kids);
    }
}
