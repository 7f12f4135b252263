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
     * @throws InvalidInputException if the start is missing or the end is before the start (an end
     *                               equal to the start is a membership recorded by mistake: it covers no time)
     */
    public MembershipPeriod {
        Require.present("period.start", start);
        end = end == null ? Optional.empty() : end;
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new InvalidInputException("period.end", "R12", "must not be before the start");
        }
    }

    /** An open-ended period from {@code start}. */
    public static MembershipPeriod from(Instant start) {
        return new MembershipPeriod(start, Optional.empty());
    }

    /** True if the period is in force at {@code at}. */
    public boolean covers(Instant at) {
        return !at.isBefore(start) && end.map(at::isBefore).orElse(true);
    }

    /** This period ended at {@code at}. */
    MembershipPeriod endedAt(Instant at) {
        return new MembershipPeriod(start, Optional.of(at));
    }
}
