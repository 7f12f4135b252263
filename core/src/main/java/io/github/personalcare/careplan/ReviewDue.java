package io.github.personalcare.careplan;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;

import java.time.LocalDate;

/**
 * A plan whose agreed version is due (or overdue) for review: internal ids, the version number and
 * the review date only, so the list can be handed to a work queue without personal data.
 */
public record ReviewDue(CarePlanId plan, PatientId patient, int version, LocalDate nextReviewDue) {
    public ReviewDue {
        Require.present("plan", plan);
        Require.present("patient", patient);
        Require.present("nextReviewDue", nextReviewDue);
    }
}
