package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.report.BudgetReport;
import io.github.personalcare.report.CarePlanCoverageReport;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.report.RttReport;
import io.github.personalcare.report.RttStandard;
import io.github.personalcare.report.SmallNumbers;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Population reports counted by the storage ({@code AggregateStore.count}) give the same answers on
 * every storage: each test fills the storage under test with the same {@link SyntheticPopulation}
 * and compares the reports with the answers computed in Java from the generated records
 * themselves, and the raw counts with the in-memory storage's.
 */
public abstract class PopulationReportContract extends StorageContract {
    /** Large enough that no report cell is a small number by chance of the seed; small enough to be quick. */
    private static final int PATIENTS = 600;
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);
    private static final SyntheticPopulation POPULATION = new SyntheticPopulation(20270331L, PATIENTS, TODAY);
    private static final AccessContext ADMIN = AccessContext.of(Actor.professional(UserId.of("ADMIN-1"),
            ProfessionalRole.ADMINISTRATOR, OdsCode.of("A81001")), Purpose.ADMINISTRATION);
    private static final AccessContext COMMISSIONER = AccessContext.of(Actor.professional(UserId.of("ICB-1"),
            ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING);

    private final List<SyntheticPopulation.Person> people = new ArrayList<>();
    private PersonalCare care;

    /** For the adapter's subclass. */
    protected PopulationReportContract() {
    }

    @BeforeEach
    void fill() {
        POPULATION.writeTo(storage, 1);
        for (int i = 0; i < PATIENTS; i++) {
            people.add(POPULATION.person(i));
        }
        care = care(storage);
    }

    private static PersonalCare care(Storage storage) {
        return PersonalCare.builder().storage(storage)
                .clock(Clock.fixed(TODAY.atTime(LocalTime.NOON).atZone(RttClock.UK).toInstant(), RttClock.UK))
                .build();
    }

    @Test
    @DisplayName("§6 R11 R13 coverage counted by the storage equals coverage computed from the plans themselves")
    void coverageEqualsTheGeneratedPlans() {
        for (LocalDate asOf : List.of(TODAY, TODAY.minusDays(10))) {
            CarePlanCoverageReport report = care.reports().carePlanCoverage(ADMIN, asOf);

            assertThat(report.complexNeeds()).as("complex needs on %s", asOf).isEqualTo(expectedCoverage(asOf, true));
            assertThat(report.complexNeedsOrLongTermCondition()).as("wider cohort on %s", asOf)
                    .isEqualTo(expectedCoverage(asOf, false));
        }
    }

    private CarePlanCoverageReport.Coverage expectedCoverage(LocalDate asOf, boolean complexOnly) {
        long cohort = 0;
        long agreed = 0;
        long overdue = 0;
        for (SyntheticPopulation.Person p : people) {
            boolean in = p.patient().has(PatientFlag.COMPLEX_NEEDS)
                    || (!complexOnly && p.patient().has(PatientFlag.LONG_TERM_CONDITION));
            if (!in || p.patient().isDeceasedOn(asOf)) {
                continue;
            }
            cohort++;
            Optional<CarePlanVersion> inForce = p.plan().flatMap(plan -> plan.agreedOn(asOf, RttClock.UK));
            if (inForce.isPresent()) {
                agreed++;
                // the storage judges overdue by the latest version; generated reviews are 5 to 10 days after agreement
                CarePlan plan = p.plan().get();
                CarePlanVersion latest = plan.versions().get(plan.versions().size() - 1);
                boolean latestInForce = !java.time.LocalDate.ofInstant(latest.agreedAt(), RttClock.UK).isAfter(asOf);
                if (latestInForce && latest.isOverdueOn(asOf)) {
                    overdue++;
                }
            }
        }
        return CarePlanCoverageReport.Coverage.exact(cohort, agreed, overdue);
    }

    @Test
    @DisplayName("R37 the RTT report counted by the storage equals the report computed from the referrals")
    void rttEqualsTheGeneratedReferrals() {
        List<Referral> all = people.stream().flatMap(p -> p.referrals().stream()).toList();
        for (LocalDate census : List.of(TODAY, TODAY.minusWeeks(20))) {
            assertThat(care.reports().rtt(ADMIN, census, RttStandard.NATIONAL))
                    .isEqualTo(RttReport.compute(census, Optional.empty(), RttStandard.NATIONAL, all, all));
        }
        OdsCode leeds = Referrals.LEEDS.provider();
        List<Referral> atLeeds = all.stream()
                .filter(r -> r.receivingOrganisation().filter(leeds::equals).isPresent()).toList();
        assertThat(care.reports().rtt(ADMIN, TODAY, leeds, RttStandard.NATIONAL))
                .isEqualTo(RttReport.compute(TODAY, Optional.of(leeds), RttStandard.NATIONAL, atLeeds, atLeeds));
    }

    @Test
    @DisplayName("§6 active budgets by option and cohort counted by the storage equal the generated budgets")
    void activeBudgetsEqualTheGeneratedBudgets() {
        long total = 0;
        Map<ManagementOption, ReportCount> byOption = new EnumMap<>(ManagementOption.class);
        Map<EligibilityReason, ReportCount> byCohort = new EnumMap<>(EligibilityReason.class);
        Map<ManagementOption, Long> options = new EnumMap<>(ManagementOption.class);
        Map<EligibilityReason, Long> cohorts = new EnumMap<>(EligibilityReason.class);
        for (SyntheticPopulation.Person p : people) {
            Optional<PersonalHealthBudget> b = p.budget().filter(x -> x.status() == BudgetStatus.ACTIVE);
            if (b.isPresent()) {
                total++;
                b.get().options().forEach(o -> options.merge(o, 1L, Long::sum));
                cohorts.merge(b.get().eligibility().reason(), 1L, Long::sum);
            }
        }
        options.forEach((k, n) -> byOption.put(k, ReportCount.exact(n)));
        cohorts.forEach((k, n) -> byCohort.put(k, ReportCount.exact(n)));

        assertThat(care.reports().activeBudgets(ADMIN))
                .isEqualTo(new BudgetReport.ActiveBudgets(ReportCount.exact(total), byOption, byCohort));
    }

    @Test
    @DisplayName("R42 a planning caller gets every count through the NHS Digital small-number rule, percentages from those")
    void aPlanningCallerGetsTheSmallNumberRule() {
        CarePlanCoverageReport exact = care.reports().carePlanCoverage(ADMIN, TODAY);
        CarePlanCoverageReport planning = care.reports().carePlanCoverage(COMMISSIONER, TODAY);
        RttReport rttExact = care.reports().rtt(ADMIN, TODAY, RttStandard.NATIONAL);
        RttReport rttPlanning = care.reports().rtt(COMMISSIONER, TODAY, RttStandard.NATIONAL);

        assertThat(planning.withAgreed()).isEqualTo(disclosed(exact.withAgreed()));
        assertThat(planning.cohort()).isEqualTo(disclosed(exact.cohort()));
        assertThat(planning.overdue()).isEqualTo(disclosed(exact.overdue()));
        assertThat(planning.agreedPercent()).isEqualTo(ReportCount.percent(planning.withAgreed(), planning.cohort()));
        assertThat(rttPlanning.incompletePathways()).isEqualTo(disclosed(rttExact.incompletePathways()));
        assertThat(rttPlanning.distribution()).hasSameSizeAs(rttExact.distribution());
        for (int i = 0; i < rttExact.distribution().size(); i++) {
            assertThat(rttPlanning.distribution().get(i).pathways())
                    .isEqualTo(disclosed(rttExact.distribution().get(i).pathways()));
        }
        // the weekly distribution of a few hundred patients holds small numbers: some are withheld
        assertThat(rttPlanning.distribution()).anySatisfy(w -> assertThat(w.pathways().isSuppressed()).isTrue());
    }

    private static ReportCount disclosed(ReportCount exact) {
        return SmallNumbers.NHS_DIGITAL.apply(exact.value().orElseThrow());
    }

    @Test
    @DisplayName("counts grouped by index, with a condition on another type of the patient, equal the in-memory storage's")
    void groupedCountsEqualTheInMemoryStorage() {
        InMemoryStorage memory = new InMemoryStorage();
        POPULATION.writeTo(memory, 1);
        Query alive = Query.where("died_on").afterOrAbsent(TODAY);
        Query covered = alive.andPatientHas(CarePlanStores.PLANS,
                Query.where("agreed_from").onOrBefore(TODAY).and("ended_on").afterOrAbsent(TODAY));
        List<String> flags = List.of("complex_needs", "long_term_condition");
        for (Query q : List.of(Query.all(), alive, covered)) {
            assertThat(groups(storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).count(q, flags))))
                    .as("%s", q)
                    .isEqualTo(groups(memory.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).count(q, flags))));
        }
        Query open = Query.where("clock_start").onOrBefore(TODAY).and("clock_stop").afterOrAbsent(TODAY);
        assertThat(groups(storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .count(open, List.of("receiving_org", "clock_start")))))
                .isEqualTo(groups(memory.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                        .count(open, List.of("receiving_org", "clock_start")))));
        List<GroupCount> everyone = storage.inTransaction(
                tx -> tx.aggregates(PatientStores.PATIENTS).count(Query.all(), List.of()));
        assertThat(everyone).containsExactly(new GroupCount(List.of(), PATIENTS));
        List<GroupCount> none = storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS)
                .count(Query.where("died_on").before(TODAY.minusYears(50)), List.of()));
        assertThat(none).isEmpty();
    }

    private static Set<GroupCount> groups(List<GroupCount> rows) {
        return new HashSet<>(rows);
    }
}
