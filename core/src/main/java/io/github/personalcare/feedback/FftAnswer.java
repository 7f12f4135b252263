package io.github.personalcare.feedback;

/**
 * The six answers to the Friends and Family Test question "Overall, how was your experience of
 * our service?" (NHS England, FFT guidance 2020), in the order they are shown.
 */
public enum FftAnswer {
    /** Very good. */
    VERY_GOOD("Very good"),
    /** Good. */
    GOOD("Good"),
    /** Neither good nor poor. */
    NEITHER_GOOD_NOR_POOR("Neither good nor poor"),
    /** Poor. */
    POOR("Poor"),
    /** Very poor. */
    VERY_POOR("Very poor"),
    /** Don't know. */
    DONT_KNOW("Don't know");

    private final String label;

    FftAnswer(String label) {
        this.label = label;
    }

    /** {@return the answer as the question shows it} */
    public String label() {
        return label;
    }
}
