package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One referral-to-treatment (RTT) period: the 18-week clock of the NHS Constitution (domain notes
 * §3.6). It starts when the provider receives the referral or the patient books (R35), may be
 * paused, and stops for treatment or non-treatment with a reason (R36).
 *
 * <p><b>All dates are UK local dates</b> in the {@link #UK} zone (Europe/London): a command at
 * 23:30 UTC on 31 March 2024 happened on 1 April in the UK (BST). Use {@link #ukDate(Instant)}
 * to convert a command time.
 *
 * <p>Waiting time (R36): {@code (stop or census) - start - paused days}, in whole days, never
 * negative; dates before the start count as no wait. The breach date is
 * {@code start + 126 days + paused days}; a pathway waiting exactly 126 days (18 weeks) on its
 * breach date is still within the standard.
 *
 * <p>An immutable value: {@link #pause}, {@link #resume} and {@link #stop} return a new clock.
 *
 * @param startedOn the UK date the clock started
 * @param pauses    pauses in order, non-overlapping; only the last may be open
 * @param stop      when and why it stopped, if it has
 */
public record RttClock(LocalDate startedOn, List<RttPause> pauses, Optional<RttStop> stop) {
    /** The zone every RTT date is in: Europe/London. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    /** The 18-week standard in days. */
    public static final int STANDARD_DAYS = 18 * 7;

    /**
     * Checks the clock (R36); absent pauses become none and an absent stop empty.
     *
     * @param startedOn the UK date the clock started
     * @param pauses    pauses in order, non-overlapping; only the last may be open
     * @param stop      when and why it stopped, if it has
     * @throws RuleViolationException if pauses overlap, start before the clock, or the clock stops
     *                                before it starts or before a pause (R36)
     * @throws InvalidInputException if {@code startedOn} is missing
     */
    public RttClock {
        Require.present("startedOn", startedOn);
        pauses = List.copyOf(pauses == null ? List.of() : pauses);
        stop = stop == null ? Optional.empty() : stop;
        LocalDate earliest = startedOn;
        for (int i = 0; i < pauses.size(); i++) {
            RttPause p = pauses.get(i);
            if (p.from().isBefore(earliest)) {
                throw new RuleViolationException("R36", "a clock pause cannot start before the clock or an earlier pause ends");
            }
            if (p.isOpen() && i < pauses.size() - 1) {
                throw new RuleViolationException("R36", "only the last pause of a clock may be open");
            }
            earliest = p.until().orElse(p.from());
        }
        if (stop.isPresent()) {
            if (stop.get().on().isBefore(earliest)) {
                throw new RuleViolationException("R36", "a clock cannot stop before it starts or before its last pause");
            }
            if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen()) {
                throw new RuleViolationException("R36", "a stopped clock cannot have an open pause");
            }
        }
    }

    /**
     * A new clock started on the given UK date (R35).
     *
     * @param date the UK date it starts
     * @return the running clock
     */
    public static RttClock startOn(LocalDate date) {
        return new RttClock(date, List.of(), Optional.empty());
    }

    /**
     * The UK local date (Europe/London) of an instant: the date RTT rules use.
     *
     * @param at the instant
     * @return its date in the UK
     */
    public static LocalDate ukDate(Instant at) {
        return LocalDate.ofInstant(at, UK);
    }

    /**
     * {@return whether the clock is running, paused or stopped, as it stands after every recorded
     * event}
     */
    public RttStatus status() {
        if (stop.isPresent()) {
            return RttStatus.STOPPED;
        }
        return isPaused() ? RttStatus.PAUSED : RttStatus.RUNNING;
    }

    /** {@return whether the clock is still open: not stopped} */
    public boolean isOpen() {
        return stop.isEmpty();
    }

    /** {@return whether the clock is paused: its last pause is open} */
    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /**
     * True if the pathway was incomplete on the census date: started on or before it and not
     * stopped on or before it (R37).
     *
     * @param census the census date, a UK date
     * @return whether the pathway was incomplete then
     */
    public boolean isOpenOn(LocalDate census) {
        return !startedOn.isAfter(census) && stop.map(s -> s.on().isAfter(census)).orElse(true);
    }

    /**
     * Pauses the running clock from the given UK date.
     *
     * @param on the UK date the pause starts
     * @return the paused clock
     * @throws RuleViolationException if the clock is stopped or already paused, or the date is
     *                                before the start or the end of the last pause (R36)
     */
    public RttClock pause(LocalDate on) {
        if (!isOpen()) {
            throw new RuleViolationException("R36", "a stopped clock cannot be paused");
        }
        if (isPaused()) {
            throw new RuleViolationException("R36", "the clock is already paused");
        }
        List<RttPause> next = new ArrayList<>(pauses);
        next.add(new RttPause(on, Optional.empty()));
        return new RttClock(startedOn, next, stop);
    }

    /**
     * Ends the open pause on the given UK date; waiting time counts again from that date.
     *
     * @param on the UK date the pause ends
     * @return the running clock
     * @throws RuleViolationException if the clock is not paused or the date is before the pause
     *                                (R36)
     */
    public RttClock resume(LocalDate on) {
        if (!isPaused()) {
            throw new RuleViolationException("R36", "the clock is not paused");
        }
        List<RttPause> next = new ArrayList<>(pauses);
        RttPause open = next.remove(next.size() - 1);
        next.add(new RttPause(open.from(), Optional.of(on)));
        return new RttClock(startedOn, next, stop);
    }

    /**
     * Stops the clock on the given UK date for the reason given; an open pause ends on that date.
     *
     * @param on     the UK date the clock stops
     * @param reason why it stops
     * @return the stopped clock
     * @throws RuleViolationException if already stopped, or the date is before the start or a pause
     *                                (R36: a clock cannot stop before it starts)
     * @throws InvalidInputException if {@code reason} is missing
     */
    public RttClock stop(LocalDate on, StopReason reason) {
        Require.present("stopReason", reason);
        if (!isOpen()) {
            throw new RuleViolationException("R36", "the clock has already stopped");
        }
        RttClock clock = isPaused() ? resume(on) : this;
        return new RttClock(startedOn, clock.pauses, Optional.of(new RttStop(on, reason)));
    }

    /**
     * A new clock, started on the given UK date, after this one stopped for active monitoring: a
     * decision to treat starts a new RTT period (R35). The stopped clock is kept as it was.
     *
     * @param on the UK date of the decision to treat
     * @return the new, running clock
     * @throws RuleViolationException unless this clock stopped for active monitoring (R35), or if
     *                                the date is before that stop (R36)
     * @throws InvalidInputException if {@code on} is missing
     */
    public RttClock restartOn(LocalDate on) {
        Require.present("on", on);
        RttStop stopped = stop.filter(s -> s.reason() == StopReason.ACTIVE_MONITORING).orElseThrow(() ->
                new RuleViolationException("R35", "a new clock starts only on a decision to treat after active monitoring"));
        if (on.isBefore(stopped.on())) {
            throw new RuleViolationException("R36", "a new clock cannot start before active monitoring began");
        }
        return startOn(on);
    }

    /**
     * Days paused between the start and {@code asOf} (R36).
     *
     * @param asOf the UK date to count up to
     * @return the days paused, never negative
     */
    public long pausedDays(LocalDate asOf) {
        long days = 0;
        for (RttPause p : pauses) {
            LocalDate end = p.until().filter(u -> u.isBefore(asOf)).orElse(asOf);
            if (end.isAfter(p.from())) {
                days += ChronoUnit.DAYS.between(p.from(), end);
            }
        }
        return days;
    }

    /**
     * Whole days waited as of the UK date {@code asOf}: up to the stop if the clock stopped by
     * then, minus paused days (R36). Never negative; zero before the start.
     *
     * @param asOf the UK date to count up to
     * @return the days waited
     */
    public long daysWaited(LocalDate asOf) {
        if (asOf.isBefore(startedOn)) {
            return 0;
        }
        LocalDate end = stop.map(RttStop::on).filter(s -> s.isBefore(asOf)).orElse(asOf);
        return ChronoUnit.DAYS.between(startedOn, end) - pausedDays(end);
    }

    /**
     * {@return the completed weeks waited as of the UK date {@code asOf}: {@code daysWaited / 7},
     * never negative}
     *
     * @param asOf the UK date to count up to
     */
    public long weeksWaited(LocalDate asOf) {
        return daysWaited(asOf) / 7;
    }

    /**
     * The UK date by which treatment must start to meet 18 weeks: start + 126 days + days paused
     * as of {@code asOf} (R36). While a pause is open the date moves on with it.
     *
     * @param asOf the UK date the pauses are counted up to
     * @return the breach date
     */
    public LocalDate breachDate(LocalDate asOf) {
        return startedOn.plusDays(STANDARD_DAYS + pausedDays(stop.map(RttStop::on).filter(s -> s.isBefore(asOf))
                .orElse(asOf)));
    }

    /**
     * {@return whether the wait as of {@code asOf} is 18 weeks (126 days) or less (R37)}
     *
     * @param asOf the UK date to count up to
     */
    public boolean isWithin18WeeksOn(LocalDate asOf) {
        return daysWaited(asOf) <= STANDARD_DAYS;
    }
}
