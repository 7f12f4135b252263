package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agreed version of a care plan: its number (1, 2, …), its content, the person's agreement and
 * the lead professional's co-signature, and when it was agreed. Immutable and kept forever (R10).
 */
public record CarePlanVersion(int number, CarePlanContent content, Signature personAgreement,
        Signature leadCoSignature, Instant agreedAt) {
    /**
     * Checks the version: numbered from 1, content and both signatures present and of the right
     * kinds (R8), with a review date (R7).
     *
     * @param number          the version number, from 1
     * @param content         the agreed content
     * @param personAgreement the person's agreement: the patient or a representative
     * @param leadCoSignature the lead professional's co-signature
     * @param agreedAt        when the second signature made it agreed
     * @throws InvalidInputException naming the component that is wrong
     */
    public CarePlanVersion {
        if (number < 1) {
            throw new InvalidInputException("version.number", "R10", "must be at least 1");
        }
        Require.present("version.content", content);
        Require.present("version.personAgreement", personAgreement);
        Require.present("version.leadCoSignature", leadCoSignature);
        Require.present("version.agreedAt", agreedAt);
        if (personAgreement.kind() == SignatoryKind.LEAD_PROFESSIONAL
                || leadCoSignature.kind() != SignatoryKind.LEAD_PROFESSIONAL) {
            throw new InvalidInputException("version.personAgreement", "R8",
                    "needs the person's agreement and the lead professional's co-signature");
        }
        if (content.review().isEmpty()) {
            throw new InvalidInputException("version.content.review", "R7", "an agreed version has a review date");
        }
    }

    /** {@return the review date of this version} Always present on an agreed version (R7). */
    public LocalDate nextReviewDue() {
        return content.review().orElseThrow().nextReviewDue();
    }

    /**
     * {@return whether this version is overdue for review on {@code date}: the date is after the
     * review date (R11)}
     *
     * @param date the date asked about
     */
    public boolean isOverdueOn(LocalDate date) {
        return date.isAfter(nextReviewDue());
    }
}
