package io.github.personalcare.fhir;

import io.github.personalcare.lang.ConfigurationException;

/**
 * Bounds on a FHIR document read by {@link FhirImporter}, so that a hostile or broken body is
 * refused early with bounded memory: the body is cut off after {@code maxBytes}, and Jackson's
 * stream constraints refuse deeper nesting, longer strings and longer numbers.
 *
 * @param maxBytes        largest body read, in bytes; reading stops at the first byte beyond it
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value, in characters
 * @param maxNumberLength longest number, in characters
 */
public record FhirLimits(long maxBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    /** 10 MiB, depth 64, strings up to 1 MiB, numbers up to 64 characters. */
    public static final FhirLimits DEFAULT = new FhirLimits(10L * 1024 * 1024, 64, 1024 * 1024, 64);

    /**
     * Checks every bound is positive.
     *
     * @param maxBytes        largest body read, in bytes
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxStringLength longest string value, in characters
     * @param maxNumberLength longest number, in characters
     * @throws ConfigurationException if any bound is not positive
     */
    public FhirLimits {
        if (maxBytes < 1) {
            throw new ConfigurationException("maxBytes", "must be positive");
        }
        if (maxNestingDepth < 1) {
            throw new ConfigurationException("maxNestingDepth", "must be positive");
        }
        if (maxStringLength < 1) {
            throw new ConfigurationException("maxStringLength", "must be positive");
        }
        if (maxNumberLength < 1) {
            throw new ConfigurationException("maxNumberLength", "must be positive");
        }
    }

    /**
     * A copy with another body size limit.
     *
     * @param bytes the largest body read, in bytes
     * @return the copy
     * @throws ConfigurationException if {@code bytes} is not positive
     */
    public FhirLimits withMaxBytes(long bytes) {
        return new FhirLimits(bytes, maxNestingDepth, maxStringLength, maxNumberLength);
    }
}
