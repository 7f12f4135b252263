package io.github.personalcare.referral;

/** The state of an RTT pathway's clock. */
public enum RttStatus {
    /** Waiting time is accumulating: an incomplete pathway. */
    RUNNING,
    /** Paused (admitted pathways, patient declined reasonable offers): time does not accumulate. */
    PAUSED,
    /** Stopped for treatment or non-treatment: a completed pathway. */
    STOPPED
}
