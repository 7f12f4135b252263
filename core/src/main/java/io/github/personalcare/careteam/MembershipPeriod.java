package io.github.personalcare.careteam;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.Instant;
import java.util.Optional;

/**
 * When a membership of a care team is in force: from {@code start} (inclusive) to {@code end}
 * (exclusive), open-ended while {@code end} is empty. Every member has one (R12).
 */
public record MembershipPeriod(Instant start, Optional<Instant> end) {
    /**
     * Checks the period (R12); an absent end becomes empty.
     *
     * @param start when the membership starts (inclusive)
     * @param end   when it ends (exclusive), or empty while it is open-ended
     * @throws InvalidInputException if the start is missing or the end is before the start (an end
     *                               equal to the start is a membership recorded by mistake: it
     *                               covers no time)
     */
    public MembershipPeriod {
        Require.present("period.start", start);
        end = end == null ? Optional.empty() : end;
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new InvalidInputException("period.end", "R12", "must not be before the start");
        }
    }

    /**
     * An open-ended period from {@code start}.
     *
     * @param start when the membership starts
     * @return the period
     * @throws InvalidInputException if {@code start} is missing
     */
    public static MembershipPeriod from(Instant start) {
        return new MembershipPeriod(start, Optional.empty());
    }

    /**
     * {@return whether the period is in force at {@code at}}
     *
     * @param at the time asked about
     */
    public boolean covers(Instant at) {
        return !at.isBefore(start) && end.map(at::isBefore).orElse(true);
    }

    /** This period ended at {@code at}. */
    MembershipPeriod endedAt(Instant at) {
        return new MembershipPeriod(start, Optional.of(at));
    }
}
