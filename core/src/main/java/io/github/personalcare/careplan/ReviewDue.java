package io.github.personalcare.careplan;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * A plan whose agreed version is due (or overdue) for review: internal ids, the version number and
 * the review date only, so the list can be handed to a work queue without personal data.
 */
public record ReviewDue(CarePlanId plan, PatientId patient, int version, LocalDate nextReviewDue) {
    /**
     * Checks the ids and the date are present.
     *
     * @param plan          the plan's id
     * @param patient       whose plan it is
     * @param version       the agreed version due for review
     * @param nextReviewDue its review date
     * @throws InvalidInputException if a component is missing
     */
    public ReviewDue {
        Require.present("plan", plan);
        Require.present("patient", patient);
        Require.present("nextReviewDue", nextReviewDue);
    }
}
