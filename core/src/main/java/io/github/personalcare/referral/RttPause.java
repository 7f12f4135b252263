package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A pause of an RTT clock, from one UK local date (Europe/London) until another, or still open.
 * Days from {@code from} (inclusive) to {@code until} (exclusive) do not count as waiting (R36).
 */
public record RttPause(LocalDate from, Optional<LocalDate> until) {
    /** @throws RuleViolationException if the pause ends before it starts (R36) */
    public RttPause {
        Require.present("pause.from", from);
        until = until == null ? Optional.empty() : until;
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new RuleViolationException("R36", "a clock pause cannot end before it starts");
        }
    }

    /** True while the pause has no end. */
    public boolean isOpen() {
        return until.isEmpty();
    }
}
