package io.github.personalcare.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of {@link AggregateStore#count}: the values of the grouping indexes (normalised as
 * {@link Index#normalise} does; {@code null} for an absent value) and how many aggregates have them.
 *
 * @param key   the grouping indexes' values, in the order asked for
 * @param count how many aggregates matched with these values, at least 1
 */
public record GroupCount(List<Object> key, long count) {
    /**
     * Copies the key (nulls kept) and checks the count.
     *
     * @param key   the grouping indexes' values, in the order asked for
     * @param count how many aggregates matched with these values
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public GroupCount {
        key = Collections.unmodifiableList(new ArrayList<>(key));
        if (count < 1) {
            throw new IllegalArgumentException("a group counts at least one aggregate");
        }
    }

    /**
     * {@return the value of the {@code i}-th grouping index, possibly null}
     *
     * @param i the position of the index in the grouping asked for, from 0
     */
    public Object value(int i) {
        return key.get(i);
    }
}
