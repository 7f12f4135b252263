package io.github.personalcare.referral;

import io.github.personalcare.lang.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The RTT clock's arithmetic on UK local dates (R35, R36): month ends, leap years and BST changes. */
class RttClockTest {

    @ParameterizedTest(name = "started {0}, as of {1}: {2} days, {3} weeks, breach {4}")
    @DisplayName("R36 waiting time and breach date on UK local dates")
    @CsvSource({
            // month end to month end
            "2026-01-31, 2026-02-28, 28, 4, 2026-06-06",
            // across 29 February in a leap year, and the same dates in a common year
            "2024-02-28, 2024-03-01, 2, 0, 2024-07-03",
            "2023-02-28, 2023-03-01, 1, 0, 2023-07-04",
            // started on 29 February
            "2024-02-29, 2024-03-29, 29, 4, 2024-07-04",
            // the 126 days of the breach window cross 29 February
            "2023-11-01, 2024-03-06, 126, 18, 2024-03-06",
            // year end
            "2025-12-31, 2026-01-01, 1, 0, 2026-05-06",
            // across the spring BST change (31 March 2024): a week is still seven days
            "2024-03-30, 2024-04-06, 7, 1, 2024-08-03",
            // across the autumn BST change (27 October 2024)
            "2024-10-26, 2024-11-02, 7, 1, 2025-03-01",
            // as-of before the start counts as no wait
            "2026-03-10, 2026-03-01, 0, 0, 2026-07-14",
    })
    void waitingTimeAndBreachDateAreCountedInUkLocalDays(LocalDate start, LocalDate asOf, long days, long weeks,
            LocalDate breach) {
        RttClock clock = RttClock.startOn(start);
        assertThat(clock.daysWaited(asOf)).isEqualTo(days);
        assertThat(clock.weeksWaited(asOf)).isEqualTo(weeks);
        assertThat(clock.breachDate()).isEqualTo(breach);
    }

    @ParameterizedTest(name = "{0} is UK date {1}")
    @DisplayName("R35 clock dates are the Europe/London date of the command time")
    @CsvSource({
            "2024-03-30T23:30:00Z, 2024-03-30",
            "2024-03-31T00:30:00Z, 2024-03-31",
            "2024-03-31T23:30:00Z, 2024-04-01",
            "2024-10-26T23:30:00Z, 2024-10-27",
            "2024-10-27T23:30:00Z, 2024-10-27",
            "2026-03-29T23:30:00Z, 2026-03-30",
            "2026-10-25T23:30:00Z, 2026-10-25",
            "2026-06-30T23:15:00Z, 2026-07-01",
            "2024-02-28T23:30:00Z, 2024-02-28",
            "2025-12-31T23:59:59Z, 2025-12-31",
    })
    void commandTimesBecomeUkLocalDates(Instant at, LocalDate ukDate) {
        assertThat(RttClock.ukDate(at)).isEqualTo(ukDate);
    }

