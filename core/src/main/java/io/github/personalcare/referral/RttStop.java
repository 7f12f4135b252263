package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * When (a UK local date, Europe/London) and why an RTT clock stopped (R36).
 *
 * @param on     the UK date it stopped
 * @param reason why it stopped
 */
public record RttStop(LocalDate on, StopReason reason) {
    /**
     * Checks both components are present.
     *
     * @param on     the UK date it stopped
     * @param reason why it stopped
     * @throws InvalidInputException if either is missing
     */
    public RttStop {
        Require.present("stop.on", on);
        Require.present("stop.reason", reason);
    }
}
