package io.github.personalcare.prescription;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/**
 * How repeat prescriptions are stored: the aggregate types every storage adapter keeps them under,
 * with the indexes the service queries.
 *
 * <ul>
 *   <li>{@link #MEDICINES} ({@code repeat_medicine}): {@code status} (the {@link RepeatStatus}
 *       name), {@code practice} (the prescriber's ODS code), {@code review_on} (the UK review
 *       date) and {@code dmd_code}. The practice's list of reviews due is one indexed query on
 *       practice, status and review date, never a load of every patient.</li>
 *   <li>{@link #REQUESTS} ({@code prescription_request}): {@code status} (the {@link RequestStatus} name).</li>
 * </ul>
 */
public final class PrescriptionStores {
    /** Medicines on repeat (and stopped ones, kept for the record). */
    public static final AggregateType<RepeatMedicineId, RepeatMedicine> MEDICINES = new AggregateType<>(
            "repeat_medicine", RepeatMedicine.class, RepeatMedicine::id, RepeatMedicine::patient,
            List.of(Index.text("status", RepeatMedicine::status),
                    Index.text("practice", m -> m.practice().value()),
                    Index.date("review_on", RepeatMedicine::reviewOn),
                    Index.text("dmd_code", m -> m.medicine().code().value())));

    /** Requests for repeat medicines. */
    public static final AggregateType<PrescriptionRequestId, PrescriptionRequest> REQUESTS = new AggregateType<>(
            "prescription_request", PrescriptionRequest.class, PrescriptionRequest::id, PrescriptionRequest::patient,
            List.of(Index.text("status", PrescriptionRequest::status)));

    private PrescriptionStores() {
    }
}