    @Test
    @DisplayName("R36 a wait of exactly 126 days is within 18 weeks; 127 days is a breach")
    void eighteenWeeksIsTheLastDayWithinTheStandard() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 1, 5));
        assertThat(clock.breachDate()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(clock.isWithin18WeeksOn(LocalDate.of(2026, 5, 11))).isTrue();
        assertThat(clock.isWithin18WeeksOn(LocalDate.of(2026, 5, 12))).isFalse();
    }

    @Test
    @DisplayName("R36 no pauses: a patient-choice delay is a local note and the wait is gross calendar days")
    void r36PatientChoiceDelaysNeverMoveTheClock() {
        // Start 5 January, the patient chose to wait from 1 February to 1 April; on 31 May the
        // wait is 146 days, a breach, not 87 days (the answer with the pause abolished in 2015).
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 1, 5))
                .startPatientChoiceDelay(LocalDate.of(2026, 2, 1))
                .endPatientChoiceDelay(LocalDate.of(2026, 4, 1));
        LocalDate census = LocalDate.of(2026, 5, 31);
        assertThat(clock.daysWaited(census)).isEqualTo(146);
        assertThat(clock.isWithin18WeeksOn(census)).isFalse();
        assertThat(clock.breachDate()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(clock.patientChoiceDelayDays(census)).isEqualTo(59);
        assertThat(clock.status()).isEqualTo(RttStatus.RUNNING);
    }

    @Test
    @DisplayName("R36 an open patient-choice delay note does not hold the wait")
    void r36AnOpenDelayNoteLeavesTheClockRunning() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 1, 1)).startPatientChoiceDelay(LocalDate.of(2026, 1, 11));
        assertThat(clock.daysWaited(LocalDate.of(2026, 3, 1))).isEqualTo(59);
        assertThat(clock.hasOpenPatientChoiceDelay()).isTrue();
        assertThat(clock.status()).isEqualTo(RttStatus.RUNNING);
        assertThat(clock.isOpenOn(LocalDate.of(2026, 3, 1))).isTrue();
    }

    @Test
    @DisplayName("R36 a nullified clock counts no wait and is never an incomplete pathway")
    void r36ANullifiedClockIsAsIfItNeverStarted() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 1, 5))
                .nullify(LocalDate.of(2026, 2, 20), io.github.personalcare.identity.UserId.of("CONS-1"));
        assertThat(clock.status()).isEqualTo(RttStatus.NULLIFIED);
        assertThat(clock.isOpen()).isFalse();
        assertThat(clock.daysWaited(LocalDate.of(2026, 2, 10))).isZero();
        assertThat(clock.isOpenOn(LocalDate.of(2026, 2, 10))).isFalse();
        assertThat(clock.nullification()).hasValueSatisfying(n -> assertThat(n.decidedBy().value()).isEqualTo("CONS-1"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> clock.stop(LocalDate.of(2026, 2, 21), StopReason.FIRST_DEFINITIVE_TREATMENT))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
        RttClock stopped = RttClock.startOn(LocalDate.of(2026, 1, 5))
                .stop(LocalDate.of(2026, 2, 1), StopReason.FIRST_DEFINITIVE_TREATMENT);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> stopped.nullify(LocalDate.of(2026, 2, 20), io.github.personalcare.identity.UserId.of("C")));
    }

    @Test
    @DisplayName("R36 waiting time ends at the stop, whatever the census date")
    void aStoppedClockWaitsNoLonger() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 1, 31))
                .stop(LocalDate.of(2026, 3, 31), StopReason.FIRST_DEFINITIVE_TREATMENT);
        assertThat(clock.daysWaited(LocalDate.of(2026, 12, 31))).isEqualTo(59);
        assertThat(clock.daysWaited(LocalDate.of(2026, 2, 28))).isEqualTo(28);
        assertThat(clock.status()).isEqualTo(RttStatus.STOPPED);
        assertThat(clock.isOpenOn(LocalDate.of(2026, 3, 30))).isTrue();
        assertThat(clock.isOpenOn(LocalDate.of(2026, 3, 31))).isFalse();
    }

    @Test
    @DisplayName("R36 a clock cannot stop before it starts")
    void stopBeforeStartIsImpossible() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 3, 1));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> clock.stop(LocalDate.of(2026, 2, 28), StopReason.FIRST_DEFINITIVE_TREATMENT))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
    }

    @Test
    @DisplayName("R36 a clock stops once")
    void aStoppedClockCannotStopAgain() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 3, 1))
                .stop(LocalDate.of(2026, 3, 2), StopReason.DECISION_NOT_TO_TREAT);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> clock.stop(LocalDate.of(2026, 3, 3), StopReason.FIRST_DEFINITIVE_TREATMENT));
    }

    @Test
    @DisplayName("R36 stopping a clock ends an open patient-choice delay note on the stop date")
    void stoppingClosesTheOpenDelayNote() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 3, 1)).startPatientChoiceDelay(LocalDate.of(2026, 3, 11))
                .stop(LocalDate.of(2026, 3, 21), StopReason.PATIENT_DECLINED_TREATMENT);
        assertThat(clock.patientChoiceDelays()).singleElement()
                .satisfies(d -> assertThat(d.until()).contains(LocalDate.of(2026, 3, 21)));
        assertThat(clock.daysWaited(LocalDate.of(2026, 4, 1))).isEqualTo(20);
    }

    @Test
    @DisplayName("R36 a patient-choice delay note cannot start before the clock, nor twice")
    void delayNotesStayInsideTheClock() {
        RttClock clock = RttClock.startOn(LocalDate.of(2026, 3, 1));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> clock.startPatientChoiceDelay(LocalDate.of(2026, 2, 1)));
        RttClock delayed = clock.startPatientChoiceDelay(LocalDate.of(2026, 3, 5));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> delayed.startPatientChoiceDelay(LocalDate.of(2026, 3, 6)));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> delayed.endPatientChoiceDelay(LocalDate.of(2026, 3, 4)));
    }

    @Test
    @DisplayName("R35 a decision to treat after active monitoring starts a new clock; other stops do not restart")
    void restartFollowsActiveMonitoringOnly() {
        RttClock monitoring = RttClock.startOn(LocalDate.of(2026, 1, 5))
                .stop(LocalDate.of(2026, 2, 27), StopReason.ACTIVE_MONITORING);
        RttClock restarted = monitoring.restartOn(LocalDate.of(2026, 3, 2));
        assertThat(restarted.startedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(restarted.start()).isEqualTo(RttStart.DECISION_TO_TREAT);
        assertThat(restarted.daysWaited(LocalDate.of(2026, 3, 9))).isEqualTo(7);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> monitoring.restartOn(LocalDate.of(2026, 2, 26)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
        RttClock treated = RttClock.startOn(LocalDate.of(2026, 1, 5))
                .stop(LocalDate.of(2026, 2, 27), StopReason.FIRST_DEFINITIVE_TREATMENT);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> treated.restartOn(LocalDate.of(2026, 3, 2)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> RttClock.startOn(LocalDate.of(2026, 1, 5)).restartOn(LocalDate.of(2026, 3, 2)));
    }

    @Test
    @DisplayName("R36 a missing patient-choice delay note is refused with a typed error")
    void aMissingDelayNoteIsRefused() {
        java.util.List<PatientChoiceDelay> withEmpty = new java.util.ArrayList<>();
        withEmpty.add(null);
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> new RttClock(LocalDate.of(2026, 1, 5), RttStart.UBRN_CONVERSION, withEmpty,
                        java.util.Optional.empty(), java.util.Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("patientChoiceDelays"));
    }
}
