package io.github.personalcare.appointment;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.referral.ReasonCode;

import java.time.Instant;

/**
 * Why and by whom an appointment was cancelled.
 *
 * @param by     the patient's side or the service's
 * @param reason a code from the supplier's cancellation reasons (e-RS {@code APPOINTMENT-CANCELLATION-REASON})
 * @param at     when (command time)
 */
public record Cancellation(Party by, ReasonCode reason, Instant at) {
    /**
     * Checks every component is present.
     *
     * @param by     the patient's side or the service's
     * @param reason the reason code
     * @param at     when
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing
     */
    public Cancellation {
        Require.present("cancellation.by", by);
        Require.present("reason", reason);
        Require.present("cancellation.at", at);
    }
}
