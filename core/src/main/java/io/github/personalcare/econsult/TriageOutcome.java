package io.github.personalcare.econsult;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.referral.ReferralId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the practice decided for an e-consultation. Each outcome carries a note to the patient
 * (free text, at most {@link Require#LONG_TEXT} characters: stored, shown to the patient, never
 * logged nor put in events).
 */
public sealed interface TriageOutcome permits TriageOutcome.SelfCareAdvice, TriageOutcome.AppointmentOffered,
        TriageOutcome.PrescriptionIssued, TriageOutcome.ReferralMade, TriageOutcome.ReplyByMessage {

    /** The kinds of outcome, as codes for indexes, events and FHIR. */
    enum Kind {
        /** Self-care advice. */
        SELF_CARE_ADVICE,
        /** An appointment is offered. */
        APPOINTMENT_OFFERED,
        /** A prescription is issued. */
        PRESCRIPTION_ISSUED,
        /** A referral is made. */
        REFERRAL_MADE,
        /** The practice replies by message. */
        REPLY_BY_MESSAGE
    }

    /** {@return the note to the patient} */
    String note();

    /** {@return the kind of outcome} */
    Kind kind();

    /**
     * Self-care advice.
     *
     * @param note the advice
     */
    record SelfCareAdvice(String note) implements TriageOutcome {
        /**
         * Checks the note.
         *
         * @param note the advice
         * @throws InvalidInputException if the note is missing, blank, too long or holds control characters
         */
        public SelfCareAdvice {
            Require.text("note", note, Require.LONG_TEXT);
        }

        @Override
        public Kind kind() {
            return Kind.SELF_CARE_ADVICE;
        }

        @Override
        public String toString() {
            return "SelfCareAdvice";
        }
    }

    /**
     * An appointment is offered, to be booked by the date given.
     *
     * @param note  what the patient should do to book, and with whom
     * @param bookBy the UK date the appointment should be booked by
     */
    record AppointmentOffered(String note, LocalDate bookBy) implements TriageOutcome {
        /**
         * Checks the note and date.
         *
         * @param note   what the patient should do to book
         * @param bookBy the UK date the appointment should be booked by
         * @throws InvalidInputException if the note or date is missing or breaks a rule
         */
        public AppointmentOffered {
            Require.text("note", note, Require.LONG_TEXT);
            Require.date("bookBy", bookBy);
        }

        @Override
        public Kind kind() {
            return Kind.APPOINTMENT_OFFERED;
        }

        @Override
        public String toString() {
            return "AppointmentOffered[bookBy=" + bookBy + "]";
        }
    }

    /**
     * A prescription is issued.
     *
     * @param note what was prescribed and how to collect it
     */
    record PrescriptionIssued(String note) implements TriageOutcome {
        /**
         * Checks the note.
         *
         * @param note what was prescribed and how to collect it
         * @throws InvalidInputException if the note is missing, blank, too long or holds control characters
         */
        public PrescriptionIssued {
            Require.text("note", note, Require.LONG_TEXT);
        }

        @Override
        public Kind kind() {
            return Kind.PRESCRIPTION_ISSUED;
        }

        @Override
        public String toString() {
            return "PrescriptionIssued";
        }
    }

    /**
     * A referral is made, naming the SDK referral when it was drafted through it.
     *
     * @param note     where the patient is referred and what happens next
     * @param referral the referral, if drafted through the SDK
     */
    record ReferralMade(String note, Optional<ReferralId> referral) implements TriageOutcome {
        /**
         * Checks the note; a missing referral means none.
         *
         * @param note     where the patient is referred
         * @param referral the referral, if any
         * @throws InvalidInputException if the note is missing, blank, too long or holds control characters
         */
        public ReferralMade {
            Require.text("note", note, Require.LONG_TEXT);
            referral = referral == null ? Optional.empty() : referral;
        }

        @Override
        public Kind kind() {
            return Kind.REFERRAL_MADE;
        }

        @Override
        public String toString() {
            return "ReferralMade[referral=" + referral + "]";
        }
    }

    /**
     * The practice answers by message.
     *
     * @param note the reply
     */
    record ReplyByMessage(String note) implements TriageOutcome {
        /**
         * Checks the note.
         *
         * @param note the reply
         * @throws InvalidInputException if the note is missing, blank, too long or holds control characters
         */
        public ReplyByMessage {
            Require.text("note", note, Require.LONG_TEXT);
        }

        @Override
        public Kind kind() {
            return Kind.REPLY_BY_MESSAGE;
        }

        @Override
        public String toString() {
            return "ReplyByMessage";
        }
    }
}
