package io.github.personalcare.referral;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.github.personalcare.referral.ReferralState.*;
import static io.github.personalcare.referral.ReferralWorld.BRADFORD_TRIAGE;
import static io.github.personalcare.referral.ReferralWorld.LEEDS_CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.PRACTICE;
import static io.github.personalcare.referral.ReferralWorld.YORK_CARDIOLOGY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences against the pure aggregate with a clock that only moves forward, as
 * a fuzzer would: whatever the order, the referral stays inside the §3.2 table (R30), terminal
 * states are never left, the RTT clock never reports a negative wait and never stops before it
 * starts (R35, R36), and a refused command is a typed exception.
 */
class ReferralLifecyclePropertyTest {

    /** The transitions of domain notes §3.2 plus the SDK's draft, acceptance, completion and A&G states, written out independently of ReferralState. */
    private static final Map<ReferralState, Set<ReferralState>> TABLE = new EnumMap<>(ReferralState.class);

    static {
        TABLE.put(DRAFT, EnumSet.of(DRAFT, NOT_BOOKED, ADVICE_REQUESTED, CANCELLED_REFERRAL));
        TABLE.put(ADVICE_REQUESTED, EnumSet.of(ADVICE_GIVEN, NOT_BOOKED, CANCELLED_REFERRAL));
        TABLE.put(ADVICE_GIVEN, EnumSet.of(NOT_BOOKED, COMPLETED, CANCELLED_REFERRAL));
        TABLE.put(NOT_BOOKED, EnumSet.of(NOT_BOOKED, BOOKED, DEFERRED_TO_PROVIDER, AWAITING_TRIAGE, CANCELLED_REFERRAL));
        TABLE.put(BOOKED, EnumSet.of(BOOKED, ACCEPTED, REJECTED, APPT_CANCELLED_BY_PATIENT, APPT_CANCELLED_BY_PROVIDER,
                DID_NOT_ATTEND, CANCELLED_REFERRAL));
        TABLE.put(ACCEPTED, EnumSet.of(ACCEPTED, APPT_CANCELLED_BY_PATIENT, APPT_CANCELLED_BY_PROVIDER, DID_NOT_ATTEND,
                COMPLETED, CANCELLED_REFERRAL));
        TABLE.put(DEFERRED_TO_PROVIDER, EnumSet.of(DEFERRED_TO_PROVIDER, BOOKED, CANCELLED_REFERRAL));
        TABLE.put(AWAITING_TRIAGE, EnumSet.of(AWAITING_TRIAGE, TRIAGE_RESPONSE, TRIAGED_PROVIDER_TO_ACTION,
                CANCELLED_REFERRAL));
        TABLE.put(TRIAGED_PROVIDER_TO_ACTION, EnumSet.of(TRIAGED_PROVIDER_TO_ACTION, BOOKED, CANCELLED_REFERRAL));
        TABLE.put(TRIAGE_RESPONSE, EnumSet.of(NOT_BOOKED, CANCELLED_REFERRAL));
        TABLE.put(REJECTED, EnumSet.of(NOT_BOOKED, CANCELLED_REFERRAL));
        for (ReferralState s : List.of(APPT_CANCELLED_BY_PATIENT, APPT_CANCELLED_BY_PROVIDER, DID_NOT_ATTEND)) {
            TABLE.put(s, EnumSet.of(s, BOOKED, CANCELLED_REFERRAL));
        }
        TABLE.put(COMPLETED, EnumSet.noneOf(ReferralState.class));
        TABLE.put(CANCELLED_REFERRAL, EnumSet.noneOf(ReferralState.class));
    }

