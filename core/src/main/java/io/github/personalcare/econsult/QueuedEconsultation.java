package io.github.personalcare.econsult;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of a practice's queue ({@link EconsultService#overdue}, {@link EconsultService#urgent}):
 * ids and times only, no answers; the practice opens the request itself to read it (audited).
 *
 * @param id          the e-consultation
 * @param patient     whose request it is
 * @param version     its version, for a triage command
 * @param status      its status
 * @param submittedAt when it was submitted
 * @param dueBy       its due time, for a routine request
 */
public record QueuedEconsultation(EconsultationId id, PatientId patient, long version, EconsultStatus status,
        Instant submittedAt, Optional<Instant> dueBy) {
    /**
     * Checks every component is present.
     *
     * @param id          the e-consultation
     * @param patient     whose request it is
     * @param version     its version
     * @param status      its status
     * @param submittedAt when it was submitted
     * @param dueBy       its due time, if routine
     * @throws InvalidInputException if a component is missing
     */
    public QueuedEconsultation {
        Require.present("id", id);
        Require.present("patient", patient);
        Require.present("status", status);
        Require.present("submittedAt", submittedAt);
        dueBy = dueBy == null ? Optional.empty() : dueBy;
    }
}
