package io.github.personalcare.consent;

import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/**
 * When a provision is in force ({@code provision.period}): from {@code start} (inclusive) until
 * {@code end} (exclusive); an absent bound is open. A provision applies only within its period (R43).
 */
public record ConsentPeriod(Optional<Instant> start, Optional<Instant> end) {
    /**
     * Checks the bounds; an absent bound becomes empty.
     *
     * @param start when the provision starts to apply (inclusive), or empty
     * @param end   when it stops applying (exclusive), or empty
     * @throws InvalidInputException if the period ends before, or when, it starts (rule PERIOD)
     */
    public ConsentPeriod {
        start = start == null ? Optional.empty() : start;
        end = end == null ? Optional.empty() : end;
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw new InvalidInputException("provision.period", "PERIOD", "must end after it starts");
        }
    }

    /**
     * From {@code start} until {@code end}.
     *
     * @param start the start (inclusive)
     * @param end   the end (exclusive)
     * @return the period
     * @throws InvalidInputException if {@code end} is not after {@code start}
     * @throws NullPointerException if either is null
     */
    public static ConsentPeriod between(Instant start, Instant end) {
        return new ConsentPeriod(Optional.of(start), Optional.of(end));
    }

    /**
     * From {@code start}, open-ended.
     *
     * @param start the start (inclusive)
     * @return the period
     * @throws NullPointerException if {@code start} is null
     */
    public static ConsentPeriod from(Instant start) {
        return new ConsentPeriod(Optional.of(start), Optional.empty());
    }

    /**
     * Until {@code end}.
     *
     * @param end the end (exclusive)
     * @return the period
     * @throws NullPointerException if {@code end} is null
     */
    public static ConsentPeriod until(Instant end) {
        return new ConsentPeriod(Optional.empty(), Optional.of(end));
    }

    /**
     * {@return whether {@code at} falls within the period}
     *
     * @param at the time asked about
     */
    public boolean contains(Instant at) {
        return (start.isEmpty() || !at.isBefore(start.get())) && (end.isEmpty() || at.isBefore(end.get()));
    }

    /**
     * {@return whether some instant lies in both periods}
     *
     * @param other the other period
     */
    public boolean overlaps(ConsentPeriod other) {
        boolean startsBeforeOtherEnds = start.isEmpty() || other.end.isEmpty() || start.get().isBefore(other.end.get());
        boolean otherStartsBeforeThisEnds = other.start.isEmpty() || end.isEmpty()
                || other.start.get().isBefore(end.get());
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
