package io.github.personalcare.feedback;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One feedback response: who gave it (the patient or a carer, as an actor reference), the answers,
 * the organisation it counts for, when it was given and, once withdrawn, when. A withdrawn
 * response stays visible to its patient and counts in no aggregate.
 *
 * @param id           the internal id
 * @param patient      whose care it is about
 * @param givenBy      the actor reference of who gave it ({@code patient:<id>} or {@code carer:<user>})
 * @param answers      the answers, with the comment
 * @param organisation the organisation it counts for in aggregates
 * @param givenAt      when it was given
 * @param withdrawnAt  when it was withdrawn, if it was
 */
public record Feedback(FeedbackId id, PatientId patient, String givenBy, FeedbackAnswers answers,
        OdsCode organisation, Instant givenAt, Optional<Instant> withdrawnAt) {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * Checks every component is present.
     *
     * @param id           the internal id
     * @param patient      whose care it is about
     * @param givenBy      who gave it
     * @param answers      the answers
     * @param organisation the organisation it counts for
     * @param givenAt      when it was given
     * @param withdrawnAt  when it was withdrawn, if it was
     * @throws InvalidInputException if a component is missing, or it was withdrawn before it was given
     */
    public Feedback {
        Require.present("id", id);
        Require.present("patient", patient);
        Require.text("givenBy", givenBy, Require.SHORT_TEXT);
        Require.present("answers", answers);
        Require.present("organisation", organisation);
        Require.present("givenAt", givenAt);
        withdrawnAt = withdrawnAt == null ? Optional.empty() : withdrawnAt;
        if (withdrawnAt.isPresent() && withdrawnAt.get().isBefore(givenAt)) {
            throw new InvalidInputException("withdrawnAt", "FEEDBACK_WITHDRAWN", "must not be before it was given");
        }
    }

    /** {@return the UK calendar month it was given in: the period it counts for} */
    public YearMonth month() {
        return YearMonth.from(givenAt.atZone(UK));
    }

    /** {@return whether it counts in aggregates: not withdrawn} */
    public boolean isActive() {
        return withdrawnAt.isEmpty();
    }

    /**
     * Withdraws it.
     *
     * @param at when
     * @return the response, withdrawn
     * @throws IllegalTransitionException with rule {@code FEEDBACK_STATE} if it was already withdrawn
     */
    public Feedback withdraw(Instant at) {
        if (withdrawnAt.isPresent()) {
            throw new IllegalTransitionException("FEEDBACK_STATE", "WITHDRAWN", "WITHDRAW");
        }
        return new Feedback(id, patient, givenBy, answers, organisation, givenAt, Optional.of(at));
    }

    @Override
    public String toString() {
        return "Feedback[" + id + (isActive() ? "" : " withdrawn") + "]";
    }
}
