package io.github.personalcare.access;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every unmodifiable set of obligations and of sensitivity labels, made once: a decision's sets are
 * taken from here rather than copied, so a permit costs no set allocation (a decision is made on
 * every access). The sets iterate in declaration order and are safe to share: built in the class
 * initialiser, never changed.
 */
final class EnumSetCache {
    private static final Set<Obligation>[] OBLIGATIONS = all(Obligation.class);
    private static final Set<SensitivityLabel>[] LABELS = all(SensitivityLabel.class);

    private EnumSetCache() {
    }

    /** {@return the shared unmodifiable set holding exactly {@code obligations}} */
    static Set<Obligation> obligations(Collection<Obligation> obligations) {
        return OBLIGATIONS[mask(obligations, OBLIGATION_VALUES)];
    }

    /** {@return the shared unmodifiable set holding exactly {@code labels}} */
    static Set<SensitivityLabel> labels(Collection<SensitivityLabel> labels) {
        return LABELS[mask(labels, LABEL_VALUES)];
    }

    private static final Obligation[] OBLIGATION_VALUES = Obligation.values();
    private static final SensitivityLabel[] LABEL_VALUES = SensitivityLabel.values();

    // contains() per constant rather than an iterator: nothing allocated, and the sets are small
    private static <E extends Enum<E>> int mask(Collection<E> values, E[] constants) {
        if (values.isEmpty()) {
            return 0;
        }
        int mask = 0;
        for (E constant : constants) {
            if (values.contains(constant)) {
                mask |= 1 << constant.ordinal();
            }
        }
        return mask;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E>> Set<E>[] all(Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (constants.length > 16) {
            throw new IllegalStateException(type.getSimpleName() + " has too many constants to cache every set");
        }
        Set<E>[] sets = (Set<E>[]) new Set<?>[1 << constants.length];
        for (int mask = 0; mask < sets.length; mask++) {
            EnumSet<E> set = EnumSet.noneOf(type);
            for (E constant : constants) {
                if ((mask & (1 << constant.ordinal())) != 0) {
                    set.add(constant);
                }
            }
            sets[mask] = Collections.unmodifiableSet(set);
        }
        return sets;
    }
}
