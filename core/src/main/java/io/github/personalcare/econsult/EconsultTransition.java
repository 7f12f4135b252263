package io.github.personalcare.econsult;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;

/**
 * One entry of an e-consultation's history: which command moved it from which status to which, when.
 *
 * @param command the command applied
 * @param from    the status before
 * @param to      the status after
 * @param at      the command time
 */
public record EconsultTransition(EconsultCommand.Type command, EconsultStatus from, EconsultStatus to, Instant at) {
    /**
     * Checks every component is present.
     *
     * @param command the command applied
     * @param from    the status before
     * @param to      the status after
     * @param at      the command time
     * @throws InvalidInputException if a component is missing
     */
    public EconsultTransition {
        Require.present("command", command);
        Require.present("from", from);
        Require.present("to", to);
        Require.present("at", at);
    }
}
