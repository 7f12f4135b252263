package io.github.personalcare.lang;

/**
 * The SDK is wired wrongly: a builder option set twice, a missing adapter setting, a storage
 * whose schema is not migrated. {@link #option()} names what to fix.
 */
public class ConfigurationException extends PersonalCareException {
    /** The option or setting at fault. */
    private final String option;

    /**
     * Creates the exception; its message is {@code option + ": " + detail}.
     *
     * @param option the builder option or setting at fault
     * @param detail what is wrong
     */
    public ConfigurationException(String option, String detail) {
        super("CONFIG", option + ": " + detail);
        this.option = option;
    }

    /** {@return the option or setting at fault} */
    public String option() {
        return option;
    }
}
