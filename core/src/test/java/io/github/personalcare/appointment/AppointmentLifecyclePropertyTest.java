package io.github.personalcare.appointment;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.ServiceId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences against the pure appointment with a clock that only moves forward: a
 * booked appointment is the only one that changes; cancelled, missed and attended are final; a
 * cancellation is recorded exactly when cancelled; cancelling is possible only before the start
 * and attendance only after it; reminders are always before the start, sorted, and none stays
 * once it is past the sweep or the appointment has ended; a refused command is a typed exception
 * and leaves the value as it was.
 */
class AppointmentLifecyclePropertyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<Duration> OFFSETS = List.of(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(2));
    private static final Schedule SCHEDULE = new Schedule(ScheduleId.random(), ServiceId.of("SVC-1"),
            OdsCode.of("A81001"), "Clinic", T0);

    enum Kind { REBOOK, CANCEL, DID_NOT_ATTEND, ATTENDED, SWEEP }

    /** A command after the clock moved on by {@code delay}; a rebooking goes {@code days} days ahead of then. */
    record Step(Kind kind, Duration delay, int days, Party by) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.longs().between(0, 20 * 24).map(Duration::ofHours),
                Arbitraries.integers().between(-2, 20), Arbitraries.of(Party.class)).as(Step::new);
        return step.list().ofMaxSize(12);
    }

    private static Slot slot(Instant start) {
        return Slot.publish(SlotId.random(), SCHEDULE, new NewSlot(start, start.plus(Duration.ofMinutes(15)),
                AppointmentType.ROUTINE, AppointmentMode.telephone(), ProfessionalRole.NURSE));
    }

    @Property(tries = 300)
    void theLifecycleStaysInsideItsRules(@ForAll("steps") List<Step> steps,
            @ForAll("firstStartDays") int firstStartDays) {
        Instant now = T0;
        Appointment a = Appointment.book(AppointmentId.random(), PatientId.random(),
                slot(T0.plus(Duration.ofDays(firstStartDays))), Optional.empty(), Party.PATIENT, now, OFFSETS);
        check(a, now);
        for (Step step : steps) {
            now = now.plus(step.delay());
            Appointment before = a;
            AppointmentStatus was = a.status();
            Instant at = now;
            try {
                a = switch (step.kind()) {
                    case REBOOK -> a.rebook(slot(at.plus(Duration.ofDays(step.days()))), step.by(), at, OFFSETS);
                    case CANCEL -> a.cancel(step.by(), ReasonCode.of("PATIENT_REQUEST"), at);
                    case DID_NOT_ATTEND -> a.didNotAttend(at);
                    case ATTENDED -> a.attended(at);
                    case SWEEP -> a.remindersSentUpTo(at);
                };
            } catch (IllegalTransitionException e) {
                assertThat(was.isFinal()).as("only a final appointment refuses as a transition").isTrue();
                assertThat(a).isSameAs(before);
                continue;
            } catch (RuleViolationException e) {
                assertThat(e.rule()).isIn("SLOT", "CANCEL", "DNA");
                if (e.rule().equals("CANCEL")) {
                    assertThat(at).isAfterOrEqualTo(before.startsAt());
                }
                if (e.rule().equals("DNA")) {
                    assertThat(at).isBefore(before.startsAt());
                }
                assertThat(a).isSameAs(before);
                continue;
            }
            if (was.isFinal()) {
                assertThat(step.kind()).as("a final appointment changes only by a sweep").isEqualTo(Kind.SWEEP);
                assertThat(a.status()).isEqualTo(was);
            }
            if (step.kind() == Kind.CANCEL) {
                assertThat(at).isBefore(before.startsAt());
            }
            if (step.kind() == Kind.DID_NOT_ATTEND || step.kind() == Kind.ATTENDED) {
                assertThat(at).isAfterOrEqualTo(before.startsAt());
            }
            if (step.kind() == Kind.SWEEP) {
                assertThat(a.reminders()).allSatisfy(r -> assertThat(r).isAfter(at));
            }
            check(a, now);
        }
    }

    @Provide
    Arbitrary<Integer> firstStartDays() {
        return Arbitraries.integers().between(1, 30);
    }

    private static void check(Appointment a, Instant now) {
        assertThat(a.cancellation().isPresent()).isEqualTo(a.status() == AppointmentStatus.CANCELLED);
        assertThat(a.reminders()).isSorted().doesNotHaveDuplicates()
                .allSatisfy(r -> assertThat(r).isBefore(a.startsAt()));
        if (a.status().isFinal()) {
            assertThat(a.reminders()).isEmpty();
            assertThat(a.nextReminder()).isEmpty();
        } else {
            assertThat(a.nextReminder()).isEqualTo(a.reminders().stream().findFirst());
        }
        assertThat(a.rebookings()).isNotNegative();
    }
}
