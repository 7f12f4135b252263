package io.github.personalcare.prescription;

import io.github.personalcare.identity.PatientId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A medication review due: a medicine on repeat whose review date is within the policy's window
 * or has passed. Ids and dates only.
 *
 * @param medicine the repeat medicine
 * @param patient  whose medicine
 * @param reviewOn the review date
 * @param overdue  true if the review date has passed (no further issue until reviewed)
 */
public record ReviewDue(RepeatMedicineId medicine, PatientId patient, LocalDate reviewOn, boolean overdue) {
    /**
     * Checks the components.
     *
     * @param medicine the repeat medicine
     * @param patient  whose medicine
     * @param reviewOn the review date
     * @param overdue  whether the date has passed
     * @throws NullPointerException if a component is null
     */
    public ReviewDue {
        Objects.requireNonNull(medicine, "medicine");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(reviewOn, "reviewOn");
    }

    static ReviewDue of(RepeatMedicine m, LocalDate today) {
        return new ReviewDue(m.id(), m.patient(), m.reviewOn(), today.isAfter(m.reviewOn()));
    }
}
