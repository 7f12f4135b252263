package io.github.personalcare.consent;

import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Bounds the data a provision is about by clinical date ({@code provision.dataPeriod}), both
 * bounds inclusive. Access requests do not yet say the clinical date of the data, so the engine
 * cannot prove such a provision matches: it treats a deny as matching and a permit as not (fail
 * closed).
 */
public record DataPeriod(Optional<LocalDate> start, Optional<LocalDate> end) {
    /**
     * Checks the bounds; an absent bound becomes empty.
     *
     * @param start the first clinical date covered, or empty
     * @param end   the last clinical date covered, or empty
     * @throws InvalidInputException if the period ends before it starts (rule PERIOD)
     */
    public DataPeriod {
        start = start == null ? Optional.empty() : start;
        end = end == null ? Optional.empty() : end;
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw new InvalidInputException("provision.dataPeriod", "PERIOD", "must not end before it starts");
        }
    }

    /**
     * From {@code start} to {@code end}, inclusive.
     *
     * @param start the first date (inclusive)
     * @param end   the last date (inclusive)
     * @return the period
     * @throws InvalidInputException if {@code end} is before {@code start}
     * @throws NullPointerException if either is null
     */
    public static DataPeriod between(LocalDate start, LocalDate end) {
        return new DataPeriod(Optional.of(start), Optional.of(end));
    }

    /**
     * {@return whether some date lies in both periods}
     *
     * @param other the other period
     */
    public boolean overlaps(DataPeriod other) {
        boolean a = start.isEmpty() || other.end.isEmpty() || !start.get().isAfter(other.end.get());
        boolean b = other.start.isEmpty() || end.isEmpty() || !other.start.get().isAfter(end.get());
        return a && b;
    }
}
