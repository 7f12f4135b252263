package io.github.personalcare.referral;

import io.github.personalcare.lang.RuleViolationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Invariants of the RTT clock under random pause, resume and stop events (R36). */
class RttClockPropertyTest {

    enum Op { DELAY_STARTS, DELAY_ENDS, STOP, NULLIFY }

    record Event(Op op, int dayOffset) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        // Offsets may be negative: events dated before the last one must be refused, not absorbed.
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(-5, 60))
                .as(Event::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 3_000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    @Property(tries = 1_000)
    @Label("R36 the RTT clock never reports a negative wait, waits never shrink, and a wait is gross calendar days")
    void waitsAreNeverNegativeAndNeverShrink(@ForAll("dates") LocalDate start, @ForAll("events") List<Event> events,
            @ForAll @IntRange(min = -30, max = 900) int census) {
        RttClock clock = RttClock.startOn(start);
        LocalDate last = start;
        for (Event e : events) {
            LocalDate on = last.plusDays(e.dayOffset());
            try {
                clock = switch (e.op()) {
                    case DELAY_STARTS -> clock.startPatientChoiceDelay(on);
                    case DELAY_ENDS -> clock.endPatientChoiceDelay(on);
                    case NULLIFY -> clock.nullify(on, io.github.personalcare.identity.UserId.of("CONS-1"));
                    case STOP -> clock.stop(on, StopReason.DECISION_NOT_TO_TREAT);
                };
                last = on;
            } catch (RuleViolationException refused) {
                assertThat(refused.rule()).isEqualTo("R36");
            }
        }
        LocalDate asOf = start.plusDays(census);
        long waited = clock.daysWaited(asOf);
        assertThat(waited).isNotNegative();
        assertThat(clock.daysWaited(asOf.plusDays(1))).isBetween(waited, waited + 1);
        assertThat(clock.weeksWaited(asOf)).isEqualTo(waited / 7);
        if (clock.stop().isPresent()) {
            assertThat(clock.stop().get().on()).isAfterOrEqualTo(start);
        }
        // R36: no pauses: the wait is gross calendar days from the start to the stop or census,
        // whatever patient-choice delays were noted; a nullified clock counts none.
        if (clock.nullification().isPresent()) {
            assertThat(waited).isZero();
        } else if (!asOf.isBefore(start)) {
            LocalDate end = clock.stop().map(RttStop::on).filter(s -> s.isBefore(asOf)).orElse(asOf);
            assertThat(waited).isEqualTo(end.toEpochDay() - start.toEpochDay());
        }
    }

    @Property(tries = 500)
    @Label("R36 stop before start is impossible")
    void stopBeforeStartIsImpossible(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 400) int daysEarlier,
            @ForAll StopReason reason) {
        RttClock clock = RttClock.startOn(start);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> clock.stop(start.minusDays(daysEarlier), reason))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
    }
}
