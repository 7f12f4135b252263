package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;

/**
 * Why the person has a budget and from when (R18).
 *
 * @param reason the legal-right cohort, or discretionary
 * @param from   the eligibility date, at which the age rules are checked
 */
public record Eligibility(EligibilityReason reason, LocalDate from) {
    /**
     * Checks both components are present.
     *
     * @param reason the legal-right cohort, or discretionary
     * @param from   the eligibility date
     * @throws InvalidInputException if either is missing
     */
    public Eligibility {
        Require.present("eligibility.reason", reason);
        Require.present("eligibility.from", from);
    }

    /**
     * Checks the cohort's age rule for a person of this age at {@link #from}: NHS Continuing
     * Healthcare needs 18 or over, children's continuing care 17 or under (R18).
     *
     * @param ageAtEligibility the person's age in whole years at {@link #from}
     * @throws InvalidInputException naming {@code eligibility.reason} if the age does not fit
     */
    public void checkAge(int ageAtEligibility) {
        switch (reason) {
            case CONTINUING_HEALTHCARE -> {
                if (ageAtEligibility < 18) {
                    throw new InvalidInputException("eligibility.reason", "R18",
                            "NHS Continuing Healthcare needs the person to be 18 or over at the eligibility date");
                }
            }
            case CHILDREN_CONTINUING_CARE -> {
                if (ageAtEligibility > 17) {
                    throw new InvalidInputException("eligibility.reason", "R18",
                            "children's continuing care needs the person to be 17 or under at the eligibility date");
                }
            }
            case S117_AFTERCARE, WHEELCHAIR, DISCRETIONARY -> {
                // no age rule
            }
        }
    }
}
