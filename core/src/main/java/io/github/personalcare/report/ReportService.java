package io.github.personalcare.report;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.GroupTotal;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Population-level reports for commissioners. Each report is one audited population query (the
 * guard permits commissioners, administrators, clinicians and system actors); results hold counts,
 * never identities.
 *
 * <p>Coverage, RTT and active budgets are counted by the storage ({@code AggregateStore.count}, SQL
 * {@code GROUP BY} over indexed columns on PostgreSQL and H2) without loading a document, so their
 * memory does not grow with the population; spend by category totals the ledger's columns there too.
 *
 * <p><b>Small numbers.</b> Every count, and so every percentage, goes through the builder's
 * {@link SmallNumbers} rule (default {@link SmallNumbers#NHS_DIGITAL}: suppress 1 to 7, round the
 * rest to the nearest 5) unless the caller acts for {@link Purpose#ADMINISTRATION} — an
 * organisation managing its own service, whose staff may already see each record. Planning,
 * direct care, audit and every other purpose the guard lets run a population report get
 * anonymised figures only. The figures include people who registered the national data opt-out:
 * anonymised aggregates are outside it (domain notes §4.3, R42).
 *
 * <pre>{@code
 * AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("C1"),
 *         ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING);
 * CarePlanCoverageReport r = care.reports().carePlanCoverage(commissioner, LocalDate.of(2027, 3, 31));
 * r.agreedPercent();   // e.g. Optional[95.0] against the 2027 ambition; empty if suppressed
 * }</pre>
 */
public final class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final AccessGuard guard;
    private final SmallNumbers smallNumbers;

    static {
        ServiceWiring.register(ReportService.class, w -> new ReportService(w.guard(),
                w.option(SmallNumbers.class).orElse(SmallNumbers.NHS_DIGITAL)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    ReportService(AccessGuard guard, SmallNumbers smallNumbers) {
        this.guard = Require.present("guard", guard);
        this.smallNumbers = Require.present("smallNumbers", smallNumbers);
    }

    /** Exact counts for administration only; the small-number rule for everyone else. */
    private LongFunction<ReportCount> disclosure(AccessContext ctx) {
        return Require.present("ctx", ctx).purpose() == Purpose.ADMINISTRATION ? ReportCount::exact
                : smallNumbers::apply;
    }

    /**
     * Care plan coverage on {@code asOf} (§6). The headline is the domain's measure: people flagged
     * {@link PatientFlag#COMPLEX_NEEDS}, not recorded as dead on or before {@code asOf}; the wider
     * cohort (complex needs or {@link PatientFlag#LONG_TERM_CONDITION}) is reported beside it as a
     * second, named figure. A patient counts as covered if a plan of theirs had an agreed version in
     * force at the end of that UK date (first agreed on or before it, plan not ended by then), and as
     * overdue if that version's review date is before {@code asOf} (R11). Plans entered in error never
     * count (R13). Counted in the storage (six counts, each over one cohort's part of the patient
     * index); a plan re-agreed after {@code asOf} is judged by its latest
     * version, which was not yet in force, so for a past date it counts as covered but not overdue.
     *
     * @param ctx  who asks, for what purpose
     * @param asOf the date the report describes
     * @return the coverage of both cohorts on {@code asOf}: counts only, disclosed as the class says
     * @throws InvalidInputException if {@code asOf} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public CarePlanCoverageReport carePlanCoverage(AccessContext ctx, LocalDate asOf) {
        Require.present("asOf", asOf);
        LongFunction<ReportCount> disclose = disclosure(ctx);
        CarePlanCoverageReport report = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.CARE_PLAN,
                "report.carePlanCoverage"), p -> {
            var patients = p.tx().aggregates(PatientStores.PATIENTS);
            Query alive = Query.where("died_on").afterOrAbsent(asOf);
            // The two cohorts apart (complex needs; a long-term condition without complex needs), so
            // each count reads only its cohort's part of the patient index, never every patient.
            Query complex = alive.and("complex_needs").is(true);
            Query ltcOnly = alive.and("complex_needs").is(false).and("long_term_condition").is(true);
            Query inForce = Query.where("agreed_from").onOrBefore(asOf).and("ended_on").afterOrAbsent(asOf);
            Query overdue = inForce.and("last_agreed_on").onOrBefore(asOf).and("last_review_due").before(asOf);
            long[] counts = new long[6];
            int n = 0;
            for (Query cohort : List.of(complex, ltcOnly)) {
                counts[n++] = total(patients.count(cohort, List.of()));
                counts[n++] = total(patients.count(cohort.andPatientHas(CarePlanStores.PLANS, inForce), List.of()));
                counts[n++] = total(patients.count(cohort.andPatientHas(CarePlanStores.PLANS, overdue), List.of()));
            }
            return new CarePlanCoverageReport(asOf,
                    new CarePlanCoverageReport.Coverage(disclose.apply(counts[0]), disclose.apply(counts[1]),
                            disclose.apply(counts[2])),
                    new CarePlanCoverageReport.Coverage(disclose.apply(counts[0] + counts[3]),
                            disclose.apply(counts[1] + counts[4]), disclose.apply(counts[2] + counts[5])));
        });
        log.info("care plan coverage for {} reported", asOf);
        return report;
    }

    private static long total(List<GroupCount> groups) {
        return groups.stream().mapToLong(GroupCount::count).sum();
    }

    /**
     * The RTT and choice report at a census date (a UK local date) for every provider (a
     * commissioner's view): incomplete pathways, the share within 18 weeks against {@code standard}
     * (R37), waits over 52 weeks, the distribution of weeks waited, and the share of referrals where
     * choice was offered. A population query: the guard decides it without a patient and audits it.
     * Counted in the storage from each referral's latest clock (an earlier clock of a restarted
     * pathway is not counted at a census before the restart).
     *
     * @param ctx      who asks, for what purpose
     * @param census   the census date, a UK local date
     * @param standard the share of incomplete pathways within 18 weeks to measure against (R37)
     * @return the report for all providers: counts only, disclosed as the class says
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
     * @return the report for that provider: counts only, disclosed as the class says
     * @throws InvalidInputException if {@code census}, {@code provider} or {@code standard} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public RttReport rtt(AccessContext ctx, LocalDate census, OdsCode provider, RttStandard standard) {
        return rtt(ctx, census, Optional.of(Require.present("provider", provider)), standard);
    }

    private RttReport rtt(AccessContext ctx, LocalDate census, Optional<OdsCode> org, RttStandard standard) {
        Require.present("census", census);
        Require.present("standard", standard);
        LongFunction<ReportCount> disclose = disclosure(ctx);
        RttReport report = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.REFERRAL, "report.rtt"),
                p -> RttReport.of(census, org, standard, rttCounts(p.tx(), census, org), disclose));
        log.info("rtt report at {} reported", census);
        return report;
    }

    private static RttReport.Counts rttCounts(Transaction tx, LocalDate census, Optional<OdsCode> org) {
        var referrals = tx.aggregates(ReferralStores.REFERRALS);
        Query open = Query.where("clock_start").onOrBefore(census).and("clock_stop").afterOrAbsent(census);
        Query sent = Query.where("sent_on").onOrBefore(census);
        if (org.isPresent()) {
            open = open.and("receiving_org").is(org.get().value());
            sent = sent.and("receiving_org").is(org.get().value());
        }
        Map<LocalDate, Long> byStart = new TreeMap<>();
        for (GroupCount g : referrals.count(open, List.of("clock_start"))) {
            byStart.put((LocalDate) g.value(0), g.count());
        }
        long all = 0;
        long offered = 0;
        for (GroupCount g : referrals.count(sent, List.of("choice_offered"))) {
            all += g.count();
            if (Boolean.TRUE.equals(g.value(0))) {
                offered += g.count();
            }
        }
        return new RttReport.Counts(byStart, all, offered);
    }

    // --- personal health budgets ---

    /**
     * Active budgets counted by management option (a budget mixing options counts once under
     * each) and by why the person has one: the measure of the 180,000 → 1 million ambition.
     * A population query, counted in the storage.
     *
     * @param ctx who asks, for what purpose
     * @return the number of active budgets, in total, by management option and by eligibility reason,
     *         disclosed as the class says
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population reports
     */
    public BudgetReport.ActiveBudgets activeBudgets(AccessContext ctx) {
        LongFunction<ReportCount> disclose = disclosure(ctx);
        return guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.BUDGET, "budget.report.active"), p -> {
            Map<ManagementOption, Long> byOption = new EnumMap<>(ManagementOption.class);
            Map<EligibilityReason, Long> byCohort = new EnumMap<>(EligibilityReason.class);
            long total = 0;
            for (GroupCount g : p.tx().aggregates(BudgetStores.BUDGETS).count(Query.where("status")
                    .is(BudgetStatus.ACTIVE), List.of("cohort", "notional", "third_party", "direct_payment"))) {
                total += g.count();
                if (g.value(0) != null) {
                    byCohort.merge(EligibilityReason.valueOf((String) g.value(0)), g.count(), Long::sum);
                }
                ManagementOption[] options = {ManagementOption.NOTIONAL, ManagementOption.THIRD_PARTY,
                    ManagementOption.DIRECT_PAYMENT};
                for (int i = 0; i < options.length; i++) {
                    if (Boolean.TRUE.equals(g.value(i + 1))) {
                        byOption.merge(options[i], g.count(), Long::sum);
                    }
                }
            }
            return new BudgetReport.ActiveBudgets(disclose.apply(total), disclosed(byOption, disclose),
                    disclosed(byCohort, disclose));
        });
    }

    private static <K extends Enum<K>> Map<K, ReportCount> disclosed(Map<K, Long> exact,
            LongFunction<ReportCount> disclose) {
        Map<K, ReportCount> m = new java.util.HashMap<>();
        exact.forEach((k, n) -> m.put(k, disclose.apply(n)));
        return m;
    }

    /**
     * Spends dated from {@code from} (inclusive) to {@code to} (exclusive), by category and
     * calendar month, across every budget. Refunds are reported by month. A population query
     * totalled by the storage ({@link io.github.personalcare.spi.EntryLog#total}): no ledger entry is
     * loaded, so memory does not grow with the population.
     *
     * @param ctx  who asks, for what purpose
     * @param from the first day of the range (inclusive)
     * @param to   the end of the range (exclusive)
     * @return the spends by month and category, with their totals and counts, and the refunds by
     *         month, disclosed as the class says (an amount is withheld where its count is suppressed)
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
        LongFunction<ReportCount> disclose = disclosure(ctx);
        return guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.BUDGET, "budget.report.spend"), p -> {
            // Totalled in the storage by day and category (at most days x categories rows, whatever the
            // population), then folded into calendar months here.
            Map<String, long[]> rows = new TreeMap<>();
            Map<YearMonth, long[]> refunds = new TreeMap<>();
            var ledger = p.tx().entries(BudgetStores.LEDGER);
            Query period = Query.where("entry_date").onOrAfter(from).and("entry_date").before(to);
            for (GroupTotal t : ledger.total(period.and("kind").is(EntryKind.SPEND), List.of("entry_date", "category"),
                    "amount_pence")) {
                YearMonth month = YearMonth.from((LocalDate) t.value(0));
                add(rows.computeIfAbsent(month + " " + t.value(1), k -> new long[2]), t);
            }
            for (GroupTotal t : ledger.total(period.and("kind").is(EntryKind.REFUND), List.of("entry_date"),
                    "amount_pence")) {
                add(refunds.computeIfAbsent(YearMonth.from((LocalDate) t.value(0)), k -> new long[2]), t);
            }
            List<BudgetReport.CategorySpend> spend = new ArrayList<>();
            rows.forEach((k, r) -> {
                int space = k.indexOf(' ');
                ReportCount count = disclose.apply(r[1]);
                spend.add(new BudgetReport.CategorySpend(YearMonth.parse(k.substring(0, space)),
                        SpendCategory.of(k.substring(space + 1)), amount(count, r[0]), count));
            });
            List<BudgetReport.MonthRefunds> refunded = new ArrayList<>();
            refunds.forEach((m, r) -> {
                ReportCount count = disclose.apply(r[1]);
                refunded.add(new BudgetReport.MonthRefunds(m, amount(count, r[0]), count));
            });
            return new BudgetReport.SpendByCategory(from, to, spend, refunded);
        });
    }

    private static void add(long[] row, GroupTotal t) {
        row[0] = Math.addExact(row[0], t.sum());
        row[1] += t.count();
    }

    private static Optional<Money> amount(ReportCount count, long pence) {
        return count.isSuppressed() ? Optional.empty() : Optional.of(Money.ofPence(pence));
    }
}
