package io.github.personalcare.referral;

import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command that moves a referral through its lifecycle. Each command has a {@link Type}; the
 * state table ({@link ReferralState#accepts()}) says which types each state accepts (R30).
 * Commands validate their own fields on construction and throw {@link InvalidInputException}
 * naming the field; rules that depend on the referral are checked when it is applied.
 */
public sealed interface ReferralCommand {

    /** {@return the kind of command, as the state table knows it} */
    Type type();

    /** Every kind of referral command. */
    enum Type {
        /** {@link Shortlist}: records the services offered to the patient (R29). */
        SHORTLIST,
        /** {@link Submit}: sends the draft. */
        SUBMIT,
        /** {@link Book}: books or rebooks an appointment at a shortlisted service (R29). */
        BOOK,
        /** {@link DeferToProvider}: hands booking to the provider of a shortlisted service (R33). */
        DEFER_TO_PROVIDER,
        /** {@link SendForTriage}: sends the referral to a shortlisted triage service. */
        SEND_FOR_TRIAGE,
        /** {@link RecordReviewOutcome}: the triage service's review outcome (R32). */
        RECORD_REVIEW_OUTCOME,
        /** {@link Accept}: the provider accepts the booked referral. */
        ACCEPT,
        /** {@link Reject}: the provider rejects the booked referral with a reason (R32). */
        REJECT,
        /** {@link CancelAppointment}: the current appointment is cancelled by the patient or the provider. */
        CANCEL_APPOINTMENT,
        /** {@link RecordDidNotAttend}: the patient did not attend the current appointment. */
        RECORD_DID_NOT_ATTEND,
        /** {@link Cancel}: cancels the referral for good (R30, R31). */
        CANCEL,
        /** {@link Resubmit}: the referrer sends a rejected or returned referral again. */
        RESUBMIT,
        /** {@link Complete}: closes the referral once its pathway has ended. */
        COMPLETE,
        /** {@link RespondWithAdvice}: the provider answers an advice-and-guidance request. */
        RESPOND_WITH_ADVICE,
        /** {@link ConvertToReferral}: the provider converts advice and guidance into a referral (R34). */
        CONVERT_TO_REFERRAL,
        /** {@link StartPatientChoiceDelay}: notes that the patient chose to delay their pathway (R36). */
        START_PATIENT_CHOICE_DELAY,
        /** {@link EndPatientChoiceDelay}: ends the open patient-choice delay note (R36). */
        END_PATIENT_CHOICE_DELAY,
        /** {@link StopClock}: stops the RTT clock (R36). */
        STOP_CLOCK,
        /** {@link RestartClock}: starts a new RTT clock after active monitoring (R35). */
        RESTART_CLOCK,
        /** {@link NullifyClock}: nullifies the running RTT clock after a first-appointment DNA (R36). */
        NULLIFY_CLOCK;

        /**
         * {@return the audit action name, such as {@code "referral.book"} or
         * {@code "referral.sendForTriage"}}
         */
        public String auditAction() {
            StringBuilder sb = new StringBuilder("referral.");
            boolean upper = false;
            for (char c : name().toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    sb.append(upper ? c : Character.toLowerCase(c));
                    upper = false;
                }
            }
            return sb.toString();
        }

        /**
         * {@return whether only the receiving provider (or a system acting for it) may give the
         * command}
         */
        public boolean isProviderCommand() {
            return switch (this) {
                case ACCEPT, REJECT, RECORD_REVIEW_OUTCOME, RESPOND_WITH_ADVICE, CONVERT_TO_REFERRAL,
                        START_PATIENT_CHOICE_DELAY, END_PATIENT_CHOICE_DELAY, STOP_CLOCK, RESTART_CLOCK,
                        NULLIFY_CLOCK -> true;
                case SHORTLIST, SUBMIT, BOOK, DEFER_TO_PROVIDER, SEND_FOR_TRIAGE, CANCEL_APPOINTMENT,
                        RECORD_DID_NOT_ATTEND, CANCEL, RESUBMIT, COMPLETE -> false;
            };
        }
    }

    /** Who cancelled an appointment. */
    enum CancelledBy {
        /** The patient cancelled. */
        PATIENT,
        /** The provider cancelled. */
        PROVIDER
    }

    /**
     * Records the services offered to the patient (1 to 20, R29) and whether choice was offered.
     * The service builds this from directory entries; callers pass service ids.
     */
    record Shortlist(List<HealthcareService> services, PatientChoice choice) implements ReferralCommand {
        /**
         * Checks the shortlist and copies it.
         *
         * @param services the services offered, 1 to 20, none twice
         * @param choice   whether choice of provider was offered
         * @throws InvalidInputException unless 1 to 20 distinct services and a choice record (R29)
         */
        public Shortlist {
            if (services == null || services.isEmpty() || services.size() > 20) {
                throw new InvalidInputException("shortlist", "R29", "must have between 1 and 20 services");
            }
            services = Require.list("shortlist", services, 20);
            Set<ServiceId> ids = new HashSet<>();
            for (HealthcareService s : services) {
                if (!ids.add(s.id())) {
                    throw new InvalidInputException("shortlist", "R29", "must not list a service twice");
                }
            }
            Require.present("choice", choice);
        }

        @Override
        public Type type() {
            return Type.SHORTLIST;
        }
    }

    /** Sends the draft: to NOT_BOOKED, or ADVICE_REQUESTED for advice and guidance. */
    record Submit() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.SUBMIT;
        }
    }

    /** Books (or rebooks) an appointment at a shortlisted service (R29). */
    record Book(ServiceId service, Instant startsAt) implements ReferralCommand {
        /**
         * @param service  the shortlisted service to book into
         * @param startsAt when the appointment starts
         * @throws InvalidInputException if no service was chosen (R29) or no start time given
         */
        public Book {
            if (service == null) {
                throw new InvalidInputException("service", "R29", "is required: book into a service chosen from the shortlist");
            }
            Require.present("startsAt", startsAt);
        }

        @Override
        public Type type() {
            return Type.BOOK;
        }
    }

    /** Hands booking to the provider of a shortlisted directly bookable service, for an R33 reason. */
    record DeferToProvider(ServiceId service, DeferReason reason) implements ReferralCommand {
        /**
         * @param service the shortlisted, directly bookable service
         * @param reason  why booking is handed to the provider (R33)
         * @throws InvalidInputException if no service or no R33 reason is given
         */
        public DeferToProvider {
            if (service == null) {
                throw new InvalidInputException("service", "R29", "is required: defer to a service chosen from the shortlist");
            }
            if (reason == null) {
                throw new InvalidInputException("deferReason", "R33", "is required");
            }
        }

        @Override
        public Type type() {
            return Type.DEFER_TO_PROVIDER;
        }
    }

    /** Sends the referral to a shortlisted triage (referral assessment) service. */
    record SendForTriage(ServiceId service) implements ReferralCommand {
        /**
         * @param service the shortlisted triage service
         * @throws InvalidInputException if no service is given
         */
        public SendForTriage {
            if (service == null) {
                throw new InvalidInputException("service", "R29", "is required: send to a service chosen from the shortlist");
            }
        }

        @Override
        public Type type() {
            return Type.SEND_FOR_TRIAGE;
        }
    }

    /** The triage service's review outcome (R32), optionally changing the priority. */
    record RecordReviewOutcome(ReviewOutcome outcome, Optional<Priority> newPriority) implements ReferralCommand {
        /**
         * Checks the outcome is given; an absent new priority becomes empty.
         *
         * @param outcome     what the triage service decided
         * @param newPriority the priority it set, if it changed it
         * @throws InvalidInputException if no outcome is given
         */
        public RecordReviewOutcome {
            if (outcome == null) {
                throw new InvalidInputException("reviewOutcome", "R32", "is required");
            }
            newPriority = newPriority == null ? Optional.empty() : newPriority;
        }

        @Override
        public Type type() {
            return Type.RECORD_REVIEW_OUTCOME;
        }
    }

    /** The provider accepts the booked referral. */
    record Accept() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.ACCEPT;
        }
    }

    /** The provider rejects the booked referral with a mandatory reason (R32). */
    record Reject(ReasonCode reason, Optional<String> comment) implements ReferralCommand {
        /**
         * Checks the reason is given and the comment, if any, is at most {@link Require#LONG_TEXT}
         * characters.
         *
         * @param reason  why the referral is rejected
         * @param comment the provider's comment, if any; free text, never logged
         * @throws InvalidInputException if no reason is given (R32) or the comment is too long
         */
        public Reject {
            if (reason == null) {
                throw new InvalidInputException("reason", "R32", "is required to reject a referral");
            }
            comment = Require.optionalText("comment", comment == null ? Optional.empty() : comment, Require.LONG_TEXT);
        }

        @Override
        public Type type() {
            return Type.REJECT;
        }
    }

    /** The current appointment is cancelled by the patient or the provider; the referral may be rebooked. */
    record CancelAppointment(CancelledBy by, ReasonCode reason) implements ReferralCommand {
        /**
         * @param by     who cancelled: the patient or the provider
         * @param reason why
         * @throws InvalidInputException if who cancelled or why is missing
         */
        public CancelAppointment {
            Require.present("cancelledBy", by);
            Require.present("reason", reason);
        }

        @Override
        public Type type() {
            return Type.CANCEL_APPOINTMENT;
        }
    }

    /** The patient did not attend the current appointment. */
    record RecordDidNotAttend() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.RECORD_DID_NOT_ATTEND;
        }
    }

    /** Cancels the referral for good (R30), cancelling any current appointment with it (R31). */
    record Cancel(ReasonCode reason, Optional<String> comment) implements ReferralCommand {
        /**
         * Checks the reason is given and the comment, if any, is at most {@link Require#LONG_TEXT}
         * characters.
         *
         * @param reason  why the referral is cancelled
         * @param comment a comment, if any; free text, never logged
         * @throws InvalidInputException if no reason is given or the comment is too long
         */
        public Cancel {
            if (reason == null) {
                throw new InvalidInputException("reason", "R31", "is required to cancel a referral");
            }
            comment = Require.optionalText("comment", comment == null ? Optional.empty() : comment, Require.LONG_TEXT);
        }

        @Override
        public Type type() {
            return Type.CANCEL;
        }
    }

    /** The referrer sends a rejected or returned referral again, same UBRN. */
    record Resubmit() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.RESUBMIT;
        }
    }

    /** Closes the referral once its pathway has ended (terminal). */
    record Complete() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.COMPLETE;
        }
    }

    /** The provider answers an advice-and-guidance request. */
    record RespondWithAdvice(String advice) implements ReferralCommand {
        /**
         * @param advice the provider's advice; free text, never logged
         * @throws InvalidInputException if the advice is missing or longer than
         *                               {@link Require#LONG_TEXT}
         */
        public RespondWithAdvice {
            advice = Require.text("advice", advice, Require.LONG_TEXT);
        }

        @Override
        public Type type() {
            return Type.RESPOND_WITH_ADVICE;
        }

        @Override
        public String toString() {
            return "RespondWithAdvice[redacted]";
        }
    }

    /** The provider converts advice and guidance into a referral, keeping UBRN and history (R34). */
    record ConvertToReferral() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.CONVERT_TO_REFERRAL;
        }
    }

    /**
     * Notes that the patient chose to delay their pathway from today: a local note for
     * waiting-list management that never moves the RTT clock (R36: no pauses since 2015).
     */
    record StartPatientChoiceDelay() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.START_PATIENT_CHOICE_DELAY;
        }
    }

    /** Ends the open patient-choice delay note today (R36). */
    record EndPatientChoiceDelay() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.END_PATIENT_CHOICE_DELAY;
        }
    }

    /**
     * Nullifies the running RTT clock: the clinical decision, by {@code decidedBy}, after the
     * patient did not attend their first appointment having been given reasonable notice (R36). A
     * DNA of a later appointment does not nullify; it may lead to a discharge, which is a
     * {@link StopClock} with {@link StopReason#DISCHARGED_WITHOUT_TREATMENT}.
     */
    record NullifyClock(UserId decidedBy) implements ReferralCommand {
        /**
         * Checks who decided is recorded.
         *
         * @param decidedBy the professional who made the clinical decision
         * @throws InvalidInputException with R36 if who decided is missing
         */
        public NullifyClock {
            if (decidedBy == null) {
                throw new InvalidInputException("decidedBy", "R36", "nullifying a clock is a recorded clinical decision");
            }
        }

        @Override
        public Type type() {
            return Type.NULLIFY_CLOCK;
        }
    }

    /** Stops the RTT clock for treatment or a non-treatment reason (R36). */
    record StopClock(StopReason reason) implements ReferralCommand {
        /**
         * @param reason why the clock stops
         * @throws InvalidInputException if no reason is given, or an SDK-only reason is used (R36)
         */
        public StopClock {
            if (reason == null) {
                throw new InvalidInputException("stopReason", "R36", "is required to stop a clock");
            }
            if (reason == StopReason.RETURNED_TO_REFERRER || reason == StopReason.REFERRAL_CANCELLED) {
                throw new InvalidInputException("stopReason", "R36", "is recorded by the SDK when a referral leaves the provider");
            }
        }

        @Override
        public Type type() {
            return Type.STOP_CLOCK;
        }
    }

    /** Starts a new clock after active monitoring, when a decision to treat is made (R35). */
    record RestartClock() implements ReferralCommand {
        @Override
        public Type type() {
            return Type.RESTART_CLOCK;
        }
    }
}
