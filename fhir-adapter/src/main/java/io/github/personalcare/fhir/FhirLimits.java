package io.github.personalcare.fhir;

import io.github.personalcare.lang.ConfigurationException;

/**
 * Bounds on a FHIR document read by {@link FhirImporter}, so that a hostile or broken body is
 * refused early with bounded memory: the body is cut off after {@code maxBytes}, Jackson's stream
 * constraints refuse deeper nesting, longer strings and longer numbers, and the reader counts the
 * JSON values it keeps and the elements of each array while it reads, so a document of millions of
 * tiny values (such as 10 MB of {@code {}}) is refused at the first value beyond the bound instead
 * of costing hundreds of megabytes of tree.
 *
 * @param maxBytes        largest body read, in bytes; reading stops at the first byte beyond it
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value, in characters
 * @param maxNumberLength longest number, in characters
 * @param maxValues       most JSON values (objects, arrays, strings, numbers, booleans, nulls) in
 *                        the document
 * @param maxArrayLength  most elements in one array
 */
public record FhirLimits(long maxBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength,
        int maxValues, int maxArrayLength) {
    /**
     * 10 MiB, depth 64, strings up to 1 MiB, numbers up to 64 characters, 1,000,000 values (FHIR
     * JSON averages about 43 bytes a value pretty printed, so a legitimate 10 MiB document holds about
     * 250,000), 100,000 elements in one array.
     */
    public static final FhirLimits DEFAULT = new FhirLimits(10L * 1024 * 1024, 64, 1024 * 1024, 64, 1_000_000,
            100_000);

    /**
     * Checks every bound is positive.
     *
     * @param maxBytes        largest body read, in bytes
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxStringLength longest string value, in characters
     * @param maxNumberLength longest number, in characters
     * @param maxValues       most JSON values in the document
     * @param maxArrayLength  most elements in one array
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
        if (maxValues < 1) {
            throw new ConfigurationException("maxValues", "must be positive");
        }
        if (maxArrayLength < 1) {
            throw new ConfigurationException("maxArrayLength", "must be positive");
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
        return new FhirLimits(bytes, maxNestingDepth, maxStringLength, maxNumberLength, maxValues, maxArrayLength);
    }

    /**
     * Bounds with the default value and array limits.
     *
     * @param maxBytes        largest body read, in bytes
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxStringLength longest string value, in characters
     * @param maxNumberLength longest number, in characters
     * @throws ConfigurationException if any bound is not positive
     */
    public FhirLimits(long maxBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {
        this(maxBytes, maxNestingDepth, maxStringLength, maxNumberLength, 1_000_000, 100_000);
    }

    /**
     * These bounds with other value and array limits.
     *
     * @param values      most JSON values in the document
     * @param arrayLength most elements in one array
     * @return the bounds
     * @throws ConfigurationException if a bound is not positive
     */
    public FhirLimits withMaxValues(int values, int arrayLength) {
        return new FhirLimits(maxBytes, maxNestingDepth, maxStringLength, maxNumberLength, values, arrayLength);
    }
}
