package io.github.personalcare.prescription;

/** Whether a medicine is on repeat. */
public enum RepeatStatus {
    /** On repeat: the patient may request it, within the rules. */
    ACTIVE,
    /** Taken off repeat by a prescriber; never requested again (a new authorisation is a new repeat). */
    STOPPED
}
