package io.github.personalcare.prescription;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A medicine on a patient's repeat list: what a prescriber authorised ({@link RepeatTerms}), how
 * many issues have been used and when the last was issued. Immutable; each change returns a new
 * value, which the service stores at the next version. Dates are UK local dates (Europe/London).
 *
 * @param id           the internal id
 * @param patient      whose medicine it is
 * @param practice     the ODS code of the practice the prescriber acts for
 * @param terms        the medicine, dose, quantity, interval, issues authorised and review date
 * @param issuesUsed   how many issues have been made under the authorisation, never more than authorised
 * @param lastIssuedOn the date of the last issue, empty before the first
 * @param status       on repeat or stopped
 * @param authorisedBy the prescriber who last authorised (added or changed) it
 * @param authorisedOn the date of that authorisation
 * @param stoppedOn    the date it was stopped, empty while on repeat
 * @param stopReason   why it was stopped, in words (never logged), empty while on repeat
 */
public record RepeatMedicine(
        RepeatMedicineId id,
        PatientId patient,
        OdsCode practice,
        RepeatTerms terms,
        int issuesUsed,
        Optional<LocalDate> lastIssuedOn,
        RepeatStatus status,
        UserId authorisedBy,
        LocalDate authorisedOn,
        Optional<LocalDate> stoppedOn,
        Optional<String> stopReason) {

    /**
     * Checks the components fit together.
     *
     * @param id           the internal id
     * @param patient      whose medicine it is
     * @param practice     the prescriber's practice
     * @param terms        what was authorised
     * @param issuesUsed   0 to the issues authorised
     * @param lastIssuedOn the last issue's date, present once an issue is used
     * @param status       on repeat or stopped
     * @param authorisedBy the prescriber
     * @param authorisedOn the authorisation date
     * @param stoppedOn    present exactly when stopped
     * @param stopReason   present exactly when stopped
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts or the stop fields do not fit together
     */
    public RepeatMedicine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(lastIssuedOn, "lastIssuedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(authorisedBy, "authorisedBy");
        Objects.requireNonNull(authorisedOn, "authorisedOn");
        Objects.requireNonNull(stoppedOn, "stoppedOn");
        Objects.requireNonNull(stopReason, "stopReason");
        if (issuesUsed < 0 || issuesUsed > terms.issuesAuthorised()) {
            throw new IllegalArgumentException("issues used must be 0 to the issues authorised");
        }
        if (issuesUsed > 0 && lastIssuedOn.isEmpty()) {
            throw new IllegalArgumentException("a used issue has a date");
        }
        if ((status == RepeatStatus.STOPPED) != stoppedOn.isPresent() || stoppedOn.isPresent() != stopReason.isPresent()) {
            throw new IllegalArgumentException("a stopped medicine has a stop date and reason, an active one neither");
        }
    }

    /**
     * A medicine newly put on repeat by a prescriber.
     *
     * @param id         its id
     * @param patient    the patient
     * @param practice   the prescriber's practice
     * @param terms      what is authorised
     * @param prescriber who authorises it
     * @param today      the UK date
     * @return the medicine, active, with no issue used
     */
    static RepeatMedicine authorise(RepeatMedicineId id, PatientId patient, OdsCode practice, RepeatTerms terms,
            UserId prescriber, LocalDate today) {
        return new RepeatMedicine(id, patient, practice, terms, 0, Optional.empty(), RepeatStatus.ACTIVE, prescriber,
                today, Optional.empty(), Optional.empty());
    }

    /** {@return the medicine (dm+d code and name)} */
    public Medicine medicine() {
        return terms.medicine();
    }

    /** {@return the date the medication is due for review} */
    public LocalDate reviewOn() {
        return terms.reviewOn();
    }

    /** {@return the issues left under the authorisation} */
    public int issuesLeft() {
        return terms.issuesAuthorised() - issuesUsed;
    }

    /** {@return true while on repeat} */
    public boolean isActive() {
        return status == RepeatStatus.ACTIVE;
    }

    /**
     * Whether a medication review is due on {@code today}: on repeat, and the review date is
     * within {@code windowDays} from today or has passed.
     *
     * @param today      the UK date
     * @param windowDays how many days ahead a review shows as due
     * @return true if due or overdue
     */
    public boolean reviewDue(LocalDate today, int windowDays) {
        return isActive() && !reviewOn().isAfter(today.plusDays(windowDays));
    }

    /**
     * Why this medicine cannot be requested or issued on {@code today}, if it cannot: stopped,
     * every authorised issue used, past its review date, or earlier than the policy's share of
     * its interval since the last issue, checked in that order.
     *
     * @param today  the UK date
     * @param policy the earliest-request share
     * @return the first rule that refuses it, or empty if it may be issued
     */
    public Optional<Refusal> refusal(LocalDate today, PrescriptionPolicy policy) {
        if (!isActive()) {
            return Optional.of(new Refusal.NotOnRepeat(id));
        }
        if (issuesUsed >= terms.issuesAuthorised()) {
            return Optional.of(new Refusal.IssuesUsed(id, terms.issuesAuthorised()));
        }
        if (today.isAfter(reviewOn())) {
            return Optional.of(new Refusal.ReviewDatePassed(id, reviewOn()));
        }
        if (lastIssuedOn.isPresent()) {
            LocalDate earliest = policy.earliestNext(lastIssuedOn.get(), terms.intervalDays());
            if (today.isBefore(earliest)) {
                return Optional.of(new Refusal.TooEarly(id, lastIssuedOn.get(), earliest));
            }
        }
        return Optional.empty();
    }

    /**
     * Counts one issue on {@code today}; the caller has checked {@link #refusal} is empty.
     *
     * @param today the UK date of the issue
     * @return the medicine with one more issue used
     */
    RepeatMedicine issued(LocalDate today) {
        return new RepeatMedicine(id, patient, practice, terms, issuesUsed + 1, Optional.of(today), status,
                authorisedBy, authorisedOn, stoppedOn, stopReason);
    }

    /**
     * New terms from a prescriber (a changed dose, a re-authorisation with more issues, a new
     * review date); the issues used so far still count.
     *
     * @param next       the new terms
     * @param prescriber who authorises them
     * @param today      the UK date
     * @return the changed medicine
     * @throws RuleViolationException with {@code NOT_ON_REPEAT} if the medicine was stopped
     * @throws InvalidInputException naming {@code issuesAuthorised} if fewer than the issues already used
     */
    RepeatMedicine changed(RepeatTerms next, UserId prescriber, LocalDate today) {
        requireActive();
        if (next.issuesAuthorised() < issuesUsed) {
            throw new InvalidInputException("issuesAuthorised", "ISSUES_USED",
                    "must not be fewer than the " + issuesUsed + " issues already used");
        }
        return new RepeatMedicine(id, patient, practice, next, issuesUsed, lastIssuedOn, status, prescriber, today,
                stoppedOn, stopReason);
    }

    /**
     * Takes the medicine off repeat.
     *
     * @param reason why, in words
     * @param today  the UK date
     * @return the stopped medicine
     * @throws RuleViolationException with {@code NOT_ON_REPEAT} if already stopped
     * @throws InvalidInputException naming {@code reason} if it is missing or too long
     */
    RepeatMedicine stopped(String reason, LocalDate today) {
        Require.text("reason", reason, Require.SHORT_TEXT);
        requireActive();
        return new RepeatMedicine(id, patient, practice, terms, issuesUsed, lastIssuedOn, RepeatStatus.STOPPED,
                authorisedBy, authorisedOn, Optional.of(today), Optional.of(reason));
    }

    private void requireActive() {
        if (!isActive()) {
            throw new RuleViolationException("NOT_ON_REPEAT", "the medicine was stopped; put it on repeat again");
        }
    }
}
