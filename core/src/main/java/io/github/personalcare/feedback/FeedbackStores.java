package io.github.personalcare.feedback;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.util.List;

/**
 * How feedback is stored: the aggregate type every storage adapter keeps it under, with the
 * indexes the anonymous aggregates count over (SQL {@code GROUP BY} on JDBC; no row is loaded).
 *
 * <ul>
 *   <li>{@code organisation}: the ODS code it counts for.</li>
 *   <li>{@code given_month}: the UK calendar month it was given in, as {@code yyyy-MM}.</li>
 *   <li>{@code active}: false once withdrawn, so withdrawn feedback leaves every aggregate.</li>
 *   <li>{@code experience}, {@code involved}, {@code carers}, {@code topic}: the answer codes and
 *       the topic, the cells of the aggregates.</li>
 * </ul>
 */
public final class FeedbackStores {
    /** Feedback responses. */
    public static final AggregateType<FeedbackId, Feedback> FEEDBACK = new AggregateType<>(
            "feedback", Feedback.class, Feedback::id, Feedback::patient,
            List.of(Index.text("organisation", f -> f.organisation().value()),
                    Index.text("given_month", f -> f.month().toString()),
                    Index.bool("active", Feedback::isActive),
                    Index.text("experience", f -> f.answers().experience()),
                    Index.text("involved", f -> f.answers().involvedInDecisions()),
                    Index.text("carers", f -> f.answers().carersInvolved()),
                    Index.text("topic", f -> f.answers().subject().topic())));

    private FeedbackStores() {
    }
}
