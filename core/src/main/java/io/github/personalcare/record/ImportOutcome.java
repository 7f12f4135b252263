package io.github.personalcare.record;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;

import java.util.List;

/**
 * What happened to one record offered to {@link RecordImportService}: stored whole, already there
 * from an earlier import (nothing written), or refused with its problems (nothing written).
 */
public sealed interface ImportOutcome {

    /** {@return the record's place in the batch, from 0} */
    long position();

    /** {@return the record's patient (an internal id, not personal)} */
    PatientId patient();

    /**
     * The record was stored in one transaction with its provenance.
     *
     * @param position  the record's place in the batch
     * @param patient   the record's patient
     * @param resources how many items were stored, besides the foreign audit records
     */
    record Imported(long position, PatientId patient, int resources) implements ImportOutcome {
        /**
         * Checks the outcome.
         *
         * @param position  the record's place in the batch
         * @param patient   the record's patient
         * @param resources how many items were stored
         * @throws io.github.personalcare.lang.InvalidInputException if the patient is missing
         */
        public Imported {
            Require.present("patient", patient);
        }
    }

    /**
     * An earlier import stored this patient's record; nothing was written (imports are idempotent
     * per record, so a re-run batch skips what it already stored).
     *
     * @param position the record's place in the batch
     * @param patient  the record's patient
     */
    record AlreadyImported(long position, PatientId patient) implements ImportOutcome {
        /**
         * Checks the outcome.
         *
         * @param position the record's place in the batch
         * @param patient  the record's patient
         * @throws io.github.personalcare.lang.InvalidInputException if the patient is missing
         */
        public AlreadyImported {
            Require.present("patient", patient);
        }
    }

    /**
     * The record breaks a rule; nothing of it was written.
     *
     * @param position the record's place in the batch
     * @param patient  the record's patient
     * @param problems every problem found, each with its path and rule
     */
    record Refused(long position, PatientId patient, List<RecordProblem> problems) implements ImportOutcome {
        /**
         * Checks the outcome and copies the problems.
         *
         * @param position the record's place in the batch
         * @param patient  the record's patient
         * @param problems at least one problem
         * @throws io.github.personalcare.lang.InvalidInputException if the patient or the problems are missing
         */
        public Refused {
            Require.present("patient", patient);
            problems = Require.list("problems", problems, 10_000);
            if (problems.isEmpty()) {
                throw new io.github.personalcare.lang.InvalidInputException("problems", "REQUIRED",
                        "a refusal names at least one problem");
            }
        }
    }
}
