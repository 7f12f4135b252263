package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;

/**
 * Enforces, for a storage adapter, that the writes of one transaction concern at most one
 * patient, so data can be sharded by patient. Not thread-safe: one per transaction.
 */
public final class PatientScope {
    private PatientId patient;
    private final boolean acrossPatients;

    /** A scope for one new transaction, which has written no patient's data yet. */
    public PatientScope() {
        this(false);
    }

    private PatientScope(boolean acrossPatients) {
        this.acrossPatients = acrossPatients;
    }

    /**
     * A scope that lets the transaction write several patients' data, for
     * {@link Storage#inTransactionAcrossPatients} only.
     *
     * @return a scope whose {@link #touch} never refuses
     */
    public static PatientScope acrossPatients() {
        return new PatientScope(true);
    }

    /**
     * Records that the transaction writes the patient's data.
     *
     * @param writing the patient whose data is written; null or {@link PatientId#NONE} for data of no
     *                patient (directory data, such as published slots), which any transaction may write
     * @throws StorageException with rule {@code ONE_PATIENT} if it already wrote another patient's
     */
    public void touch(PatientId writing) {
        if (acrossPatients || writing == null || PatientId.NONE.equals(writing)) {
            return;
        }
        if (patient == null) {
            patient = writing;
        } else if (!patient.equals(writing)) {
            throw new StorageException("ONE_PATIENT", "a transaction may write one patient's data only");
        }
    }
}
