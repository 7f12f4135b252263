package io.github.personalcare.fhir.rest;

import io.github.personalcare.lang.ConfigurationException;

/** The builders' rule: each option is set at most once, and never to null. */
final class Options {
    private Options() {
    }

    static <T> T once(String option, T current, T value) {
        if (value == null) {
            throw new ConfigurationException(option, "must not be null");
        }
        if (current != null) {
            throw new ConfigurationException(option, "may be set only once");
        }
        return value;
    }
}
