package io.github.personalcare.fhir;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentCategory;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.DataPeriod;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.consent.Performer;
import io.github.personalcare.consent.PolicyReference;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.consent.ProvisionType;
import io.github.personalcare.identity.PatientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of consent records, valid by construction: any status and scope, a policy or a
 * policy rule (or both, ppc-1), and provision trees up to three levels deep whose siblings share a
 * type (so they never contradict each other, R45).
 */
final class GeneratedConsents {
    private GeneratedConsents() {
    }

    static Arbitrary<ProvisionActor> actors() {
        return Arbitraries.oneOf(
                GeneratedRecords.userIds().map(ProvisionActor::person),
                GeneratedRecords.odsCodes().map(ProvisionActor::organisation),
                Arbitraries.of(ProfessionalRole.class).map(ProvisionActor::role),
                Arbitraries.of(RelationshipKind.class).map(ProvisionActor::related));
    }

    static Arbitrary<ConsentPeriod> periods() {
        return Combinators.combine(GeneratedReferrals.instants(), Arbitraries.longs().between(1, 400_000_000_000L),
                        Arbitraries.integers().between(0, 2))
                .as((start, length, shape) -> switch (shape) {
                    case 0 -> ConsentPeriod.from(start);
                    case 1 -> ConsentPeriod.until(start);
                    default -> ConsentPeriod.between(start, start.plusMillis(length));
                });
    }

    static Arbitrary<DataPeriod> dataPeriods() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1970, 1, 1)
                .plusDays(d));
        return Combinators.combine(dates, Arbitraries.integers().between(0, 5_000), Arbitraries.integers().between(0, 2))
                .as((start, length, shape) -> switch (shape) {
                    case 0 -> new DataPeriod(Optional.of(start), Optional.empty());
                    case 1 -> new DataPeriod(Optional.empty(), Optional.of(start));
                    default -> DataPeriod.between(start, start.plusDays(length));
                });
    }

    /** A provision of the given type (empty for the root) with nested provisions down to {@code depth}. */
    static Arbitrary<Provision> provisions(Optional<ProvisionType> type, int depth) {
        Arbitrary<List<Provision>> children = depth == 0 ? Arbitraries.just(List.of())
                : Arbitraries.of(ProvisionType.class).flatMap(t -> provisions(Optional.of(t), depth - 1)
                        .list().ofMaxSize(2));
        return Combinators.combine(periods().optional(0.3), actors().list().ofMaxSize(3),
                        Arbitraries.subsetOf(AccessAction.values()), Arbitraries.subsetOf(DataClass.values()),
                        Arbitraries.subsetOf(SensitivityLabel.values()).filter(s -> s.size() <= 3),
                        Arbitraries.subsetOf(Purpose.values()).filter(s -> s.size() <= 3),
                        dataPeriods().optional(0.2), children)
                .as((period, actors, actions, classes, labels, purposes, dataPeriod, nested) -> new Provision(type,
                        period, actors, new ArrayList<>(actions), new ArrayList<>(classes), new ArrayList<>(labels),
                        new ArrayList<>(purposes), dataPeriod, nested));
    }

    static Arbitrary<Performer> performers() {
        return Arbitraries.oneOf(Arbitraries.just(Performer.patient()),
                Combinators.combine(GeneratedRecords.userIds(), Arbitraries.of(LegalAuthority.class))
                        .as(Performer::representative));
    }

    static Arbitrary<ConsentTerms> terms() {
        Arbitrary<PolicyReference> policies = Arbitraries.oneOf(Arbitraries.just(PolicyReference.NATIONAL_DATA_OPT_OUT),
                Arbitraries.of("https://www.leedsth.nhs.uk/privacy", "urn:oid:2.16.840.1.113883.3.7204.1.1")
                        .map(PolicyReference::of));
        Arbitrary<Optional<BasePolicy>> rules = Arbitraries.of(BasePolicy.class).optional(0.8);
        return Combinators.combine(Arbitraries.of(ConsentScope.class), performers(), policies.list().ofMaxSize(2),
                        rules, provisions(Optional.empty(), 2))
                .as((scope, performer, policyList, rule, root) -> new ConsentTerms(scope,
                        List.of(ConsentCategory.INFORMATION_ACCESS), performer, policyList,
                        policyList.isEmpty() && rule.isEmpty() ? Optional.of(BasePolicy.OPT_IN) : rule, root));
    }

    static Arbitrary<ConsentRecord> consents(PatientId patient) {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), Arbitraries.of(ConsentStatus.class),
                        GeneratedReferrals.instants(), terms())
                .as((id, status, at, terms) -> new ConsentRecord(new ConsentId(id), patient, status, at, terms));
    }
}
