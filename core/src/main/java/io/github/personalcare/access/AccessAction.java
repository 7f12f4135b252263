package io.github.personalcare.access;

/** What the actor does with the data (the actions of FHIR {@code consentaction}). */
public enum AccessAction {
    /** Read or view. */
    ACCESS,
    /** Record new data. */
    COLLECT,
    /** Use for a purpose (reports). */
    USE,
    /** Send outside the organisation (export, transport). */
    DISCLOSE,
    /** Change recorded data. */
    CORRECT;

    /** {@return whether the action changes stored data ({@link #COLLECT} or {@link #CORRECT})} */
    public boolean isWrite() {
        return this == COLLECT || this == CORRECT;
    }
}
