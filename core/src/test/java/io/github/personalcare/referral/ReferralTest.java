package io.github.personalcare.referral;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.github.personalcare.referral.ReferralWorld.BRADFORD_TRIAGE;
import static io.github.personalcare.referral.ReferralWorld.LEEDS_CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.LEEDS_PHYSIO;
import static io.github.personalcare.referral.ReferralWorld.YORK_CARDIOLOGY;
import static io.github.personalcare.referral.Referrals.REASON;
import static io.github.personalcare.referral.Referrals.T0;
import static io.github.personalcare.referral.Referrals.apply;
import static io.github.personalcare.referral.Referrals.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The pure referral aggregate: each rule R28–R36 it enforces, without storage. */
class ReferralTest {

    // R28 ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ROUTINE", "URGENT", "TWO_WEEK_WAIT"})
    @DisplayName("R28 the three e-RS priority codes are read")
    void theThreePriorityCodesAreRead(String code) {
        assertThat(Priority.ofCode(code).name()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPEDITED", "routine", "", "STAT"})
    @DisplayName("R28 an unknown priority is a typed error naming the field")
    void anUnknownPriorityIsRejected(String code) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Priority.ofCode(code))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("priority");
                    assertThat(e.rule()).isEqualTo("R28");
                    assertThat(e.getMessage()).doesNotContain(code.isEmpty() ? "\u0000" : code);
                });
    }

    // R29 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R29 a shortlist has at least one service")
    void anEmptyShortlistIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.Shortlist(List.of(), PatientChoice.choiceOffered()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
    }

    @Test
    @DisplayName("R29 a shortlist has at most twenty services")
    void aShortlistOfTwentyOneIsRejected() {
        List<HealthcareService> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new HealthcareService(ServiceId.of("S" + i), "Service " + i, LEEDS_CARDIOLOGY.provider(),
                    ReferralWorld.CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS1"));
        }
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.Shortlist(many, PatientChoice.choiceOffered()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
        assertThat(new ReferralCommand.Shortlist(many.subList(0, 20), PatientChoice.choiceOffered()).services())
                .hasSize(20);
    }

    @Test
    @DisplayName("R29 a referral cannot be booked into a service not on its shortlist")
    void bookingOffTheShortlistIsRefused() {
        Referral r = apply(Referrals.draft(), new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY),
                PatientChoice.choiceOffered()), T0);
        Referral sent = apply(r, new ReferralCommand.Submit(), T0);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> sent.apply(new ReferralCommand.Book(YORK_CARDIOLOGY.id(), day(10)), day(1), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
    }

    @Test
    @DisplayName("R29 booking without a chosen service is a typed error")
    void bookingWithoutAServiceIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.Book(null, day(10)))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("service");
                    assertThat(e.rule()).isEqualTo("R29");
                });
    }

    @Test
    @DisplayName("R29 a referral is not sent without a shortlist")
    void submittingWithoutAShortlistIsRefused() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> Referrals.draft().apply(new ReferralCommand.Submit(), T0, UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
    }

    @Test
    @DisplayName("R29 the shortlist and whether choice was offered are recorded")
    void theShortlistAndChoiceAreRecorded() {
        Referral r = apply(Referrals.draft(), new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY),
                PatientChoice.exempt(ChoiceExemption.URGENT_OR_EMERGENCY_CARE)), T0);
        assertThat(r.shortlist()).containsExactly(LEEDS_CARDIOLOGY);
        assertThat(r.choice()).contains(PatientChoice.exempt(ChoiceExemption.URGENT_OR_EMERGENCY_CARE));
    }

    @Test
    void choiceNotOfferedNeedsADocumentedExemption() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new PatientChoice(false, Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("choice.exemption"));
    }

    @Test
    void servicesOfAnotherSpecialtyCannotBeShortlisted() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Referrals.draft().apply(new ReferralCommand.Shortlist(List.of(LEEDS_PHYSIO),
                        PatientChoice.choiceOffered()), T0, UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SPECIALTY"));
    }

    // R30 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R30 a command the state does not accept is an illegal transition")
    void acceptingAnUnbookedReferralIsIllegal() {
        Referral r = Referrals.notBooked();
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> r.apply(new ReferralCommand.Accept(), day(1), UUID::randomUUID))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("R30");
                    assertThat(e.state()).isEqualTo("NOT_BOOKED");
                    assertThat(e.command()).isEqualTo("ACCEPT");
                });
        assertThat(r.state()).isEqualTo(ReferralState.NOT_BOOKED);
    }

    @Test
    @DisplayName("R30 CANCELLED_REFERRAL is terminal: no command leaves it")
    void aCancelledReferralAcceptsNothing() {
        Referral cancelled = apply(Referrals.booked(), Referrals.cancel(), day(2));
        assertThat(cancelled.state()).isEqualTo(ReferralState.CANCELLED_REFERRAL);
        assertThat(ReferralState.CANCELLED_REFERRAL.accepts()).isEmpty();
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> cancelled.apply(new ReferralCommand.Resubmit(), day(3), UUID::randomUUID));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> cancelled.apply(new ReferralCommand.Book(LEEDS_CARDIOLOGY.id(), day(20)), day(3),
                        UUID::randomUUID));
    }

    @Test
    @DisplayName("R30 every transition is timestamped in the history")
    void everyTransitionIsTimestamped() {
        Referral r = Referrals.accepted();
        assertThat(r.history()).extracting(StateChange::command).containsExactly(ReferralCommand.Type.SHORTLIST,
                ReferralCommand.Type.SUBMIT, ReferralCommand.Type.BOOK, ReferralCommand.Type.ACCEPT);
        assertThat(r.history()).extracting(StateChange::at).containsExactly(T0, T0, day(1), day(2));
        assertThat(r.history().get(3).from()).isEqualTo(ReferralState.BOOKED);
        assertThat(r.history().get(3).to()).isEqualTo(ReferralState.ACCEPTED);
    }

    // R31 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R31 cancelling a referral cancels its current appointment in the same change")
    void cancellingCancelsTheCurrentAppointment() {
        Referral booked = Referrals.booked();
        Referral.Transition t = booked.apply(Referrals.cancel(), day(2), UUID::randomUUID);

        assertThat(t.referral().state()).isEqualTo(ReferralState.CANCELLED_REFERRAL);
        assertThat(t.referral().currentAppointment()).isEmpty();
        assertThat(t.referral().appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED_WITH_REFERRAL));
        assertThat(t.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                ReferralEvent.AppointmentCancelled.class,
                c -> assertThat(c.status()).isEqualTo(AppointmentStatus.CANCELLED_WITH_REFERRAL)));
    }

    @Test
    @DisplayName("R31 cancelling stops the open RTT clock")
    void cancellingStopsTheClock() {
        Referral cancelled = apply(Referrals.booked(), Referrals.cancel(), day(2));
        assertThat(cancelled.clock()).hasValueSatisfying(c -> assertThat(c.stop())
                .contains(new RttStop(LocalDate.of(2026, 1, 7), StopReason.REFERRAL_CANCELLED)));
    }

    @Test
    @DisplayName("R31 cancelling needs a reason")
    void cancellingNeedsAReason() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.Cancel(null, Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("reason"));
    }

    // R32 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R32 rejecting requires a reason code")
    void rejectingNeedsAReason() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.Reject(null, Optional.of("see letter")))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.rule()).isEqualTo("R32");
                });
    }

    @Test
    @DisplayName("R32 a booked referral is rejected with its reason and returns to the referrer")
    void rejectingABookedReferralReturnsItToTheReferrer() {
        Referral rejected = apply(Referrals.booked(), new ReferralCommand.Reject(REASON, Optional.empty()), day(2));
        assertThat(rejected.state()).isEqualTo(ReferralState.REJECTED);
        assertThat(rejected.history().get(rejected.history().size() - 1).reason()).contains(REASON);
        assertThat(rejected.appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED_BY_PROVIDER));
        assertThat(rejected.receivingOrganisation()).isEmpty();
        assertThat(rejected.clock()).hasValueSatisfying(c -> assertThat(c.stop().map(RttStop::reason))
                .contains(StopReason.RETURNED_TO_REFERRER));
    }

    @Test
    @DisplayName("R32 a referral awaiting triage cannot be rejected: it takes a review outcome")
    void aTriageReferralCannotBeRejected() {
        Referral r = Referrals.awaitingTriage();
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> r.apply(new ReferralCommand.Reject(REASON, Optional.empty()), day(2), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R32"));
    }

    @Test
    @DisplayName("R32 review outcome RETURN_TO_REFERRER_WITH_ADVICE gives TRIAGE_RESPONSE")
    void returnedWithAdvice() {
        Referral r = apply(Referrals.awaitingTriage(), new ReferralCommand.RecordReviewOutcome(
                ReviewOutcome.RETURN_TO_REFERRER_WITH_ADVICE, Optional.empty()), day(3));
        assertThat(r.state()).isEqualTo(ReferralState.TRIAGE_RESPONSE);
        assertThat(r.receivingOrganisation()).isEmpty();
    }

    @Test
    @DisplayName("R32 review outcome ACCEPT_REFER_BOOK_LATER gives TRIAGED_PROVIDER_TO_ACTION and may change priority")
    void acceptedToBookLater() {
        Referral.Transition t = Referrals.awaitingTriage().apply(new ReferralCommand.RecordReviewOutcome(
                ReviewOutcome.ACCEPT_REFER_BOOK_LATER, Optional.of(Priority.URGENT)), day(3), UUID::randomUUID);
        assertThat(t.referral().state()).isEqualTo(ReferralState.TRIAGED_PROVIDER_TO_ACTION);
        assertThat(t.referral().priority()).isEqualTo(Priority.URGENT);
        assertThat(t.events()).hasAtLeastOneElementOfType(ReferralEvent.PriorityChanged.class);
    }

    @Test
    @DisplayName("R32 a triage service is sent for triage, not booked")
    void aTriageServiceIsNotBookedDirectly() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> Referrals.notBooked().apply(new ReferralCommand.Book(BRADFORD_TRIAGE.id(), day(10)),
                        day(1), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R32"));
    }

    @Test
    @DisplayName("R32 a referral booked after triage is not rejected: triage already decided")
    void aReferralBookedAfterTriageCannotBeRejected() {
        Referral r = apply(Referrals.awaitingTriage(), new ReferralCommand.RecordReviewOutcome(
                ReviewOutcome.ACCEPT_REFER_BOOK_LATER, Optional.empty()), day(3));
        Referral booked = apply(r, new ReferralCommand.Book(BRADFORD_TRIAGE.id(), day(20)), day(4));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> booked.apply(new ReferralCommand.Reject(REASON, Optional.empty()), day(5), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R32"));
    }

    // R33 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R33 deferring to a directly bookable service for a permitted reason")
    void deferringToADirectlyBookableService() {
        Referral r = apply(Referrals.notBooked(), new ReferralCommand.DeferToProvider(YORK_CARDIOLOGY.id(),
                DeferReason.SLOT_LOST), day(1));
        assertThat(r.state()).isEqualTo(ReferralState.DEFERRED_TO_PROVIDER);
        assertThat(r.receivingOrganisation()).contains(YORK_CARDIOLOGY.provider());
    }

    @Test
    @DisplayName("R33 deferring needs one of the three permitted reasons")
    void deferringNeedsAReason() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ReferralCommand.DeferToProvider(YORK_CARDIOLOGY.id(), null))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R33"));
    }

    @Test
    @DisplayName("R33 only a directly bookable service can be deferred to")
    void deferringToATriageServiceIsRefused() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> Referrals.notBooked().apply(new ReferralCommand.DeferToProvider(BRADFORD_TRIAGE.id(),
                        DeferReason.BOOKING_TIMED_OUT), day(1), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R33"));
    }

    // R34 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R34 advice and guidance converted into a referral keeps its UBRN, id, patient and history")
    void conversionKeepsUbrnAndHistory() {
        Referral advice = apply(Referrals.adviceRequested(), new ReferralCommand.RespondWithAdvice("Try a beta blocker"),
                day(2));
        Referral converted = apply(advice, new ReferralCommand.ConvertToReferral(), day(3));

        assertThat(converted.ubrn()).isEqualTo(advice.ubrn());
        assertThat(converted.id()).isEqualTo(advice.id());
        assertThat(converted.patient()).isEqualTo(advice.patient());
        assertThat(converted.requestType()).isEqualTo(RequestType.APPOINTMENT);
        assertThat(converted.state()).isEqualTo(ReferralState.NOT_BOOKED);
        assertThat(converted.history()).startsWith(advice.history().toArray(new StateChange[0]));
        assertThat(converted.history()).extracting(StateChange::command).endsWith(
                ReferralCommand.Type.RESPOND_WITH_ADVICE, ReferralCommand.Type.CONVERT_TO_REFERRAL);
    }

    @Test
    @DisplayName("R34 the provider receives the converted referral: its RTT clock starts on conversion")
    void conversionStartsTheClock() {
        Referral converted = apply(Referrals.adviceRequested(), new ReferralCommand.ConvertToReferral(), day(3));
        assertThat(converted.clock()).hasValueSatisfying(c -> assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 1, 8)));
    }

    @Test
    void adviceIsAskedOfExactlyOneService() {
        Referral r = Referral.draft(ReferralId.random(), Referrals.UBRN, Referrals.draft().patient(),
                Referrals.draft().referrer(), Priority.ROUTINE, ReferralWorld.CARDIOLOGY, "question",
                RequestType.ADVICE_AND_GUIDANCE, List.of(), T0);
        Referral two = apply(r, new ReferralCommand.Shortlist(List.of(LEEDS_CARDIOLOGY, YORK_CARDIOLOGY),
                PatientChoice.choiceOffered()), T0);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> two.apply(new ReferralCommand.Submit(), T0, UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
    }

    // R35 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R35 the clock starts on the UK date the patient books a consultant-led service")
    void bookingStartsTheClock() {
        Referral.Transition t = Referrals.notBooked().apply(new ReferralCommand.Book(LEEDS_CARDIOLOGY.id(), day(30)),
                day(1), UUID::randomUUID);
        assertThat(t.referral().clocks()).singleElement()
                .satisfies(c -> assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 1, 6)));
        assertThat(t.events()).hasAtLeastOneElementOfType(ReferralEvent.ClockStarted.class);
    }

    @Test
    @DisplayName("R35 the clock starts when the provider receives the referral for triage")
    void sendingForTriageStartsTheClock() {
        assertThat(Referrals.awaitingTriage().clock()).isPresent();
    }

    @Test
    @DisplayName("R35 a service that is not consultant-led starts no clock")
    void aServiceThatIsNotConsultantLedStartsNoClock() {
        Referral r = Referral.draft(ReferralId.random(), Referrals.UBRN, Referrals.draft().patient(),
                Referrals.draft().referrer(), Priority.ROUTINE, ReferralWorld.PHYSIOTHERAPY, "knee pain",
                RequestType.APPOINTMENT, List.of(), T0);
        r = apply(r, new ReferralCommand.Shortlist(List.of(LEEDS_PHYSIO), PatientChoice.choiceOffered()), T0);
        r = apply(r, new ReferralCommand.Submit(), T0);
        r = apply(r, new ReferralCommand.Book(LEEDS_PHYSIO.id(), day(5)), day(1));
        assertThat(r.clocks()).isEmpty();
    }

    @Test
    @DisplayName("R35 rebooking after a cancelled appointment keeps the one open clock")
    void rebookingKeepsTheClock() {
        Referral r = apply(Referrals.booked(), new ReferralCommand.CancelAppointment(ReferralCommand.CancelledBy.PATIENT,
                ReasonCode.of("PATIENT_UNAVAILABLE")), day(3));
        assertThat(r.state()).isEqualTo(ReferralState.APPT_CANCELLED_BY_PATIENT);
        r = apply(r, new ReferralCommand.Book(YORK_CARDIOLOGY.id(), day(30)), day(4));
        assertThat(r.state()).isEqualTo(ReferralState.BOOKED);
        assertThat(r.clocks()).singleElement().satisfies(c -> {
            assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 1, 6));
            assertThat(c.isOpen()).isTrue();
        });
        assertThat(r.appointments()).hasSize(2);
        assertThat(r.currentAppointment()).hasValueSatisfying(a -> assertThat(a.service()).isEqualTo(YORK_CARDIOLOGY.id()));
    }

    @Test
    @DisplayName("R35 a rejected referral sent again starts a new clock when booked again")
    void aResentReferralStartsANewClock() {
        Referral r = apply(Referrals.booked(), new ReferralCommand.Reject(REASON, Optional.empty()), day(2));
        r = apply(r, new ReferralCommand.Resubmit(), day(5));
        r = apply(r, new ReferralCommand.Book(YORK_CARDIOLOGY.id(), day(40)), day(6));
        assertThat(r.clocks()).hasSize(2);
        assertThat(r.clocks().get(1).startedOn()).isEqualTo(LocalDate.of(2026, 1, 11));
        assertThat(r.ubrn()).isEqualTo(Referrals.UBRN);
    }

    @Test
    @DisplayName("R35 a new clock starts after active monitoring, and only then")
    void restartOnlyAfterActiveMonitoring() {
        Referral monitoring = apply(Referrals.accepted(), new ReferralCommand.StopClock(StopReason.ACTIVE_MONITORING),
                day(20));
        Referral restarted = apply(monitoring, new ReferralCommand.RestartClock(), day(100));
        assertThat(restarted.clocks()).hasSize(2);
        assertThat(restarted.clock()).hasValueSatisfying(c -> assertThat(c.isOpen()).isTrue());

        Referral treated = apply(Referrals.accepted(), new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT),
                day(20));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> treated.apply(new ReferralCommand.RestartClock(), day(30), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> Referrals.accepted().apply(new ReferralCommand.RestartClock(), day(30), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
    }

    @Test
    @DisplayName("R35 a referral never holds two open clocks")
    void twoOpenClocksAreImpossible() {
        Referral r = Referrals.booked();
        List<RttClock> two = List.of(RttClock.startOn(LocalDate.of(2026, 1, 1)), RttClock.startOn(LocalDate.of(2026, 1, 2)));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> new Referral(r.id(), r.ubrn(), r.patient(), r.referrer(), r.priority(), r.specialty(),
                        r.clinicalReason(), r.requestType(), r.attachments(), r.shortlist(), r.choice(),
                        r.chosenService(), r.appointments(), two, r.state(), r.history(), r.createdAt()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
    }

    // R36 ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R36 first definitive treatment stops the clock; weeks waited are fixed from then on")
    void treatmentStopsTheClock() {
        Referral.Transition t = Referrals.accepted().apply(new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT),
                day(71), UUID::randomUUID);
        RttClock clock = t.referral().clock().orElseThrow();
        assertThat(clock.status()).isEqualTo(RttStatus.STOPPED);
        assertThat(clock.weeksWaited(LocalDate.of(2027, 1, 1))).isEqualTo(10);
        assertThat(t.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ReferralEvent.ClockStopped.class,
                s -> assertThat(s.reason()).isEqualTo(StopReason.FIRST_DEFINITIVE_TREATMENT)));
    }

    @Test
    @DisplayName("R36 stopping needs a stop reason")
    void stoppingNeedsAReason() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new ReferralCommand.StopClock(null))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
    }

    @Test
    @DisplayName("R36 a clock that never started cannot stop")
    void stopBeforeStartIsRefused() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> Referrals.notBooked().apply(new ReferralCommand.StopClock(
                        StopReason.FIRST_DEFINITIVE_TREATMENT), day(1), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
    }

    @Test
    @DisplayName("R36 a patient-choice delay is a note on the pathway; the clock keeps running")
    void r36APatientChoiceDelayIsANoteNotAPause() {
        Referral delayed = apply(Referrals.accepted(), new ReferralCommand.StartPatientChoiceDelay(), day(10));
        RttClock clock = delayed.clock().orElseThrow();
        assertThat(clock.status()).isEqualTo(RttStatus.RUNNING);
        assertThat(clock.hasOpenPatientChoiceDelay()).isTrue();
        Referral ended = apply(delayed, new ReferralCommand.EndPatientChoiceDelay(), day(20));
        assertThat(ended.clock().orElseThrow().patientChoiceDelays()).singleElement()
                .satisfies(d -> assertThat(d.isOpen()).isFalse());
    }

    @Test
    @DisplayName("R36 a referral completes only after its clock has stopped")
    void completingNeedsAStoppedClock() {
        Referral accepted = Referrals.accepted();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> accepted.apply(new ReferralCommand.Complete(), day(20), UUID::randomUUID))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
        Referral treated = apply(accepted, new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT), day(20));
        Referral done = apply(treated, new ReferralCommand.Complete(), day(20));
        assertThat(done.state()).isEqualTo(ReferralState.COMPLETED);
        assertThat(done.appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.ATTENDED));
    }

    @Test
    void didNotAttendIsRecordedOnlyAfterTheAppointmentStarts() {
        Referral booked = Referrals.booked();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> booked.apply(new ReferralCommand.RecordDidNotAttend(), day(13), UUID::randomUUID));
        Referral dna = apply(booked, new ReferralCommand.RecordDidNotAttend(), day(14));
        assertThat(dna.state()).isEqualTo(ReferralState.DID_NOT_ATTEND);
    }

    @Test
    void theClinicalReasonIsRequiredAndLimited() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> NewReferral.appointment(Referrals.draft().patient(), Priority.ROUTINE,
                        ReferralWorld.CARDIOLOGY, " "))
                .satisfies(e -> assertThat(e.field()).isEqualTo("clinicalReason"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> NewReferral.appointment(Referrals.draft().patient(), Priority.ROUTINE,
                        ReferralWorld.CARDIOLOGY, "x".repeat(4_001)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("clinicalReason"));
    }

    @Test
    void toStringLeavesOutTheClinicalReason() {
        assertThat(Referrals.booked().toString()).doesNotContain(ReferralWorld.CLINICAL_REASON).contains("BOOKED");
    }
}
