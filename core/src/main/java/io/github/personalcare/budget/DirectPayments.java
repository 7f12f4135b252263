package io.github.personalcare.budget;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget's direct payments under SI 2013/1617: who may receive the money and the Schedule
 * exclusion (R19, R20), payments only into the line's registered account (R21), the date of the
 * first payment (from which the first review is counted, R22), and the stop on withdrawal of
 * consent, death or another reg. 17 reason (R25, R26). The recipient and account of each line are
 * in its {@link Management.DirectPayment}; this value holds what belongs to the budget as a whole.
 *
 * <p>{@link PersonalHealthBudget} stores this state as its {@code firstDirectPayment} and
 * {@code directPaymentStop} components (the stored shape) and delegates these rules here.
 *
 * @param firstPayment the date of the first payment into a direct-payment line (R22)
 * @param stop         when and why direct payments stopped, if they have (R25, R26)
 */
record DirectPayments(Optional<LocalDate> firstPayment, Optional<DirectPaymentStop> stop) {
    DirectPayments {
        Objects.requireNonNull(firstPayment, "firstPayment");
        Objects.requireNonNull(stop, "stop");
    }

    /**
     * Checks a direct-payment line of a proposed budget: the recipient may receive the money
     * (R19), the person is not excluded under the Schedule without an allowed override (R20),
     * and the account is registered (R21).
     *
     * @throws InvalidInputException  if the recipient's consent is dated in the future
     * @throws RuleViolationException with R19, R20 or R21 otherwise
     */
    static void checkArrangement(Management.DirectPayment dp, Patient person, BudgetPolicy policy, LocalDate today) {
        Recipient r = dp.recipient();
        checkRecipient(r, person, today);
        if (r.consentedOn().isAfter(today)) {
            throw new InvalidInputException("recipient.consentedOn", "R19", "must not be in the future");
        }
        // R20: the Schedule excludes people under criminal-justice drug or alcohol requirements
        if (person.has(PatientFlag.DIRECT_PAYMENT_EXCLUDED)
                && (dp.scheduleOverride().isEmpty() || !policy.scheduleOverrideAllowed())) {
            throw new RuleViolationException("R20",
                    "the person is excluded from direct payments under the Schedule and no allowed override was given");
        }
        // R21: a registered account dedicated to direct payments
        if (dp.account().registeredOn().isAfter(today)) {
            throw new RuleViolationException("R21", "the direct-payment account is not registered yet");
        }
    }

    /**
     * R19 on a date: the patient receives the money only from their 16th birthday and while they
     * have capacity; a representative only while the patient is a child (under 16, reg. 2) or
     * lacks capacity. So a representative who received payments for a child may not receive them
     * once the child turns 16 (unless the young person lacks capacity): the young person, with
     * their consent, or a nominee they choose, becomes the recipient.
     *
     * @throws RuleViolationException with R19
     */
    static void checkRecipient(Recipient r, Patient person, LocalDate on) {
        boolean child = person.ageOn(on) < 16;
        boolean lacksCapacity = person.has(PatientFlag.LACKS_CAPACITY);
        switch (r.kind()) {
            case PATIENT -> {
                if (child || lacksCapacity) {
                    throw new RuleViolationException("R19",
                            "a patient under 16 or lacking capacity cannot receive a direct payment; a representative must");
                }
            }
            case REPRESENTATIVE -> {
                if (!child && !lacksCapacity) {
                    throw new RuleViolationException("R19",
                            "a representative receives a direct payment only for a patient under 16 or lacking capacity;"
                                    + " from the 16th birthday the young person (or their nominee) receives it");
                }
            }
            case NOMINEE -> {
                // a nominee's recorded agreement (consentedOn) is all reg. 6 asks of the SDK
            }
        }
    }

    /** True if the line carries an override of the Schedule exclusion that the person needs (R20). */
    static boolean reliesOnScheduleOverride(BudgetLine line, Patient person) {
        return line.management() instanceof Management.DirectPayment dp && dp.scheduleOverride().isPresent()
                && person.has(PatientFlag.DIRECT_PAYMENT_EXCLUDED);
    }

    /** True if direct payments have stopped (R25, R26). */
    boolean stopped() {
        return stop.isPresent();
    }

    /**
     * Checks an entry into {@code line} that is a payment into a direct-payment line: not after
     * the patient's death (R26), not after direct payments stopped (R25, R26), only into the
     * line's registered account (R21), and only to a recipient who may receive it on the payment's
     * date (R19: a representative's payments for a child end at 16). Other entries and lines pass.
     *
     * @throws RuleViolationException with R19, R21, R25 or R26
     */
    void checkPayment(LedgerEntry e, BudgetLine line, Optional<String> paidIntoAccount, Patient person) {
        if (e.kind() != EntryKind.ALLOCATION || !(line.management() instanceof Management.DirectPayment dp)) {
            return;
        }
        if (person.isDeceasedOn(e.date())) {
            throw new RuleViolationException("R26", "no direct payment after the patient's death");
        }
        if (stop.isPresent()) {
            throw new RuleViolationException(stop.get().reason().rule(), "direct payments have stopped");
        }
        if (paidIntoAccount.isEmpty() || !dp.account().receives(paidIntoAccount.get())) {
            throw new RuleViolationException("R21", "a direct payment must go into the line's registered account");
        }
        checkRecipient(dp.recipient(), person, e.date()); // R19 again: a child may have turned 16
    }

    /** After {@code e} is recorded on {@code line}: the first payment into a direct-payment line is kept (R22). */
    DirectPayments recorded(LedgerEntry e, BudgetLine line) {
        if (firstPayment.isEmpty() && e.kind() == EntryKind.ALLOCATION && line.isDirectPayment()) {
            return new DirectPayments(Optional.of(e.date()), stop); // R22: the first review is counted from here
        }
        return this;
    }

    /**
     * Direct payments stopped by {@code next} (R25, R26).
     *
     * @param anyDirectPaymentLine whether the budget has a direct-payment line
     * @throws RuleViolationException     if it has none
     * @throws IllegalTransitionException if they already stopped
     */
    DirectPayments stoppedBy(DirectPaymentStop next, boolean anyDirectPaymentLine) {
        if (!anyDirectPaymentLine) {
            throw new RuleViolationException(next.reason().rule(), "the budget has no direct-payment line");
        }
        if (stop.isPresent()) {
            throw new IllegalTransitionException(next.reason().rule(), "DIRECT_PAYMENTS_STOPPED", "stop direct payments");
        }
        return new DirectPayments(firstPayment, Optional.of(next));
    }
}
