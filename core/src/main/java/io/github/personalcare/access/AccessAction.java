package io.github.personalcare.access;

/** What the actor does with the data (FHIR {@code consentaction} codes). */
public enum AccessAction {
    /** Read or view. */
    ACCESS("access"),
    /** Record new data. */
    COLLECT("collect"),
    /** Use for a purpose (reports). */
    USE("use"),
    /** Send outside the organisation (export, transport). */
    DISCLOSE("disclose"),
    /** Change recorded data. */
    CORRECT("correct");

    private final String code;

    AccessAction(String code) {
        this.code = code;
    }

    /** The {@code http://terminology.hl7.org/CodeSystem/consentaction} code. */
    public String code() {
        return code;
    }

    /** True for actions that change stored data. */
    public boolean isWrite() {
        return this == COLLECT || this == CORRECT;
    }
}
