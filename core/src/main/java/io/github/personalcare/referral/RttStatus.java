package io.github.personalcare.referral;

/**
 * The state of an RTT pathway's clock. There is no paused state: patient pauses were abolished on
 * 1 October 2015 (R36).
 */
public enum RttStatus {
    /** Waiting time is accumulating: an incomplete pathway. */
    RUNNING,
    /** Stopped for treatment or non-treatment: a completed pathway. */
    STOPPED,
    /** Nullified after a first-appointment DNA: never counted as a wait. */
    NULLIFIED
}
