package io.github.personalcare.report;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.RttClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Referral-to-treatment performance and patient choice at a census date, for one receiving
 * provider or for all (a commissioner's view). Counts only, no patient data.
 *
 * <ul>
 *   <li>Incomplete pathways (R37): RTT clocks started on or before the census date and not
 *       stopped on or before it. Waits are counted in whole days up to the census date, less
 *       gross calendar days (R36); "within 18 weeks" is 126 days or less.</li>
 *   <li>Over 52 weeks: waits of more than 364 days (R37).</li>
 *   <li>Distribution: incomplete pathways by completed weeks waited (0 = under one week).</li>
 *   <li>Choice: referrals sent as referrals (not advice and guidance) on or before the census
 *       date, and how many of them record that choice of provider was offered.</li>
 * </ul>
 *
 * <p>The census date is a UK local date (Europe/London). The provider filter uses each
 * referral's current receiving organisation. Counts are {@link ReportCount}s: suppressed or rounded
 * by {@link SmallNumbers} for every caller but administration, distribution rows included.
 *
 * @param census              the census date
 * @param provider            the receiving provider reported on, or empty for all
 * @param standard            the standard measured against
 * @param incompletePathways  clocks open at the census date
 * @param within18Weeks       of those, waits of 126 days or less
 * @param over52Weeks         of those, waits of more than 364 days
 * @param distribution        incomplete pathways by completed weeks waited, ascending, no empty weeks
 * @param referralsSent       referrals sent on or before the census date
 * @param choiceOffered       of those, referrals recording that choice was offered
 */
public record RttReport(
        LocalDate census,
        Optional<OdsCode> provider,
        RttStandard standard,
        ReportCount incompletePathways,
        ReportCount within18Weeks,
        ReportCount over52Weeks,
        List<WeeksWaited> distribution,
        ReportCount referralsSent,
        ReportCount choiceOffered) {

    /** Waits longer than this many days count as over 52 weeks. */
    public static final int FIFTY_TWO_WEEKS_DAYS = 52 * 7;

    /**
     * Checks the report: census date, standard and every count are required. An absent provider
     * becomes empty.
     *
     * @param census             the census date
     * @param provider           the receiving provider reported on, or empty for all
     * @param standard           the standard measured against
     * @param incompletePathways clocks open at the census date
     * @param within18Weeks      of those, waits of 126 days or less
     * @param over52Weeks        of those, waits of more than 364 days
     * @param distribution       incomplete pathways by completed weeks waited, ascending, no empty
     *                           weeks
     * @param referralsSent      referrals sent on or before the census date
     * @param choiceOffered      of those, referrals recording that choice was offered
     * @throws InvalidInputException if {@code census}, {@code standard} or a count is missing
     */
    public RttReport {
        Require.present("census", census);
        provider = provider == null ? Optional.empty() : provider;
        Require.present("standard", standard);
        distribution = List.copyOf(distribution);
        Require.present("incompletePathways", incompletePathways);
        Require.present("within18Weeks", within18Weeks);
        Require.present("over52Weeks", over52Weeks);
        Require.present("referralsSent", referralsSent);
        Require.present("choiceOffered", choiceOffered);
    }

    /**
     * How many incomplete pathways had waited this many completed weeks.
     *
     * @param weeks    completed weeks waited (0 = under one week)
     * @param pathways incomplete pathways that had waited that long
     */
    public record WeeksWaited(long weeks, ReportCount pathways) {
    }

    /**
     * Exact counts of a census, before the small-number rule.
     *
     * @param openByStartDate incomplete pathways at the census by the UK date their clock started
     * @param referralsSent   referrals sent on or before the census date
     * @param choiceOffered   of those, referrals recording that choice was offered
     */
    record Counts(Map<LocalDate, Long> openByStartDate, long referralsSent, long choiceOffered) {
    }

    /**
     * The report from exact counts, each shown as {@code disclose} says: waits are gross days from
     * each start date to the census.
     */
    static RttReport of(LocalDate census, Optional<OdsCode> provider, RttStandard standard, Counts counts,
            LongFunction<ReportCount> disclose) {
        long incomplete = 0;
        long within = 0;
        long over52 = 0;
        Map<Long, Long> byWeek = new TreeMap<>();
        for (Map.Entry<LocalDate, Long> e : counts.openByStartDate().entrySet()) {
            long days = ChronoUnit.DAYS.between(e.getKey(), census);
            long n = e.getValue();
            incomplete += n;
            if (days <= RttClock.STANDARD_DAYS) {
                within += n;
            }
            if (days > FIFTY_TWO_WEEKS_DAYS) {
                over52 += n;
            }
            byWeek.merge(days / 7, n, Long::sum);
        }
        List<WeeksWaited> distribution = new ArrayList<>();
        byWeek.forEach((weeks, n) -> distribution.add(new WeeksWaited(weeks, disclose.apply(n))));
        return new RttReport(census, provider, standard, disclose.apply(incomplete), disclose.apply(within),
                disclose.apply(over52), distribution, disclose.apply(counts.referralsSent()),
                disclose.apply(counts.choiceOffered()));
    }

    /**
     * Computes the report, with exact counts, from referrals held in memory: {@code withClocks} holds
     * at least every referral with a clock started on or before the census date, {@code referrals}
     * every referral to count for choice (both already limited to the provider, if any). Every clock
     * of a referral counts, not only its latest.
     *
     * @param census     the census date, a UK local date
     * @param provider   the receiving provider reported on, or empty for all
     * @param standard   the standard to measure against
     * @param withClocks referrals that may have a clock open at the census date
     * @param referrals  referrals to count for choice
     * @return the report, counts exact
     */
    public static RttReport compute(LocalDate census, Optional<OdsCode> provider, RttStandard standard,
            Collection<Referral> withClocks, Collection<Referral> referrals) {
        Map<LocalDate, Long> open = new TreeMap<>();
        for (Referral r : withClocks) {
            for (RttClock clock : r.clocks()) {
                if (clock.isOpenOn(census)) {
                    open.merge(clock.startedOn(), 1L, Long::sum);
                }
            }
        }
        long sent = 0;
        long offered = 0;
        for (Referral r : referrals) {
            if (r.requestType() == RequestType.APPOINTMENT && r.sentOn().filter(d -> !d.isAfter(census)).isPresent()) {
                sent++;
                if (r.choice().map(c -> c.offered()).orElse(false)) {
                    offered++;
                }
            }
        }
        return of(census, provider, standard, new Counts(open, sent, offered), ReportCount::exact);
    }

    /**
     * {@return the percentage of incomplete pathways within 18 weeks} One decimal place, half up,
     * from the counts as given; empty if there are none or either count is suppressed.
     */
    public Optional<BigDecimal> percentWithin18Weeks() {
        return ReportCount.percent(within18Weeks, incompletePathways);
    }

    /**
     * {@return whether the share within 18 weeks is at least the standard} Compared exactly on the
     * counts as given, unrounded; true with no pathways; empty if either count is suppressed.
     */
    public Optional<Boolean> meetsStandard() {
        OptionalLong within = within18Weeks.value();
        OptionalLong all = incompletePathways.value();
        if (within.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(within.getAsLong()).multiply(BigDecimal.valueOf(100))
                .compareTo(standard.percentWithin18Weeks().multiply(BigDecimal.valueOf(all.getAsLong()))) >= 0);
    }

    /**
     * {@return the percentage of referrals sent where choice was offered} One decimal place, half
     * up; empty if none were sent or either count is suppressed.
     */
    public Optional<BigDecimal> percentChoiceOffered() {
        return ReportCount.percent(choiceOffered, referralsSent);
    }
}
