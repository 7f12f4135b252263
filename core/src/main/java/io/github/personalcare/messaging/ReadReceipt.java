package io.github.personalcare.messaging;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;

/**
 * How far a participant has read a conversation: every message up to and including
 * {@code upTo} (a message's {@link Message#sequence()}), recorded at {@code at}.
 *
 * @param participant who read
 * @param upTo        the sequence of the last message read, from 1
 * @param at          when the receipt was recorded, by the SDK's clock
 */
public record ReadReceipt(Participant participant, long upTo, Instant at) {
    /**
     * Checks the receipt.
     *
     * @param participant who read
     * @param upTo        the sequence of the last message read, from 1
     * @param at          when the receipt was recorded
     * @throws InvalidInputException if a component is missing or {@code upTo} is below 1
     */
    public ReadReceipt {
        Require.present("participant", participant);
        Require.present("at", at);
        if (upTo < 1) {
            throw new InvalidInputException("upTo", "RANGE", "must be at least 1");
        }
    }
}
