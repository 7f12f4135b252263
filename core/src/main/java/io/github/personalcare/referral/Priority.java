package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

/**
 * How soon the patient must be seen, as the e-Referral Service codes it (code system
 * {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1}): one of these three and nothing
 * else (R28). A provider may change it when reviewing a referral.
 */
public enum Priority {
    /** Routine referral. */
    ROUTINE,
    /** Urgent referral. */
    URGENT,
    /** Two-week wait: suspected cancer. */
    TWO_WEEK_WAIT;

    /**
     * Reads an e-RS priority code ({@code "ROUTINE"}, {@code "URGENT"}, {@code "TWO_WEEK_WAIT"}).
     *
     * @param code the e-RS code
     * @return the priority
     * @throws InvalidInputException for any other code, naming field {@code priority} and rule R28
     */
    public static Priority ofCode(String code) {
        if (code != null) {
            for (Priority p : values()) {
                if (p.name().equals(code)) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("priority", "R28", "must be ROUTINE, URGENT or TWO_WEEK_WAIT");
    }
}
