package io.github.personalcare.prescription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Why a medicine cannot be requested or issued now, naming the rule. Holds ids and dates only,
 * never the medicine's name, so a refusal may be logged and audited.
 */
public sealed interface Refusal permits Refusal.NotOnRepeat, Refusal.IssuesUsed, Refusal.ReviewDatePassed,
        Refusal.TooEarly, Refusal.AlreadyRequested {

    /** {@return the medicine concerned} */
    RepeatMedicineId medicine();

    /** {@return the rule's code, such as {@code "TOO_EARLY"}} */
    String rule();

    /**
     * The medicine is not on the patient's repeat list: unknown, another patient's, or stopped.
     *
     * @param medicine the id asked for
     */
    record NotOnRepeat(RepeatMedicineId medicine) implements Refusal {
        /**
         * Checks the id.
         *
         * @param medicine the id asked for
         * @throws NullPointerException if it is null
         */
        public NotOnRepeat {
            Objects.requireNonNull(medicine, "medicine");
        }

        @Override
        public String rule() {
            return "NOT_ON_REPEAT";
        }
    }

    /**
     * Every authorised issue has been used; the prescriber must re-authorise.
     *
     * @param medicine   the medicine
     * @param authorised how many issues were authorised
     */
    record IssuesUsed(RepeatMedicineId medicine, int authorised) implements Refusal {
        /**
         * Checks the id.
         *
         * @param medicine   the medicine
         * @param authorised the issues authorised
         * @throws NullPointerException if the id is null
         */
        public IssuesUsed {
            Objects.requireNonNull(medicine, "medicine");
        }

        @Override
        public String rule() {
            return "ISSUES_USED";
        }
    }

    /**
     * The medication review date has passed: a review comes before another issue.
     *
     * @param medicine the medicine
     * @param reviewOn the review date, before today
     */
    record ReviewDatePassed(RepeatMedicineId medicine, LocalDate reviewOn) implements Refusal {
        /**
         * Checks both components.
         *
         * @param medicine the medicine
         * @param reviewOn the review date
         * @throws NullPointerException if one is null
         */
        public ReviewDatePassed {
            Objects.requireNonNull(medicine, "medicine");
            Objects.requireNonNull(reviewOn, "reviewOn");
        }

        @Override
        public String rule() {
            return "REVIEW_DATE_PASSED";
        }
    }

    /**
     * Too soon after the last issue: before the configured share of the interval has passed.
     *
     * @param medicine     the medicine
     * @param lastIssuedOn the UK date of the last issue
     * @param earliestOn   the first UK date a request is accepted
     */
    record TooEarly(RepeatMedicineId medicine, LocalDate lastIssuedOn, LocalDate earliestOn) implements Refusal {
        /**
         * Checks every component.
         *
         * @param medicine     the medicine
         * @param lastIssuedOn the last issue's date
         * @param earliestOn   the earliest date allowed
         * @throws NullPointerException if one is null
         */
        public TooEarly {
            Objects.requireNonNull(medicine, "medicine");
            Objects.requireNonNull(lastIssuedOn, "lastIssuedOn");
            Objects.requireNonNull(earliestOn, "earliestOn");
        }

        @Override
        public String rule() {
            return "TOO_EARLY";
        }
    }

    /**
     * The medicine is already on an open (submitted or approved) request of the patient.
     *
     * @param medicine the medicine
     * @param request  the open request holding it
     */
    record AlreadyRequested(RepeatMedicineId medicine, PrescriptionRequestId request) implements Refusal {
        /**
         * Checks both ids.
         *
         * @param medicine the medicine
         * @param request  the open request
         * @throws NullPointerException if one is null
         */
        public AlreadyRequested {
            Objects.requireNonNull(medicine, "medicine");
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String rule() {
            return "ALREADY_REQUESTED";
        }
    }
}
