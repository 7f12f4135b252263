package io.github.personalcare.budget;

/** Which way an entry moves the balance; fixed for every kind except {@link EntryKind#ADJUSTMENT}. */
public enum Direction {
    /** Adds to the balance. */
    INCREASE,
    /** Takes from the balance. */
    DECREASE
}
