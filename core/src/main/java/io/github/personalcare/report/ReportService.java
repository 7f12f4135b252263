package io.github.personalcare.report;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.lang.InvalidInputException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.TreeMap;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Population-level reports for commissioners. Each report is one audited population query (the
 * guard permits commissioners, administrators, clinicians and system actors); results hold counts,
 * never identities.
 *
 * <pre>{@code
 * AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("C1"),
 *         ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING);
 * CarePlanCoverageReport r = care.reports().carePlanCoverage(commissioner, LocalDate.of(2027, 3, 31));
 * r.agreedPercent();   // e.g. 95.0 against the 2027 ambition
 * }</pre>
 */
public final class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final AccessGuard guard;
    private final ZoneId zone;

    static {
        ServiceWiring.register(ReportService.class, w -> new ReportService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    ReportService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
        this.zone = guard.clock().getZone();
    }

    /**
     * Care plan coverage on {@code asOf} (§6). The headline is the domain's measure: people flagged
     * {@link PatientFlag#COMPLEX_NEEDS}, not recorded as dead on or before {@code asOf}; the wider
     * cohort (complex needs or {@link PatientFlag#LONG_TERM_CONDITION}) is reported beside it as a
     * second, named figure. A patient counts as covered if a plan of theirs had an agreed version in
     * force at the end of that date (agreed on or before it, plan not ended by then), and as overdue
     * if that version's review date is before {@code asOf} (R11). Plans entered in error never count
     * (R13). Reads every patient and plan: run it off-peak on large populations.
     *
     * @param ctx  who asks, for what purpose
     * @param asOf the date the report describes
     * @return the coverage of both cohorts on {@code asOf}: counts only
     * @throws InvalidInputException if {@code asOf} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public CarePlanCoverageReport carePlanCoverage(AccessContext ctx, LocalDate asOf) {
        Require.present("asOf", asOf);
        CarePlanCoverageReport report = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.CARE_PLAN,
                "report.carePlanCoverage"), p -> {
            Set<PatientId> wider = new HashSet<>();
            Set<PatientId> complex = new HashSet<>();
            for (Versioned<Patient> v : p.tx().aggregates(PatientStores.PATIENTS).query(Query.all())) {
                Patient pt = v.value();
                if (pt.isDeceasedOn(asOf)) {
                    continue;
                }
                if (pt.has(PatientFlag.COMPLEX_NEEDS)) {
                    complex.add(pt.id());
                    wider.add(pt.id());
                } else if (pt.has(PatientFlag.LONG_TERM_CONDITION)) {
                    wider.add(pt.id());
                }
            }
            Map<PatientId, CarePlanVersion> inForce = new HashMap<>();
            for (Versioned<CarePlan> v : p.tx().aggregates(CarePlanStores.PLANS).query(Query.all())) {
                CarePlan plan = v.value();
                if (!wider.contains(plan.patient())) {
                    continue;
                }
                Optional<CarePlanVersion> agreed = plan.agreedOn(asOf, zone);
                // R6 allows one plan in force; should storage ever hold two, count the person once
                agreed.ifPresent(a -> inForce.merge(plan.patient(), a,
                        (x, y) -> x.agreedAt().isAfter(y.agreedAt()) ? x : y));
            }
            return new CarePlanCoverageReport(asOf, coverage(complex, inForce, asOf), coverage(wider, inForce, asOf));
        });
        log.info("care plan coverage for {}: complex needs cohort {}, agreed {}, overdue {}; wider cohort {}", asOf,
                report.cohort(), report.withAgreed(), report.overdue(), report.complexNeedsOrLongTermCondition().cohort());
        return report;
    }

    private static CarePlanCoverageReport.Coverage coverage(Set<PatientId> cohort,
            Map<PatientId, CarePlanVersion> inForce, LocalDate asOf) {
        int agreed = 0;
        int overdue = 0;
        for (PatientId id : cohort) {
            CarePlanVersion v = inForce.get(id);
            if (v != null) {
                agreed++;
                if (v.isOverdueOn(asOf)) {
                    overdue++;
                }
            }
        }
        return new CarePlanCoverageReport.Coverage(cohort.size(), agreed, overdue);
    }

    /**
     * The RTT and choice report at a census date (a UK local date) for every provider (a
     * commissioner's view): incomplete pathways, the share within 18 weeks against {@code standard}
     * (R37), waits over 52 weeks, the distribution of weeks waited, and the share of referrals where
     * choice was offered. A population query: the guard decides it without a patient and audits it.
     *
     * @param ctx      who asks, for what purpose
     * @param census   the census date, a UK local date
     * @param standard the share of incomplete pathways within 18 weeks to measure against (R37)
     * @return the report for all providers: counts only
     * @throws InvalidInputException if {@code census} or {@code standard} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public RttReport rtt(AccessContext ctx, LocalDate census, RttStandard standard) {
        return rtt(ctx, census, Optional.empty(), standard);
    }

    /**
     * The RTT and choice report at a census date for one receiving provider; otherwise as
     * {@link #rtt(AccessContext, LocalDate, RttStandard)}.
     *
     * @param ctx      who asks, for what purpose
     * @param census   the census date, a UK local date
     * @param provider the receiving provider reported on, matched against each referral's current
     *                 receiving organisation
     * @param standard the share of incomplete pathways within 18 weeks to measure against (R37)
     * @return the report for that provider: counts only
     * @throws InvalidInputException if {@code census}, {@code provider} or {@code standard} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public RttReport rtt(AccessContext ctx, LocalDate census, OdsCode provider, RttStandard standard) {
        return rtt(ctx, census, Optional.of(Require.present("provider", provider)), standard);
    }

    private RttReport rtt(AccessContext ctx, LocalDate census, Optional<OdsCode> org, RttStandard standard) {
        Require.present("census", census);
        Require.present("standard", standard);
        RttReport report = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.REFERRAL, "report.rtt"),
                p -> {
                    Query byProvider = org.map(o -> Query.where("receiving_org").is(o.value())).orElse(Query.all());
                    // one read: the referrals with a clock by the census are a subset of the provider's
                    List<Referral> all = p.tx().aggregates(ReferralStores.REFERRALS).query(byProvider).stream()
                            .map(Versioned::value).toList();
                    List<Referral> withClocks = all.stream()
                            .filter(r -> r.firstClockStart().filter(d -> !d.isAfter(census)).isPresent()).toList();
                    return RttReport.compute(census, org, standard, withClocks, all);
                });
        log.info("rtt report at {}: {} incomplete pathways", census, report.incompletePathways());
        return report;
    }

    // --- personal health budgets ---

    /**
     * Active budgets counted by management option (a budget mixing options counts once under
     * each) and by why the person has one: the measure of the 180,000 → 1 million ambition.
     * A population query.
     *
     * @param ctx who asks, for what purpose
     * @return the number of active budgets, in total, by management option and by eligibility reason
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public BudgetReport.ActiveBudgets activeBudgets(AccessContext ctx) {
        return guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.BUDGET, "budget.report.active"), p -> {
            Map<ManagementOption, Long> byOption = new EnumMap<>(ManagementOption.class);
            Map<EligibilityReason, Long> byCohort = new EnumMap<>(EligibilityReason.class);
            long total = 0;
            for (Versioned<PersonalHealthBudget> v : p.tx().aggregates(BudgetStores.BUDGETS)
                    .query(Query.where("status").is(BudgetStatus.ACTIVE))) {
                total++;
                v.value().options().forEach(o -> byOption.merge(o, 1L, Long::sum));
                byCohort.merge(v.value().eligibility().reason(), 1L, Long::sum);
            }
            return new BudgetReport.ActiveBudgets(total, byOption, byCohort);
        });
    }

    /**
     * Spends dated from {@code from} (inclusive) to {@code to} (exclusive), by category and
     * calendar month, across every budget. Refunds are reported by month. A population query.
     *
     * @param ctx  who asks, for what purpose
     * @param from the first day of the range (inclusive)
     * @param to   the end of the range (exclusive)
     * @return the spends by month and category, with their totals and counts, and the refunds by month
     * @throws InvalidInputException if {@code from} or {@code to} is missing, or {@code to} is not after
     *                               {@code from}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public BudgetReport.SpendByCategory spendByCategory(AccessContext ctx, LocalDate from, LocalDate to) {
        Require.present("from", from);
        Require.present("to", to);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "PERIOD", "must be after from");
        }
        return guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.BUDGET, "budget.report.spend"), p -> {
            Map<String, long[]> rows = new TreeMap<>();
            Map<YearMonth, long[]> refunds = new TreeMap<>();
            for (Versioned<PersonalHealthBudget> v : p.tx().aggregates(BudgetStores.BUDGETS).query(Query.all())) {
                for (LedgerEntry e : p.tx().entries(BudgetStores.LEDGER).byOwner(v.value().id())) {
                    if (e.date().isBefore(from) || !e.date().isBefore(to)) {
                        continue;
                    }
                    YearMonth month = YearMonth.from(e.date());
                    if (e.kind() == EntryKind.SPEND) {
                        long[] r = rows.computeIfAbsent(month + " " + e.category().orElseThrow().code(), k -> new long[2]);
                        r[0] = Math.addExact(r[0], e.amount().pence());
                        r[1]++;
                    } else if (e.kind() == EntryKind.REFUND) {
                        long[] r = refunds.computeIfAbsent(month, k -> new long[1]);
                        r[0] = Math.addExact(r[0], e.amount().pence());
                    }
                }
            }
            List<BudgetReport.CategorySpend> spend = new ArrayList<>();
            rows.forEach((k, r) -> {
                int space = k.indexOf(' ');
                spend.add(new BudgetReport.CategorySpend(YearMonth.parse(k.substring(0, space)),
                        SpendCategory.of(k.substring(space + 1)), Money.ofPence(r[0]), r[1]));
            });
            List<BudgetReport.MonthRefunds> refunded = new ArrayList<>();
            refunds.forEach((m, r) -> refunded.add(new BudgetReport.MonthRefunds(m, Money.ofPence(r[0]))));
            return new BudgetReport.SpendByCategory(from, to, spend, refunded);
        });
    }

}
