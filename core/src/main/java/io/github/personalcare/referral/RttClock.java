package io.github.personalcare.referral;

import io.github.personalcare.identity.UserId;
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
 * §3.6). It starts when the e-RS UBRN is converted, on a supplied pathway start, or on a decision
 * to treat after active monitoring ({@link RttStart}, R35); it stops for treatment or
 * non-treatment with a reason, or is nullified after a first-appointment DNA (R36).
 *
 * <p><b>No pauses.</b> Patient pauses were removed from the rules on 1 October 2015: the wait is
 * gross calendar days from clock start. Delays the patient chose are kept as
 * {@link PatientChoiceDelay} notes for waiting-list management; they never change the wait.
 *
 * <p><b>All dates are UK local dates</b> in the {@link #UK} zone (Europe/London): a command at
 * 23:30 UTC on 31 March 2024 happened on 1 April in the UK (BST). Use {@link #ukDate(Instant)}
 * to convert a command time.
 *
 * <p>Waiting time (R36): {@code (stop or census) - start}, in whole days, never negative; dates
 * before the start count as no wait. The breach date is {@code start + 126 days}; a pathway
 * waiting exactly 126 days (18 weeks) on its breach date is still within the standard.
 *
 * <p>An immutable value: every command returns a new clock.
 *
 * @param startedOn           the UK date the clock started
 * @param start               what started it; a clock stored before this was recorded reads as
 *                            {@link RttStart#UBRN_CONVERSION}
 * @param patientChoiceDelays local notes of delays the patient chose, in order, non-overlapping;
 *                            only the last may be open
 * @param stop                when and why it stopped, if it has
 * @param nullification       the decision that nullified it, if one was made
 */
public record RttClock(LocalDate startedOn, RttStart start, List<PatientChoiceDelay> patientChoiceDelays,
        Optional<RttStop> stop, Optional<RttNullification> nullification) {
    /** The zone every RTT date is in: Europe/London. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    /** The 18-week standard in days. */
    public static final int STANDARD_DAYS = 18 * 7;

    /**
     * Checks the clock; an absent start reads as {@link RttStart#UBRN_CONVERSION}, absent delay notes,
     * stop and nullification as none.
     *
     * @param startedOn           the UK date the clock started
     * @param start               what started it
     * @param patientChoiceDelays local notes of delays the patient chose, in order, non-overlapping;
     *                            only the last may be open
     * @param stop                when and why it stopped, if it has
     * @param nullification       the decision that nullified it, if one was made
     * @throws InvalidInputException if {@code startedOn} is missing
     * @throws RuleViolationException if delay notes overlap or start before the clock, the clock
     *                                stops or is nullified before it starts, or is both stopped
     *                                and nullified (R36)
     */
    public RttClock {
        Require.present("startedOn", startedOn);
        start = start == null ? RttStart.UBRN_CONVERSION : start;
        patientChoiceDelays = Require.list("patientChoiceDelays", patientChoiceDelays, Integer.MAX_VALUE);
        stop = stop == null ? Optional.empty() : stop;
        nullification = nullification == null ? Optional.empty() : nullification;
        LocalDate earliest = startedOn;
        for (int i = 0; i < patientChoiceDelays.size(); i++) {
            PatientChoiceDelay d = patientChoiceDelays.get(i);
            if (d.from().isBefore(earliest)) {
                throw new RuleViolationException("R36",
                        "a patient-choice delay cannot start before the clock or an earlier delay ends");
            }
            if (d.isOpen() && i < patientChoiceDelays.size() - 1) {
                throw new RuleViolationException("R36", "only the last patient-choice delay may be open");
            }
            earliest = d.until().orElse(d.from());
        }
        if (stop.isPresent() && nullification.isPresent()) {
            throw new RuleViolationException("R36", "a clock is either stopped or nullified, not both");
        }
        Optional<LocalDate> closed = stop.isPresent() ? stop.map(RttStop::on)
                : nullification.map(RttNullification::on);
        if (closed.isPresent()) {
            if (closed.get().isBefore(startedOn)) {
                throw new RuleViolationException("R36", "a clock cannot stop or be nullified before it starts");
            }
            if (!patientChoiceDelays.isEmpty() && patientChoiceDelays.get(patientChoiceDelays.size() - 1).isOpen()) {
                throw new RuleViolationException("R36", "a closed clock cannot have an open patient-choice delay");
            }
        }
    }

    /**
     * A new clock started on the given UK date when the e-RS UBRN was converted (R35).
     *
     * @param date the UK date of the conversion
     * @return the running clock, started by {@link RttStart#UBRN_CONVERSION}
     * @throws InvalidInputException if {@code date} is missing
     */
    public static RttClock startOn(LocalDate date) {
        return startOn(date, RttStart.UBRN_CONVERSION);
    }

    /**
     * A new clock started on the given UK date by {@code start} (R35).
     *
     * @param date  the UK date the clock starts
     * @param start what starts it
     * @return the running clock
     * @throws InvalidInputException if {@code date} or {@code start} is missing
     */
    public static RttClock startOn(LocalDate date, RttStart start) {
        Require.present("start", start);
        return new RttClock(date, start, List.of(), Optional.empty(), Optional.empty());
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

    /** {@return running, stopped or nullified, as the clock stands now (after every recorded event)} */
    public RttStatus status() {
        if (nullification.isPresent()) {
            return RttStatus.NULLIFIED;
        }
        return stop.isPresent() ? RttStatus.STOPPED : RttStatus.RUNNING;
    }

    /** {@return true unless the clock has stopped or been nullified} */
    public boolean isOpen() {
        return stop.isEmpty() && nullification.isEmpty();
    }

    /** {@return true while the last patient-choice delay note is open} */
    public boolean hasOpenPatientChoiceDelay() {
        return !patientChoiceDelays.isEmpty() && patientChoiceDelays.get(patientChoiceDelays.size() - 1).isOpen();
    }

    /**
     * True if the pathway was incomplete on the census date: started on or before it and not
     * stopped on or before it (R37). A nullified clock is never an incomplete pathway: it is as if
     * it had not started.
     *
     * @param census the UK census date
     * @return whether the pathway was incomplete on {@code census}
     */
    public boolean isOpenOn(LocalDate census) {
        return nullification.isEmpty() && !startedOn.isAfter(census)
                && stop.map(s -> s.on().isAfter(census)).orElse(true);
    }

    /**
     * Notes that the patient chose to delay their pathway from the given UK date. The wait is not
     * changed (R36).
     *
     * @param on the UK date the delay starts
     * @return the clock with an open delay note
     * @throws InvalidInputException if {@code on} is missing
     * @throws RuleViolationException if the clock is closed, a delay note is already open, or the
     *                                date is before the start or the end of the last note (R36)
     */
    public RttClock startPatientChoiceDelay(LocalDate on) {
        if (!isOpen()) {
            throw new RuleViolationException("R36", "a closed clock takes no patient-choice delay note");
        }
        if (hasOpenPatientChoiceDelay()) {
            throw new RuleViolationException("R36", "a patient-choice delay is already open");
        }
        List<PatientChoiceDelay> next = new ArrayList<>(patientChoiceDelays);
        next.add(new PatientChoiceDelay(on, Optional.empty()));
        return new RttClock(startedOn, start, next, stop, nullification);
    }

    /**
     * Ends the open patient-choice delay note on the given UK date.
     *
     * @param on the UK date the delay ended
     * @return the clock with the note closed
     * @throws RuleViolationException if no note is open or the date is before it started (R36)
     */
    public RttClock endPatientChoiceDelay(LocalDate on) {
        if (!hasOpenPatientChoiceDelay()) {
            throw new RuleViolationException("R36", "no patient-choice delay is open");
        }
        return new RttClock(startedOn, start, closeOpenDelay(on), stop, nullification);
    }

    /**
     * Stops the clock on the given UK date for the reason given; an open delay note ends on that
     * date.
     *
     * @param on     the UK date the clock stops
     * @param reason why it stops: treatment or a non-treatment reason
     * @return the stopped clock
     * @throws InvalidInputException if {@code reason} is missing
     * @throws RuleViolationException if already closed, or the date is before the start (R36)
     */
    public RttClock stop(LocalDate on, StopReason reason) {
        Require.present("stopReason", reason);
        if (!isOpen()) {
            throw new RuleViolationException("R36", "the clock has already stopped or been nullified");
        }
        return new RttClock(startedOn, start, closeOpenDelay(on), Optional.of(new RttStop(on, reason)),
                Optional.empty());
    }

    /**
     * Nullifies the clock on the given UK date: a clinical decision, by {@code decidedBy}, after
     * the patient did not attend their first appointment having been given reasonable notice
     * (R36). The caller checks that it was the first appointment; the clock only records it.
     *
     * @param on        the UK date of the decision
     * @param decidedBy the professional who made it
     * @return the nullified clock
     * @throws InvalidInputException if {@code on} or {@code decidedBy} is missing
     * @throws RuleViolationException if the clock is already closed or the date is before the start (R36)
     */
    public RttClock nullify(LocalDate on, UserId decidedBy) {
        if (!isOpen()) {
            throw new RuleViolationException("R36", "the clock has already stopped or been nullified");
        }
        return new RttClock(startedOn, start, closeOpenDelay(on), Optional.empty(),
                Optional.of(new RttNullification(on, decidedBy)));
    }

    private List<PatientChoiceDelay> closeOpenDelay(LocalDate on) {
        if (!hasOpenPatientChoiceDelay()) {
            return patientChoiceDelays;
        }
        List<PatientChoiceDelay> next = new ArrayList<>(patientChoiceDelays);
        PatientChoiceDelay open = next.remove(next.size() - 1);
        next.add(new PatientChoiceDelay(open.from(), Optional.of(on)));
        return next;
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
        return startOn(on, RttStart.DECISION_TO_TREAT);
    }

    /**
     * Days the patient chose to delay between the start and {@code asOf}, from the local notes:
     * for waiting-list management only, never subtracted from the wait (R36).
     *
     * @param asOf the UK date to count up to
     * @return the days covered by the delay notes up to {@code asOf}, an open note counting up to it
     */
    public long patientChoiceDelayDays(LocalDate asOf) {
        long days = 0;
        for (PatientChoiceDelay d : patientChoiceDelays) {
            LocalDate end = d.until().filter(u -> u.isBefore(asOf)).orElse(asOf);
            if (end.isAfter(d.from())) {
                days += ChronoUnit.DAYS.between(d.from(), end);
            }
        }
        return days;
    }

    /**
     * Whole calendar days waited as of the UK date {@code asOf}: from the start up to the stop if
     * the clock stopped by then (R36). Never negative; zero before the start and for a nullified
     * clock. Patient-choice delays are not subtracted.
     *
     * @param asOf the UK date to count up to
     * @return the whole days waited
     */
    public long daysWaited(LocalDate asOf) {
        if (asOf.isBefore(startedOn) || nullification.isPresent()) {
            return 0;
        }
        LocalDate end = stop.map(RttStop::on).filter(s -> s.isBefore(asOf)).orElse(asOf);
        return ChronoUnit.DAYS.between(startedOn, end);
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

    /** {@return the UK date by which treatment must start to meet 18 weeks: start + 126 days (R36)} */
    public LocalDate breachDate() {
        return startedOn.plusDays(STANDARD_DAYS);
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
