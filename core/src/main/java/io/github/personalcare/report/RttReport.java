package io.github.personalcare.report;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.referral.StateChange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Referral-to-treatment performance and patient choice at a census date, for one receiving
 * provider or for all (a commissioner's view). Counts only, no patient data.
 *
 * <ul>
 *   <li>Incomplete pathways (R37): RTT clocks started on or before the census date and not
 *       stopped on or before it. Waits are counted in whole days up to the census date, less
 *       paused days (R36); "within 18 weeks" is 126 days or less.</li>
 *   <li>Over 52 weeks: waits of more than 364 days (R37).</li>
 *   <li>Distribution: incomplete pathways by completed weeks waited (0 = under one week).</li>
 *   <li>Choice: referrals sent as referrals (not advice and guidance) on or before the census
 *       date, and how many of them record that choice of provider was offered.</li>
 * </ul>
 *
 * <p>The census date is a UK local date (Europe/London). The provider filter uses each
 * referral's current receiving organisation.
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
        long incompletePathways,
        long within18Weeks,
        long over52Weeks,
        List<WeeksWaited> distribution,
        long referralsSent,
        long choiceOffered) {

    /** Waits longer than this many days count as over 52 weeks. */
    public static final int FIFTY_TWO_WEEKS_DAYS = 52 * 7;

    /**
     * Checks the report: census date and standard are required, and no count is negative or larger
     * than the count it is part of. An absent provider becomes empty.
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
     * @throws InvalidInputException if {@code census} or {@code standard} is missing
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public RttReport {
        Require.present("census", census);
        provider = provider == null ? Optional.empty() : provider;
        Require.present("standard", standard);
        distribution = List.copyOf(distribution);
        if (within18Weeks > incompletePathways || over52Weeks > incompletePathways || choiceOffered > referralsSent
                || within18Weeks < 0 || over52Weeks < 0 || choiceOffered < 0) {
            throw new IllegalArgumentException("report counts are inconsistent");
        }
    }

    /**
     * How many incomplete pathways had waited this many completed weeks.
     *
     * @param weeks    completed weeks waited (0 = under one week)
     * @param pathways incomplete pathways that had waited that long
     */
    public record WeeksWaited(long weeks, long pathways) {
    }

    /**
     * Computes the report from referrals: {@code withClocks} holds at least every referral with a
     * clock started on or before the census date, {@code referrals} every referral to count for
     * choice (both already limited to the provider, if any).
     *
     * @param census     the census date, a UK local date
     * @param provider   the receiving provider reported on, or empty for all
     * @param standard   the standard to measure against
     * @param withClocks referrals that may have a clock open at the census date
     * @param referrals  referrals to count for choice
     * @return the report
     */
    public static RttReport compute(LocalDate census, Optional<OdsCode> provider, RttStandard standard,
            Collection<Referral> withClocks, Collection<Referral> referrals) {
        long incomplete = 0;
        long within = 0;
        long over52 = 0;
        Map<Long, Long> byWeek = new TreeMap<>();
        for (Referral r : withClocks) {
            for (RttClock clock : r.clocks()) {
                if (!clock.isOpenOn(census)) {
                    continue;
                }
                incomplete++;
                long days = clock.daysWaited(census);
                if (days <= RttClock.STANDARD_DAYS) {
                    within++;
                }
                if (days > FIFTY_TWO_WEEKS_DAYS) {
                    over52++;
                }
                byWeek.merge(days / 7, 1L, Long::sum);
            }
        }
        List<WeeksWaited> distribution = new ArrayList<>();
        byWeek.forEach((weeks, count) -> distribution.add(new WeeksWaited(weeks, count)));

        long sent = 0;
        long offered = 0;
        for (Referral r : referrals) {
            if (r.requestType() == RequestType.APPOINTMENT && sentOnOrBefore(r, census)) {
                sent++;
                if (r.choice().map(c -> c.offered()).orElse(false)) {
                    offered++;
                }
            }
        }
        return new RttReport(census, provider, standard, incomplete, within, over52, distribution, sent, offered);
    }

    private static boolean sentOnOrBefore(Referral r, LocalDate census) {
        for (StateChange change : r.history()) {
            if (change.to() == ReferralState.NOT_BOOKED) {
                return !RttClock.ukDate(change.at()).isAfter(census);
            }
        }
        return false;
    }

    /**
     * {@return the percentage of incomplete pathways within 18 weeks} One decimal place, half up;
     * empty if there are none.
     */
    public Optional<BigDecimal> percentWithin18Weeks() {
        return percent(within18Weeks, incompletePathways);
    }

    /**
     * {@return whether the share within 18 weeks is at least the standard} Compared exactly,
     * unrounded; true with no pathways.
     */
    public boolean meetsStandard() {
        return BigDecimal.valueOf(within18Weeks).multiply(BigDecimal.valueOf(100))
                .compareTo(standard.percentWithin18Weeks().multiply(BigDecimal.valueOf(incompletePathways))) >= 0;
    }

    /**
     * {@return the percentage of referrals sent where choice was offered} One decimal place, half
     * up; empty if none were sent.
     */
    public Optional<BigDecimal> percentChoiceOffered() {
        return percent(choiceOffered, referralsSent);
    }

    private static Optional<BigDecimal> percent(long part, long whole) {
        if (whole == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
    }
}
