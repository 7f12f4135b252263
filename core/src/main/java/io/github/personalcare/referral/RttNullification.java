package io.github.personalcare.referral;

import io.github.personalcare.identity.UserId;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;

/**
 * The clinical decision to nullify an RTT clock after the patient did not attend their first
 * appointment, having been given reasonable notice (R36, domain notes §3.6). A nullified clock
 * never counts as a wait: it is as if the pathway had not started.
 *
 * @param on        the UK date of the decision
 * @param decidedBy the professional who made it
 */
public record RttNullification(LocalDate on, UserId decidedBy) {
    /**
     * Checks both components are present.
     *
     * @param on        the UK date of the decision
     * @param decidedBy the professional who made it
     * @throws io.github.personalcare.lang.InvalidInputException naming the component that is missing
     */
    public RttNullification {
        Require.present("nullification.on", on);
        Require.present("nullification.decidedBy", decidedBy);
    }
}
