package io.github.personalcare.patient;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/** How patients are stored: the aggregate type every storage adapter keeps them under. */
public final class PatientStores {
    /** Patients, queryable by NHS number. */
    public static final AggregateType<PatientId, Patient> PATIENTS = new AggregateType<>(
            "patient", Patient.class, Patient::id, Patient::id,
            List.of(Index.text("nhs_number", p -> p.nhsNumber().value())));

    private PatientStores() {
    }
}
