package io.github.personalcare.patient;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.spi.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/** How patients are stored: the aggregate type every storage adapter keeps them under. */
public final class PatientStores {
    /**
     * Patients, queryable by NHS number; the report cohorts by {@code complex_needs} and
     * {@code long_term_condition} (BOOLEAN, the flags) and {@code died_on} (DATE, null while alive).
     */
    public static final AggregateType<PatientId, Patient> PATIENTS = new AggregateType<>(
            "patient", Patient.class, Patient::id, Patient::id,
            List.of(Index.text("nhs_number", p -> p.nhsNumber().value()),
                    Index.bool("complex_needs", p -> p.has(PatientFlag.COMPLEX_NEEDS)),
                    Index.bool("long_term_condition", p -> p.has(PatientFlag.LONG_TERM_CONDITION)),
                    Index.date("died_on", p -> p.dateOfDeath().orElse(null))));

    private PatientStores() {
    }

    /**
     * The rows of a population query that may go to a caller with this purpose (R42): for research
     * and planning, rows about patients who registered a national data opt-out are left out, since
     * the rows identify them; for individual care and administration every row stays. A row whose
     * patient is not stored is left out for secondary uses too (fail closed).
     *
     * @param <T>       the type of a row
     * @param tx        the transaction the query runs in, used to read the patients' flags
     * @param purpose   the caller's purpose of use
     * @param rows      the query's rows
     * @param patientOf the patient each row identifies
     * @return the rows that may be released, in their order
     */
    public static <T> List<T> releasable(Transaction tx, Purpose purpose, List<T> rows, Function<T, PatientId> patientOf) {
        if (!purpose.isSecondaryUse()) {
            return rows;
        }
        var patients = tx.aggregates(PATIENTS);
        Map<PatientId, Boolean> optedOut = new HashMap<>();
        List<T> kept = new ArrayList<>(rows.size());
        for (T row : rows) {
            boolean out = optedOut.computeIfAbsent(patientOf.apply(row), id -> patients.find(id)
                    .map(v -> v.value().has(PatientFlag.NATIONAL_DATA_OPT_OUT)).orElse(true));
            if (!out) {
                kept.add(row);
            }
        }
        return List.copyOf(kept);
    }
}
