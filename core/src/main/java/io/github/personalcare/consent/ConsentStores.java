package io.github.personalcare.consent;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/** How consents are stored: the aggregate type every storage adapter keeps them under. */
public final class ConsentStores {
    /** Consent records, per patient, queryable by status and scope. */
    public static final AggregateType<ConsentId, ConsentRecord> CONSENTS = new AggregateType<>(
            "consent", ConsentRecord.class, ConsentRecord::id, ConsentRecord::patient,
            List.of(Index.text("status", ConsentRecord::status),
                    Index.text("scope", ConsentRecord::scope)));

    private ConsentStores() {
    }
}
