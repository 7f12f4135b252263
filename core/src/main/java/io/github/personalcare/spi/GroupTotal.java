package io.github.personalcare.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One group of an {@link EntryLog#total} query: the values of the grouping indexes, how many
 * entries the group holds and the sum of the summed index over them.
 *
 * @param key   the grouping indexes' values, in the order they were named (an element may be null)
 * @param count the number of entries in the group, at least 1
 * @param sum   the sum of the summed index over the group's entries (entries holding null add 0)
 */
public record GroupTotal(List<Object> key, long count, long sum) {
    /**
     * Copies the key.
     *
     * @param key   the grouping indexes' values
     * @param count the number of entries in the group
     * @param sum   the sum of the summed index
     * @throws IllegalArgumentException if the count is below 1
     */
    public GroupTotal {
        key = Collections.unmodifiableList(new ArrayList<>(key));
        if (count < 1) {
            throw new IllegalArgumentException("a group totals at least one entry");
        }
    }

    /**
     * The value of the {@code i}-th grouping index.
     *
     * @param i the position of the index in the grouping, from 0
     * @return the value, or null
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Object value(int i) {
        return key.get(i);
    }
}
