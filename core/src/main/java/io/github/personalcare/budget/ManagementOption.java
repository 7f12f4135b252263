package io.github.personalcare.budget;

/**
 * How the money of one budget line is held (R14). A budget may mix options across its lines;
 * integrated care boards must offer all three.
 */
public enum ManagementOption {
    /** The NHS holds the money and arranges the services; no money changes hands. */
    NOTIONAL,
    /** An organisation independent of the person and the NHS holds and spends it. */
    THIRD_PARTY,
    /** The person, their representative or nominee holds it (SI 2013/1617, R19–R27). */
    DIRECT_PAYMENT
}
