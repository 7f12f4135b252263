package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * Direct payments on a budget stopped on a date for a reason: from then on no payment may go
 * into, and no spend be recorded against, a direct-payment line (R25, R26).
 *
 * @param reason why
 * @param on     from when
 */
public record DirectPaymentStop(StopReason reason, LocalDate on) {
    /**
     * Checks both components are present.
     *
     * @param reason why
     * @param on     from when
     * @throws InvalidInputException if either is missing
     */
    public DirectPaymentStop {
        Require.present("stop.reason", reason);
        Require.present("stop.on", on);
    }
}
