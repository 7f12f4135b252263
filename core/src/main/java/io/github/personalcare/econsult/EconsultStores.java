package io.github.personalcare.econsult;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.time.Instant;
import java.util.List;

/**
 * How e-consultations are stored: the aggregate type every storage adapter keeps them under, with
 * the indexes the practice's queues query.
 *
 * <ul>
 *   <li>{@code practice}: the ODS code of the practice it was sent to.</li>
 *   <li>{@code status}: the {@link EconsultStatus} name.</li>
 *   <li>{@code due_at}: the due time in epoch milliseconds while it waits in the routine queue,
 *       null otherwise, so the overdue list is one indexed range query per practice.</li>
 * </ul>
 */
public final class EconsultStores {
    /** E-consultations. */
    public static final AggregateType<EconsultationId, Econsultation> ECONSULTATIONS = new AggregateType<>(
            "econsultation", Econsultation.class, Econsultation::id, Econsultation::patient,
            List.of(Index.text("practice", e -> e.practice().value()),
                    Index.text("status", Econsultation::status),
                    Index.number("due_at", e -> e.dueBy().map(Instant::toEpochMilli).orElse(null))));

    private EconsultStores() {
    }
}
