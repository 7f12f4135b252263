package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A pause of an RTT clock, from one UK local date (Europe/London) until another, or still open.
 * Days from {@code from} (inclusive) to {@code until} (exclusive) do not count as waiting (R36).
 */
public record RttPause(LocalDate from, Optional<LocalDate> until) {
    /**
     * Checks the pause (R36); an absent end becomes empty.
     *
     * @param from  the UK date the pause starts (inclusive)
     * @param until the UK date it ends (exclusive), or empty while open
     * @throws RuleViolationException if the pause ends before it starts (R36)
     * @throws InvalidInputException if {@code from} is missing
     */
    public RttPause {
        Require.present("pause.from", from);
        until = until == null ? Optional.empty() : until;
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new RuleViolationException("R36", "a clock pause cannot end before it starts");
        }
    }

    /** {@return whether the pause is still open: it has no end} */
    public boolean isOpen() {
        return until.isEmpty();
    }
}
