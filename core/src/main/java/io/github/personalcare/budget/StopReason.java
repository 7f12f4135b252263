package io.github.personalcare.budget;

/** Why direct payments stopped (SI 2013/1617 reg. 17). */
public enum StopReason {
    /** The adult patient with capacity, or the only consenting representative, withdrew consent (R25). */
    CONSENT_WITHDRAWN("R25"),
    /** The patient died (R26). */
    DEATH("R26"),
    /** The person is no longer a patient of the health body. */
    NO_LONGER_PATIENT("REG17"),
    /** The representative or nominee is no longer suitable. */
    RECIPIENT_UNSUITABLE("REG17"),
    /** The nominee declined, or the nomination was withdrawn. */
    NOMINATION_ENDED("REG17"),
    /** The money was used otherwise than for services in the care plan. */
    MISUSE("REG17"),
    /** Theft, fraud or another offence is suspected. */
    SUSPECTED_OFFENCE("REG17"),
    /** The person's health needs cannot be, or are not being, met by direct payments. */
    NEEDS_NOT_MET("REG17");

    private final String rule;

    StopReason(String rule) {
        this.rule = rule;
    }

    /** {@return the rule the stop applies: R25, R26 or {@code REG17}} */
    public String rule() {
        return rule;
    }
}
