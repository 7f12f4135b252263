package io.github.personalcare.econsult;

import io.github.personalcare.lang.InvalidInputException;

import java.time.Duration;

/**
 * How long the practice has to triage a routine e-consultation: its due time is the submission
 * time plus this. The default, {@link #DEFAULT}, is 48 hours (clock hours, weekends included: the
 * SDK keeps no practice opening hours, so a supplier whose practices work to "two working days"
 * sets a longer target, such as 96 hours, or its own per practice on the builder). Set it with
 * {@code PersonalCare.builder().triageTarget(...)}; a change applies to requests submitted after it.
 *
 * @param within the time allowed, from 1 minute to 30 days
 */
public record TriageTarget(Duration within) {
    /** 48 hours from submission. */
    public static final TriageTarget DEFAULT = new TriageTarget(Duration.ofHours(48));

    /**
     * Checks the time allowed.
     *
     * @param within the time allowed
     * @throws InvalidInputException if missing, under a minute or over 30 days
     */
    public TriageTarget {
        if (within == null) {
            throw new InvalidInputException("within", "REQUIRED", "is required");
        }
        if (within.compareTo(Duration.ofMinutes(1)) < 0 || within.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidInputException("within", "TRIAGE_TARGET", "must be from 1 minute to 30 days");
        }
    }
}