    /** A command made at a time (bookings are for some days after it). */
    record Action(String name, Function<Instant, ReferralCommand> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One step: usually (four times in five) a command the current state accepts, picked by
     * {@code pick}, so sequences get deep into the lifecycle; otherwise any command, so refusals
     * are exercised too.
     */
    record Step(boolean anyCommand, int pick, int daysLater, int hoursLater) {
        Action choose(List<Action> actions, ReferralState state) {
            List<Action> candidates = anyCommand ? actions : actions.stream()
                    .filter(a -> state.accepts().contains(a.command().apply(Instant.EPOCH).type()))
                    // cancelling ends every sequence, so it is offered only one time in eight
                    .filter(a -> !a.name().equals("cancel") || pick % 8 == 0)
                    .toList();
            List<Action> from = candidates.isEmpty() ? actions : candidates;
            return from.get(pick % from.size());
        }
    }

    private static final ReasonCode REASON = ReasonCode.of("REASON");
    private static final List<Action> ACTIONS = List.of(
            new Action("shortlist3", at -> Referrals.shortlistOfThree()),
            new Action("shortlistLeeds", at -> new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY),
                    PatientChoice.choiceOffered())),
            new Action("submit", at -> new ReferralCommand.Submit()),
            new Action("bookLeeds", at -> new ReferralCommand.Book(LEEDS_CARDIOLOGY.id(), at.plus(Duration.ofDays(7)))),
            new Action("bookYork", at -> new ReferralCommand.Book(YORK_CARDIOLOGY.id(), at.plus(Duration.ofDays(3)))),
            new Action("bookBradford", at -> new ReferralCommand.Book(BRADFORD_TRIAGE.id(), at.plus(Duration.ofDays(2)))),
            new Action("deferYork", at -> new ReferralCommand.DeferToProvider(YORK_CARDIOLOGY.id(), DeferReason.SLOT_LOST)),
            new Action("deferBradford", at -> new ReferralCommand.DeferToProvider(BRADFORD_TRIAGE.id(),
                    DeferReason.BOOKING_TIMED_OUT)),
            new Action("triage", at -> new ReferralCommand.SendForTriage(BRADFORD_TRIAGE.id())),
            new Action("triageLeeds", at -> new ReferralCommand.SendForTriage(LEEDS_CARDIOLOGY.id())),
            new Action("returnWithAdvice", at -> new ReferralCommand.RecordReviewOutcome(
                    ReviewOutcome.RETURN_TO_REFERRER_WITH_ADVICE, Optional.empty())),
            new Action("acceptBookLater", at -> new ReferralCommand.RecordReviewOutcome(
                    ReviewOutcome.ACCEPT_REFER_BOOK_LATER, Optional.of(Priority.URGENT))),
            new Action("accept", at -> new ReferralCommand.Accept()),
            new Action("reject", at -> new ReferralCommand.Reject(REASON, Optional.empty())),
            new Action("patientCancelsAppt", at -> new ReferralCommand.CancelAppointment(
                    ReferralCommand.CancelledBy.PATIENT, REASON)),
            new Action("providerCancelsAppt", at -> new ReferralCommand.CancelAppointment(
                    ReferralCommand.CancelledBy.PROVIDER, REASON)),
            new Action("dna", at -> new ReferralCommand.RecordDidNotAttend()),
            new Action("cancel", at -> new ReferralCommand.Cancel(REASON, Optional.empty())),
            new Action("resubmit", at -> new ReferralCommand.Resubmit()),
            new Action("complete", at -> new ReferralCommand.Complete()),
            new Action("advise", at -> new ReferralCommand.RespondWithAdvice("advice")),
            new Action("convert", at -> new ReferralCommand.ConvertToReferral()),
            new Action("delayNote", at -> new ReferralCommand.StartPatientChoiceDelay()),
            new Action("delayNoteEnds", at -> new ReferralCommand.EndPatientChoiceDelay()),
            new Action("nullify", at -> new ReferralCommand.NullifyClock(io.github.personalcare.identity.UserId.of("C1"))),
            new Action("stopTreated", at -> new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT)),
            new Action("stopMonitoring", at -> new ReferralCommand.StopClock(StopReason.ACTIVE_MONITORING)),
            new Action("stopDeclined", at -> new ReferralCommand.StopClock(StopReason.PATIENT_DECLINED_TREATMENT)),
            new Action("restart", at -> new ReferralCommand.RestartClock()));

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4).map(i -> i == 0),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 23)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 500)
    @Label("R30 R35 R36 random command sequences stay inside the state table and keep the clock sane")
    void randomCommandSequencesNeverReachAnUndefinedState(@ForAll("sequences") List<Step> steps,
            @ForAll RequestType requestType) {
        Instant at = Instant.parse("2024-03-25T22:30:00Z");     // a week before the spring BST change
        Referral r = Referral.draft(ReferralId.random(), Referrals.UBRN, PatientId.random(),
                new Referrer(UserId.of("GP1"), PRACTICE), Priority.ROUTINE, ReferralWorld.CARDIOLOGY, "reason",
                requestType, List.of(), at);
        for (Step s : steps) {
            at = at.plus(Duration.ofDays(s.daysLater())).plus(Duration.ofHours(s.hoursLater()));
            ReferralState before = r.state();
            int historyBefore = r.history().size();
            ReferralCommand command = s.choose(ACTIONS, before).command().apply(at);
            try {
                Referral next = r.apply(command, at, UUID::randomUUID).referral();
                assertThat(TABLE.get(before)).as("%s from %s", command.type(), before).contains(next.state());
                assertThat(next.history()).hasSize(historyBefore + 1);
                r = next;
            } catch (IllegalTransitionException e) {
                assertThat(before.accepts()).doesNotContain(command.type());
            } catch (RuleViolationException | InvalidInputException e) {
                assertThat(e.rule()).isNotBlank();
            }
            assertInvariants(r, RttClock.ukDate(at));
            Statistics.label("states reached").collect(r.state());
        }
    }

    private static void assertInvariants(Referral r, LocalDate today) {
        // R35: at most one open clock, and it is the last.
        assertThat(r.clocks().stream().filter(RttClock::isOpen).count()).isLessThanOrEqualTo(1);
        for (RttClock c : r.clocks()) {
            // R36: never negative, never stopped before it started.
            assertThat(c.daysWaited(today)).isNotNegative();
            assertThat(c.weeksWaited(today)).isNotNegative();
            assertThat(c.daysWaited(today)).isLessThanOrEqualTo(Math.max(0, today.toEpochDay() - c.startedOn().toEpochDay()));
            c.stop().ifPresent(stop -> assertThat(stop.on()).isAfterOrEqualTo(c.startedOn()));
            assertThat(c.breachDate()).isEqualTo(c.startedOn().plusDays(RttClock.STANDARD_DAYS));
            // R36: no pauses: an open clock's wait is the gross calendar days since it started.
            if (c.isOpen() && !today.isBefore(c.startedOn())) {
                assertThat(c.daysWaited(today)).isEqualTo(today.toEpochDay() - c.startedOn().toEpochDay());
            }
        }
        // An appointment is current exactly while the referral is booked or accepted (R31).
        boolean booked = r.state() == BOOKED || r.state() == ACCEPTED;
        assertThat(r.currentAppointment().isPresent()).as("current appointment in %s", r.state()).isEqualTo(booked);
        // Once the provider holds the referral, it has a receiving organisation.
        if (EnumSet.of(BOOKED, ACCEPTED, DEFERRED_TO_PROVIDER, AWAITING_TRIAGE, TRIAGED_PROVIDER_TO_ACTION,
                ADVICE_REQUESTED, ADVICE_GIVEN).contains(r.state())) {
            assertThat(r.receivingOrganisation()).as("receiving organisation in %s", r.state()).isPresent();
        }
        if (r.state() == ADVICE_REQUESTED || r.state() == ADVICE_GIVEN) {
            assertThat(r.requestType()).isEqualTo(RequestType.ADVICE_AND_GUIDANCE);
        }
        if (r.state().isTerminal()) {
            assertThat(r.clock().map(RttClock::isOpen).orElse(false)).as("open clock on a closed referral").isFalse();
        }
    }
}
