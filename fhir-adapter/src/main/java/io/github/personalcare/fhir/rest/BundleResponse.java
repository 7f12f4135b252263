package io.github.personalcare.fhir.rest;

import java.util.List;
import java.util.Optional;

/**
 * The server's answer to a transaction or batch Bundle: one entry per request entry, in order.
 *
 * @param entries the per-entry outcomes
 */
public record BundleResponse(List<Entry> entries) {
    /**
     * Copies the entries.
     *
     * @param entries the per-entry outcomes
     */
    public BundleResponse {
        entries = List.copyOf(entries);
    }

    /**
     * The outcome of one entry ({@code Bundle.entry.response}).
     *
     * @param status       the entry's HTTP status code, such as 201 (0 if the server's text
     *                     had none)
     * @param location     where the resource now is, such as {@code Patient/123/_history/1}
     * @param versionId    the version, from the entry's {@code etag}
     * @param lastModified the entry's {@code lastModified}, as sent
     * @param issues       the entry's OperationOutcome issues (a failed batch entry), without
     *                     diagnostics
     */
    public record Entry(int status, Optional<String> location, Optional<String> versionId,
                        Optional<String> lastModified, List<OutcomeIssue> issues) {
        /**
         * Copies the issues.
         *
         * @param status       the HTTP status code
         * @param location     the resource's location
         * @param versionId    its version
         * @param lastModified its last-modified time
         * @param issues       the OperationOutcome issues
         */
        public Entry {
            issues = List.copyOf(issues);
        }

        /** {@return whether the entry succeeded (2xx)} */
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** {@return whether every entry succeeded} */
    public boolean allSucceeded() {
        return entries.stream().allMatch(Entry::succeeded);
    }
}
