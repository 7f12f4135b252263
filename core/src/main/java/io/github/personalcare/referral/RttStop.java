package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;

/** When (a UK local date, Europe/London) and why an RTT clock stopped (R36). */
public record RttStop(LocalDate on, StopReason reason) {
    public RttStop {
        Require.present("stop.on", on);
        Require.present("stop.reason", reason);
    }
}
