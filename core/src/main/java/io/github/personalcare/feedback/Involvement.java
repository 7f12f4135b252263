package io.github.personalcare.feedback;

/**
 * The answers to "Did you feel involved in decisions about your care?" and "Were your carers
 * involved?" (the involvement questions of personalised care, domain notes §2).
 */
public enum Involvement {
    /** Yes. */
    YES("Yes"),
    /** Yes, to some extent. */
    TO_SOME_EXTENT("Yes, to some extent"),
    /** No. */
    NO("No"),
    /** Not applicable (no decisions were made, or the person has no carer). */
    NOT_APPLICABLE("Not applicable");

    private final String label;

    Involvement(String label) {
        this.label = label;
    }

    /** {@return the answer as the question shows it} */
    public String label() {
        return label;
    }
}
