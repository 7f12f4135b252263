package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

import java.util.EnumSet;
import java.util.Set;

import static io.github.personalcare.referral.ReferralCommand.Type.ACCEPT;
import static io.github.personalcare.referral.ReferralCommand.Type.BOOK;
import static io.github.personalcare.referral.ReferralCommand.Type.CANCEL;
import static io.github.personalcare.referral.ReferralCommand.Type.CANCEL_APPOINTMENT;
import static io.github.personalcare.referral.ReferralCommand.Type.COMPLETE;
import static io.github.personalcare.referral.ReferralCommand.Type.CONVERT_TO_REFERRAL;
import static io.github.personalcare.referral.ReferralCommand.Type.DEFER_TO_PROVIDER;
import static io.github.personalcare.referral.ReferralCommand.Type.END_PATIENT_CHOICE_DELAY;
import static io.github.personalcare.referral.ReferralCommand.Type.NULLIFY_CLOCK;
import static io.github.personalcare.referral.ReferralCommand.Type.RECORD_DID_NOT_ATTEND;
import static io.github.personalcare.referral.ReferralCommand.Type.RECORD_REVIEW_OUTCOME;
import static io.github.personalcare.referral.ReferralCommand.Type.REJECT;
import static io.github.personalcare.referral.ReferralCommand.Type.RESPOND_WITH_ADVICE;
import static io.github.personalcare.referral.ReferralCommand.Type.RESTART_CLOCK;
import static io.github.personalcare.referral.ReferralCommand.Type.RESUBMIT;
import static io.github.personalcare.referral.ReferralCommand.Type.SEND_FOR_TRIAGE;
import static io.github.personalcare.referral.ReferralCommand.Type.SHORTLIST;
import static io.github.personalcare.referral.ReferralCommand.Type.START_PATIENT_CHOICE_DELAY;
import static io.github.personalcare.referral.ReferralCommand.Type.STOP_CLOCK;
import static io.github.personalcare.referral.ReferralCommand.Type.SUBMIT;

/**
 * Where a referral stands: the e-Referral Service states (code system
 * {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1}, domain notes §3.2) plus the
 * SDK's own {@link #DRAFT}, {@link #ACCEPTED} (e-RS keeps BOOKED), {@link #COMPLETED} and the two
 * advice-and-guidance states (e-RS keeps A&amp;G as a separate conversation). Only the transitions
 * of {@link #accepts()} are possible (R30); {@link #CANCELLED_REFERRAL} and {@link #COMPLETED} are
 * terminal. The e-RS state {@code ASSESSMENT_RESULT} (clinical assessment services) is not modelled.
 */
public enum ReferralState {
    /** Being written by the referrer; nothing has been sent. */
    DRAFT,
    /** SDK (A&amp;G): advice requested from the provider. */
    ADVICE_REQUESTED,
    /** SDK (A&amp;G): the provider has answered. */
    ADVICE_GIVEN,
    /** Sent with a shortlist; no appointment yet. */
    NOT_BOOKED,
    /** An appointment is booked. */
    BOOKED,
    /** SDK: the provider accepted the booked referral (e-RS keeps BOOKED). */
    ACCEPTED,
    /** Booking handed to the provider (R33). */
    DEFERRED_TO_PROVIDER,
    /** Sent to a referral assessment service for triage. */
    AWAITING_TRIAGE,
    /** Triaged: the provider accepted and will book later. */
    TRIAGED_PROVIDER_TO_ACTION,
    /** Triaged: returned to the referrer with advice. */
    TRIAGE_RESPONSE,
    /** The provider rejected the booked referral, with a reason (R32). */
    REJECTED,
    /** The patient cancelled the appointment; rebooking is possible. */
    APPT_CANCELLED_BY_PATIENT,
    /** The provider cancelled the appointment; rebooking is possible. */
    APPT_CANCELLED_BY_PROVIDER,
    /** The patient did not attend the appointment. */
    DID_NOT_ATTEND,
    /** SDK: done with, the pathway ended (terminal). */
    COMPLETED,
    /** Cancelled (terminal, R30). */
    CANCELLED_REFERRAL;

    private static final Set<ReferralCommand.Type> CLOCK =
            EnumSet.of(START_PATIENT_CHOICE_DELAY, END_PATIENT_CHOICE_DELAY, STOP_CLOCK, RESTART_CLOCK, NULLIFY_CLOCK);

    /**
     * The commands this state accepts: the whole lifecycle in one switch (R30). Clock commands
     * are accepted wherever the provider holds the pathway; whether a clock is running is the
     * clock's own rule (R35, R36).
     *
     * @return the command types this state accepts; empty for a terminal state
     */
    public Set<ReferralCommand.Type> accepts() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SHORTLIST, SUBMIT, CANCEL);
            case ADVICE_REQUESTED -> EnumSet.of(RESPOND_WITH_ADVICE, CONVERT_TO_REFERRAL, CANCEL);
            case ADVICE_GIVEN -> EnumSet.of(CONVERT_TO_REFERRAL, COMPLETE, CANCEL);
            case NOT_BOOKED -> with(SHORTLIST, BOOK, DEFER_TO_PROVIDER, SEND_FOR_TRIAGE, CANCEL);
            case BOOKED -> with(ACCEPT, REJECT, CANCEL_APPOINTMENT, RECORD_DID_NOT_ATTEND, CANCEL);
            case ACCEPTED -> with(CANCEL_APPOINTMENT, RECORD_DID_NOT_ATTEND, COMPLETE, CANCEL);
            case DEFERRED_TO_PROVIDER, TRIAGED_PROVIDER_TO_ACTION, APPT_CANCELLED_BY_PATIENT,
                    APPT_CANCELLED_BY_PROVIDER, DID_NOT_ATTEND -> with(BOOK, CANCEL);
            case AWAITING_TRIAGE -> with(RECORD_REVIEW_OUTCOME, CANCEL);
            case TRIAGE_RESPONSE, REJECTED -> EnumSet.of(RESUBMIT, CANCEL);
            case COMPLETED, CANCELLED_REFERRAL -> EnumSet.noneOf(ReferralCommand.Type.class);
        };
    }

    /** {@return whether no command leaves this state (R30): completed or cancelled} */
    public boolean isTerminal() {
        return accepts().isEmpty();
    }

    private static Set<ReferralCommand.Type> with(ReferralCommand.Type first, ReferralCommand.Type... rest) {
        Set<ReferralCommand.Type> set = EnumSet.of(first, rest);
        set.addAll(CLOCK);
        return set;
    }
}
