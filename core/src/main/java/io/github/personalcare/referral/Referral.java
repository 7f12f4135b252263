package io.github.personalcare.referral;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A referral of a patient to a service, e-Referral style: identified by its UBRN (R4), with a
 * priority (R28), specialty, clinical reason, request type, attachments by reference, the
 * shortlist offered to the patient and whether choice was offered (R29), its appointments, its
 * RTT clocks (R35, R36) and the history of every command applied.
 *
 * <p>Immutable. {@link #apply} is pure: it takes a command and the command time and returns the
 * next referral with the events to publish, or throws; it reads no clock and does no I/O.
 * {@link #toString()} leaves out the clinical reason.
 *
 * @param id             internal id
 * @param ubrn           Unique Booking Reference Number, unique per referral (R4)
 * @param patient        who is referred
 * @param referrer       who referred, from which organisation
 * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
 * @param specialty      what for
 * @param clinicalReason why, in the referrer's words (1 to {@link Require#LONG_TEXT} characters); never logged
 * @param requestType    appointment or advice and guidance (R34)
 * @param attachments    documents by reference (at most 20)
 * @param shortlist      the services offered to the patient (0 while drafting, then 1 to 20, R29)
 * @param choice         whether choice was offered, once recorded
 * @param chosenService  the service chosen (booked, deferred to, sent for triage or asked for advice)
 * @param appointments   every appointment, oldest first; at most one is current
 * @param clocks         RTT clocks, oldest first; only the last may be open (R35)
 * @param state          where the referral stands (R30)
 * @param history        every command applied, oldest first
 * @param createdAt      when it was drafted
 */
public record Referral(
        ReferralId id,
        Ubrn ubrn,
        PatientId patient,
        Referrer referrer,
        Priority priority,
        Specialty specialty,
        String clinicalReason,
        RequestType requestType,
        List<Attachment> attachments,
        List<HealthcareService> shortlist,
        Optional<PatientChoice> choice,
        Optional<ServiceId> chosenService,
        List<Appointment> appointments,
        List<RttClock> clocks,
        ReferralState state,
        List<StateChange> history,
        Instant createdAt) {

    /** Most attachments a referral may carry. */
    public static final int MAX_ATTACHMENTS = 20;

    /**
     * Checks the referral: every id, party and code present, the clinical reason short enough, at
     * most {@value #MAX_ATTACHMENTS} attachments and 20 shortlisted services with none twice, at
     * most one current appointment (R31). Absent optionals become empty.
     *
     * @param id             internal id
     * @param ubrn           Unique Booking Reference Number (R4)
     * @param patient        who is referred
     * @param referrer       who referred, from which organisation
     * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
     * @param specialty      what for
     * @param clinicalReason why, in the referrer's words; never logged
     * @param requestType    appointment or advice and guidance (R34)
     * @param attachments    documents by reference
     * @param shortlist      the services offered to the patient
     * @param choice         whether choice was offered, once recorded
     * @param chosenService  the service chosen, if any
     * @param appointments   every appointment, oldest first
     * @param clocks         RTT clocks, oldest first
     * @param state          where the referral stands (R30)
     * @param history        every command applied, oldest first
     * @param createdAt      when it was drafted
     * @throws InvalidInputException  if a field is missing or malformed (priority R28, shortlist
     *                                R29)
     * @throws RuleViolationException if more than one clock is open (R35) or the chosen service is
     *                                not on the shortlist (R29)
     */
    public Referral {
        Require.present("id", id);
        Require.present("ubrn", ubrn);
        Require.present("patient", patient);
        Require.present("referrer", referrer);
        if (priority == null) {
            throw new InvalidInputException("priority", "R28", "is required: ROUTINE, URGENT or TWO_WEEK_WAIT");
        }
        Require.present("specialty", specialty);
        clinicalReason = Require.text("clinicalReason", clinicalReason, Require.LONG_TEXT);
        Require.present("requestType", requestType);
        attachments = Require.list("attachments", attachments, MAX_ATTACHMENTS);
        shortlist = Require.list("shortlist", shortlist, 20);
        choice = choice == null ? Optional.empty() : choice;
        chosenService = chosenService == null ? Optional.empty() : chosenService;
        appointments = Require.list("appointments", appointments, Integer.MAX_VALUE);
        clocks = Require.list("clocks", clocks, Integer.MAX_VALUE);
        Require.present("state", state);
        history = Require.list("history", history, Integer.MAX_VALUE);
        Require.present("createdAt", createdAt);

        Set<ServiceId> ids = new HashSet<>();
        for (HealthcareService s : shortlist) {
            if (!ids.add(s.id())) {
                throw new InvalidInputException("shortlist", "R29", "must not list a service twice");
            }
        }
        if (chosenService.isPresent() && !ids.contains(chosenService.get())) {
            throw new RuleViolationException("R29", "the chosen service must be on the shortlist");
        }
        for (int i = 0; i < clocks.size() - 1; i++) {
            if (clocks.get(i).isOpen()) {
                throw new RuleViolationException("R35", "a referral has at most one open RTT clock");
            }
        }
        if (appointments.stream().filter(Appointment::isCurrent).count() > 1) {
            throw new RuleViolationException("R31", "a referral has at most one current appointment");
        }
    }

    /**
     * A new referral in state DRAFT.
     *
     * @param id             the new referral's id
     * @param ubrn           its UBRN (R4)
     * @param patient        who is referred
     * @param referrer       who refers, from which organisation
     * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
     * @param specialty      what for
     * @param clinicalReason why, in the referrer's words; never logged
     * @param requestType    appointment or advice and guidance (R34)
     * @param attachments    documents by reference, at most {@value #MAX_ATTACHMENTS}
     * @param at             when it is drafted
     * @return the referral, {@link ReferralState#DRAFT}
     * @throws InvalidInputException for a missing priority (R28), a missing or oversized clinical
     *                               reason, or invalid attachments
     */
    public static Referral draft(ReferralId id, Ubrn ubrn, PatientId patient, Referrer referrer, Priority priority,
            Specialty specialty, String clinicalReason, RequestType requestType, List<Attachment> attachments,
            Instant at) {
        return draft(id, ubrn, patient, referrer, priority, specialty, clinicalReason, requestType, attachments,
                Optional.empty(), at);
    }

    /**
     * A new referral in state DRAFT that arrived from another system: with a supplied pathway
     * start, its RTT clock is already running from that UK date ({@link RttStart#SUPPLIED_PATHWAY_START},
     * R35); without one, the clock starts when the e-RS UBRN is converted.
     *
     * @param id             the new referral's id
     * @param ubrn           its UBRN (R4)
     * @param patient        who is referred
     * @param referrer       who refers, from which organisation
     * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
     * @param specialty      what for
     * @param clinicalReason why, in the referrer's words; never logged
     * @param requestType    appointment or advice and guidance (R34)
     * @param attachments    documents by reference, at most {@value #MAX_ATTACHMENTS}
     * @param pathwayStart   the UK date the pathway started, for a referral arriving with its RTT clock
     *                       already running (appointments only); empty for an e-RS referral
     * @param at             when it is drafted
     * @return the referral, {@link ReferralState#DRAFT}, with its RTT clock running if a pathway start
     *         was supplied
     * @throws InvalidInputException for a missing priority (R28), a missing or oversized clinical
     *                               reason, invalid attachments, or a pathway start after the UK
     *                               date of {@code at} or on advice and guidance (R35)
     */
    public static Referral draft(ReferralId id, Ubrn ubrn, PatientId patient, Referrer referrer, Priority priority,
            Specialty specialty, String clinicalReason, RequestType requestType, List<Attachment> attachments,
            Optional<LocalDate> pathwayStart, Instant at) {
        Require.present("at", at);
        List<RttClock> clocks = List.of();
        if (pathwayStart != null && pathwayStart.isPresent()) {
            if (requestType != RequestType.APPOINTMENT) {
                throw new InvalidInputException("pathwayStart", "R35", "advice and guidance has no RTT clock");
            }
            if (pathwayStart.get().isAfter(RttClock.ukDate(at))) {
                throw new InvalidInputException("pathwayStart", "R35", "cannot be after the day the referral arrives");
            }
            clocks = List.of(RttClock.startOn(pathwayStart.get(), RttStart.SUPPLIED_PATHWAY_START));
        }
        return new Referral(id, ubrn, patient, referrer, priority, specialty, clinicalReason, requestType,
                attachments, List.of(), Optional.empty(), Optional.empty(), List.of(), clocks, ReferralState.DRAFT,
                List.of(), at);
    }

    /**
     * The next referral and the events that record the change, as {@link #apply} returns them.
     *
     * @param referral the referral after the command
     * @param events   the events to publish, the state transition first
     */
    public record Transition(Referral referral, List<ReferralEvent> events) {
        /**
         * Checks the referral is present and copies the events.
         *
         * @param referral the referral after the command
         * @param events   the events to publish, the state transition first
         * @throws io.github.personalcare.lang.InvalidInputException if the referral is missing
         */
        public Transition {
            Require.present("referral", referral);
            events = List.copyOf(events);
        }
    }

    /**
     * The referral without the attachments marked with any of the {@code withheld} labels (R41,
     * R48); the same referral when none is. For reading only: commands always act on the stored
     * referral.
     *
     * @param withheld the labels to leave out for this viewer
     * @return the referral as this viewer may see it
     */
    public Referral withoutAttachmentsLabelled(Set<SensitivityLabel> withheld) {
        List<Attachment> visible = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            if (Collections.disjoint(a.labels(), withheld)) {
                visible.add(a);
            }
        }
        if (visible.size() == attachments.size()) {
            return this;
        }
        return new Referral(id, ubrn, patient, referrer, priority, specialty, clinicalReason, requestType, visible,
                shortlist, choice, chosenService, appointments, clocks, state, history, createdAt);
    }

    /** {@return whether the referral is still open: not completed or cancelled} */
    public boolean isOpen() {
        return !state.isTerminal();
    }

    /**
     * {@return the appointment that is booked and not yet cancelled, attended or missed, if any}
     */
    public Optional<Appointment> currentAppointment() {
        return appointments.stream().filter(Appointment::isCurrent).findFirst();
    }

    /** {@return the current (last) RTT clock, if one was ever started} */
    public Optional<RttClock> clock() {
        return clocks.isEmpty() ? Optional.empty() : Optional.of(clocks.get(clocks.size() - 1));
    }

    /** {@return the shortlisted service chosen, if any} */
    public Optional<HealthcareService> chosen() {
        return chosenService.flatMap(this::shortlisted);
    }

    /**
     * The receiving organisation: the provider of the chosen service, while one is chosen. A
     * rejected or returned referral has none until the referrer chooses again.
     *
     * @return the provider's ODS code, or empty while no service is chosen
     */
    public Optional<OdsCode> receivingOrganisation() {
        return chosen().map(HealthcareService::provider);
    }

    /**
     * {@return the UK date the first RTT clock started, if any} Reports pre-filter referrals on it.
     */
    public Optional<LocalDate> firstClockStart() {
        return clocks.isEmpty() ? Optional.empty() : Optional.of(clocks.get(0).startedOn());
    }

    /**
     * {@return the UK date the referral was first sent (reached {@link ReferralState#NOT_BOOKED}), if
     * it has been} Reports count referrals sent by a census date from it.
     */
    public Optional<LocalDate> sentOn() {
        for (StateChange change : history) {
            if (change.to() == ReferralState.NOT_BOOKED) {
                return Optional.of(RttClock.ukDate(change.at()));
            }
        }
        return Optional.empty();
    }

    private Optional<HealthcareService> shortlisted(ServiceId service) {
        return shortlist.stream().filter(s -> s.id().equals(service)).findFirst();
    }

    /**
     * Applies a command at the command time {@code at}: checks the state table (R30) and the
     * rules of the command, and returns the next referral with its events, whose ids come from
     * {@code eventIds}. Clock dates are the UK dates (Europe/London) of {@code at}.
     *
     * @param command  the command
     * @param at       when it is applied
     * @param eventIds where the ids of the events come from
     * @return the next referral and its events
     * @throws IllegalTransitionException if the state does not accept the command (R30; R32 for
     *                                    rejecting a referral awaiting triage)
     * @throws RuleViolationException     if a rule of the command refuses it (R29, R32, R33, R35,
     *                                    R36)
     * @throws InvalidInputException      if the command's input breaks a rule
     */
    public Transition apply(ReferralCommand command, Instant at, Supplier<UUID> eventIds) {
        Require.present("command", command);
        Require.present("at", at);
        Require.present("eventIds", eventIds);
        ReferralCommand.Type type = command.type();
        if (!state.accepts().contains(type)) {
            String rule = type == ReferralCommand.Type.REJECT && state == ReferralState.AWAITING_TRIAGE ? "R32" : "R30";
            throw new IllegalTransitionException(rule, state.name(), type.name());
        }
        Next next = new Next(this, at, eventIds);
        next.run(command);
        return next.finish(command);
    }

    @Override
    public String toString() {
        return "Referral[" + id + " " + state + "]";
    }

    /** The mutable working copy of one {@link #apply}. */
    private static final class Next {
        private final Referral from;
        private final Instant at;
        private final LocalDate ukDate;
        private final Supplier<UUID> eventIds;
        private final List<ReferralEvent> events = new ArrayList<>();
        private Priority priority;
        private RequestType requestType;
        private List<HealthcareService> shortlist;
        private Optional<PatientChoice> choice;
        private Optional<ServiceId> chosenService;
        private final List<Appointment> appointments;
        private final List<RttClock> clocks;
        private ReferralState state;
        private Optional<ReasonCode> reason = Optional.empty();
        private Optional<String> comment = Optional.empty();

        Next(Referral r, Instant at, Supplier<UUID> eventIds) {
            this.from = r;
            this.at = at;
            this.ukDate = RttClock.ukDate(at);
            this.eventIds = eventIds;
            this.priority = r.priority;
            this.requestType = r.requestType;
            this.shortlist = r.shortlist;
            this.choice = r.choice;
            this.chosenService = r.chosenService;
            this.appointments = new ArrayList<>(r.appointments);
            this.clocks = new ArrayList<>(r.clocks);
            this.state = r.state;
        }

        void run(ReferralCommand c) {
            if (c instanceof ReferralCommand.Shortlist s) {
                shortlist(s);
            } else if (c instanceof ReferralCommand.Submit) {
                submit();
            } else if (c instanceof ReferralCommand.Book b) {
                book(b);
            } else if (c instanceof ReferralCommand.DeferToProvider d) {
                HealthcareService service = onShortlist(d.service());
                if (service.bookingMode() != BookingMode.DIRECTLY_BOOKABLE) {
                    throw new RuleViolationException("R33", "only a directly bookable service can be deferred to");
                }
                receivedBy(service, ReferralState.DEFERRED_TO_PROVIDER);
            } else if (c instanceof ReferralCommand.SendForTriage t) {
                HealthcareService service = onShortlist(t.service());
                if (service.bookingMode() != BookingMode.TRIAGE) {
                    throw new RuleViolationException("R32", "only a triage service reviews referrals");
                }
                receivedBy(service, ReferralState.AWAITING_TRIAGE);
            } else if (c instanceof ReferralCommand.RecordReviewOutcome o) {
                review(o);
            } else if (c instanceof ReferralCommand.Accept) {
                state = ReferralState.ACCEPTED;
            } else if (c instanceof ReferralCommand.Reject r) {
                reject(r);
            } else if (c instanceof ReferralCommand.CancelAppointment ca) {
                boolean byPatient = ca.by() == ReferralCommand.CancelledBy.PATIENT;
                reason = Optional.of(ca.reason());
                endAppointment(byPatient ? AppointmentStatus.CANCELLED_BY_PATIENT : AppointmentStatus.CANCELLED_BY_PROVIDER);
                state = byPatient ? ReferralState.APPT_CANCELLED_BY_PATIENT : ReferralState.APPT_CANCELLED_BY_PROVIDER;
            } else if (c instanceof ReferralCommand.RecordDidNotAttend) {
                Appointment current = currentAppointment();
                if (current.startsAt().isAfter(at)) {
                    throw new RuleViolationException("DNA", "the appointment has not started yet");
                }
                endAppointment(AppointmentStatus.DID_NOT_ATTEND);
                state = ReferralState.DID_NOT_ATTEND;
            } else if (c instanceof ReferralCommand.Cancel x) {
                cancel(x);
            } else if (c instanceof ReferralCommand.Resubmit) {
                state = ReferralState.NOT_BOOKED;
            } else if (c instanceof ReferralCommand.Complete) {
                complete();
            } else if (c instanceof ReferralCommand.RespondWithAdvice a) {
                comment = Optional.of(a.advice());
                state = ReferralState.ADVICE_GIVEN;
            } else if (c instanceof ReferralCommand.ConvertToReferral) {
                // R34: same UBRN, same history, same patient: the request simply becomes a referral.
                requestType = RequestType.APPOINTMENT;
                state = ReferralState.NOT_BOOKED;
                startClockIfDue(chosen());
            } else if (c instanceof ReferralCommand.StartPatientChoiceDelay) {
                replaceClock(openClock("given a delay note").startPatientChoiceDelay(ukDate));
                events.add(new ReferralEvent.PatientChoiceDelayStarted(eventIds.get(), at, from.patient, from.id,
                        ukDate));
            } else if (c instanceof ReferralCommand.EndPatientChoiceDelay) {
                replaceClock(openClock("given a delay note").endPatientChoiceDelay(ukDate));
                events.add(new ReferralEvent.PatientChoiceDelayEnded(eventIds.get(), at, from.patient, from.id, ukDate));
            } else if (c instanceof ReferralCommand.NullifyClock n) {
                nullifyClock(n);
            } else if (c instanceof ReferralCommand.StopClock s) {
                stopClock(openClock("stopped"), s.reason());
            } else if (c instanceof ReferralCommand.RestartClock) {
                restartClock();
            } else {
                throw new IllegalStateException("unknown command " + c.type());
            }
        }

        private void shortlist(ReferralCommand.Shortlist s) {
            for (HealthcareService service : s.services()) {
                if (!service.specialty().equals(from.specialty)) {
                    throw new InvalidInputException("shortlist", "SPECIALTY", "every service must offer the referral's specialty");
                }
            }
            shortlist = s.services();
            choice = Optional.of(s.choice());
            if (chosenService.isPresent() && shortlisted(chosenService.get()).isEmpty()) {
                chosenService = Optional.empty();
            }
        }

        private void submit() {
            if (shortlist.isEmpty()) {
                throw new RuleViolationException("R29", "a referral is sent with a shortlist of 1 to 20 services");
            }
            if (requestType == RequestType.ADVICE_AND_GUIDANCE) {
                if (shortlist.size() != 1) {
                    throw new RuleViolationException("R29", "advice and guidance is asked of exactly one service");
                }
                chosenService = Optional.of(shortlist.get(0).id());
                state = ReferralState.ADVICE_REQUESTED;
            } else {
                if (choice.isEmpty()) {
                    throw new RuleViolationException("R29", "record whether choice was offered before sending");
                }
                state = ReferralState.NOT_BOOKED;
            }
        }

        private void book(ReferralCommand.Book b) {
            HealthcareService service = onShortlist(b.service());
            if (state == ReferralState.NOT_BOOKED && service.bookingMode() == BookingMode.TRIAGE) {
                throw new RuleViolationException("R32", "a triage service reviews the referral first: send it for triage");
            }
            if (!b.startsAt().isAfter(at)) {
                throw new InvalidInputException("startsAt", "DATE", "must be after the time of booking");
            }
            appointments.add(new Appointment(service.id(), b.startsAt(), at, AppointmentStatus.BOOKED));
            receivedBy(service, ReferralState.BOOKED);
        }

        private void review(ReferralCommand.RecordReviewOutcome o) {
            if (o.newPriority().isPresent() && o.newPriority().get() != priority) {
                events.add(new ReferralEvent.PriorityChanged(eventIds.get(), at, from.patient, from.id, priority,
                        o.newPriority().get()));
                priority = o.newPriority().get();
            }
            switch (o.outcome()) {
                case RETURN_TO_REFERRER_WITH_ADVICE -> {
                    returnToReferrer();
                    state = ReferralState.TRIAGE_RESPONSE;
                }
                case ACCEPT_REFER_BOOK_LATER -> state = ReferralState.TRIAGED_PROVIDER_TO_ACTION;
            }
        }

        private void reject(ReferralCommand.Reject r) {
            if (chosen().map(s -> s.bookingMode() == BookingMode.TRIAGE).orElse(false)) {
                throw new RuleViolationException("R32", "a referral to a triage service takes a review outcome, not a rejection");
            }
            reason = Optional.of(r.reason());
            comment = r.comment();
            endAppointment(AppointmentStatus.CANCELLED_BY_PROVIDER);
            returnToReferrer();
            state = ReferralState.REJECTED;
        }

        private void cancel(ReferralCommand.Cancel x) {
            reason = Optional.of(x.reason());
            comment = x.comment();
            // R31: the current appointment is cancelled with the referral, in the same change.
            if (currentAppointmentIfAny().isPresent()) {
                endAppointment(AppointmentStatus.CANCELLED_WITH_REFERRAL);
            }
            openClockIfAny().ifPresent(c -> stopClock(c, StopReason.REFERRAL_CANCELLED));
            state = ReferralState.CANCELLED_REFERRAL;
        }

        private void complete() {
            if (openClockIfAny().isPresent()) {
                throw new RuleViolationException("R36", "stop the RTT clock before completing the referral");
            }
            Optional<Appointment> current = currentAppointmentIfAny();
            if (current.isPresent()) {
                if (current.get().startsAt().isAfter(at)) {
                    throw new RuleViolationException("COMPLETE", "the current appointment has not taken place: cancel it first");
                }
                replaceAppointment(current.get(), current.get().withStatus(AppointmentStatus.ATTENDED));
            }
            state = ReferralState.COMPLETED;
        }

        private void restartClock() {
            if (clocks.isEmpty()) {
                throw new RuleViolationException("R35", "a new clock starts only on a decision to treat after active monitoring");
            }
            clocks.add(clocks.get(clocks.size() - 1).restartOn(ukDate));
            events.add(new ReferralEvent.ClockStarted(eventIds.get(), at, from.patient, from.id, ukDate));
        }

        /** The provider receives the referral: the chosen service is set and the clock may start (R35). */
        private void receivedBy(HealthcareService service, ReferralState target) {
            chosenService = Optional.of(service.id());
            state = target;
            startClockIfDue(Optional.of(service));
        }

        private void startClockIfDue(Optional<HealthcareService> service) {
            if (service.isEmpty() || !service.get().consultantLed()) {
                return;
            }
            // R35: one clock per referral; a new one only when a returned referral is sent again, or
            // the patient rebooks after a clock was nullified.
            RttClock last = clocks.isEmpty() ? null : clocks.get(clocks.size() - 1);
            boolean due = last == null || last.status() == RttStatus.NULLIFIED
                    || last.stop().map(s -> s.reason() == StopReason.RETURNED_TO_REFERRER).orElse(false);
            if (due) {
                startClock();
            }
        }

        private void startClock() {
            clocks.add(RttClock.startOn(ukDate));
            events.add(new ReferralEvent.ClockStarted(eventIds.get(), at, from.patient, from.id, ukDate));
        }

        private void returnToReferrer() {
            openClockIfAny().ifPresent(c -> stopClock(c, StopReason.RETURNED_TO_REFERRER));
            chosenService = Optional.empty();
        }

        /**
         * R36: only a DNA of the clock's first appointment (every earlier one was cancelled) may
         * nullify it, and only while that DNA is the referral's latest news.
         */
        private void nullifyClock(ReferralCommand.NullifyClock n) {
            RttClock clock = openClock("nullified");
            if (clock.start() != RttStart.UBRN_CONVERSION) {
                // a clock carried over from another system, or restarted on a decision to treat,
                // began before this referral's first appointment: a DNA cannot undo that wait
                throw new RuleViolationException("R36", "only a clock started by this referral's booking can be "
                        + "nullified; after a DNA the patient may be discharged (stop the clock)");
            }
            if (state != ReferralState.DID_NOT_ATTEND) {
                throw new RuleViolationException("R36", "a clock is nullified only after the patient did not attend");
            }
            // the clock's appointments, cancelled ones aside, must be exactly one: the DNA just recorded
            long kept = appointments.stream().filter(a -> !RttClock.ukDate(a.startsAt()).isBefore(clock.startedOn()))
                    .filter(a -> a.status() == AppointmentStatus.DID_NOT_ATTEND || a.status() == AppointmentStatus.ATTENDED)
                    .count();
            if (kept != 1) {
                throw new RuleViolationException("R36", "only a DNA of the first appointment may nullify the clock;"
                        + " after a later DNA the patient may be discharged (stop the clock)");
            }
            replaceClock(clock.nullify(ukDate, n.decidedBy()));
            events.add(new ReferralEvent.ClockNullified(eventIds.get(), at, from.patient, from.id, ukDate));
        }

        private void stopClock(RttClock clock, StopReason why) {
            replaceClock(clock.stop(ukDate, why));
            events.add(new ReferralEvent.ClockStopped(eventIds.get(), at, from.patient, from.id, ukDate, why));
        }

        private Optional<RttClock> openClockIfAny() {
            if (clocks.isEmpty() || !clocks.get(clocks.size() - 1).isOpen()) {
                return Optional.empty();
            }
            return Optional.of(clocks.get(clocks.size() - 1));
        }

        private RttClock openClock(String verb) {
            return openClockIfAny().orElseThrow(() -> new RuleViolationException("R36",
                    "no RTT clock is running, so none can be " + verb));
        }

        private void replaceClock(RttClock clock) {
            clocks.set(clocks.size() - 1, clock);
        }

        private Optional<Appointment> currentAppointmentIfAny() {
            return appointments.stream().filter(Appointment::isCurrent).findFirst();
        }

        private Appointment currentAppointment() {
            return currentAppointmentIfAny().orElseThrow(() -> new RuleViolationException("R30",
                    "the referral has no current appointment"));
        }

        private void endAppointment(AppointmentStatus status) {
            Appointment current = currentAppointment();
            replaceAppointment(current, current.withStatus(status));
            if (status != AppointmentStatus.DID_NOT_ATTEND) {
                events.add(new ReferralEvent.AppointmentCancelled(eventIds.get(), at, from.patient, from.id,
                        current.service(), status));
            }
        }

        private void replaceAppointment(Appointment old, Appointment next) {
            appointments.set(appointments.indexOf(old), next);
        }

        private HealthcareService onShortlist(ServiceId service) {
            return shortlisted(service).orElseThrow(() -> new RuleViolationException("R29",
                    "the service is not on the referral's shortlist"));
        }

        private Optional<HealthcareService> shortlisted(ServiceId service) {
            return shortlist.stream().filter(s -> s.id().equals(service)).findFirst();
        }

        private Optional<HealthcareService> chosen() {
            return chosenService.flatMap(this::shortlisted);
        }

        Transition finish(ReferralCommand command) {
            List<StateChange> history = new ArrayList<>(from.history);
            history.add(new StateChange(command.type(), from.state, state, at, reason, comment));
            Referral next = new Referral(from.id, from.ubrn, from.patient, from.referrer, priority, from.specialty,
                    from.clinicalReason, requestType, from.attachments, shortlist, choice, chosenService, appointments,
                    clocks, state, history, from.createdAt);
            List<ReferralEvent> all = new ArrayList<>();
            all.add(new ReferralEvent.Transitioned(eventIds.get(), at, from.patient, from.id, command.type(), from.state,
                    state));
            all.addAll(events);
            return new Transition(next, all);
        }
    }
}
