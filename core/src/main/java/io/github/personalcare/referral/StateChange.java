package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a referral's history: which command moved it from which state to which, when
 * (the command time from the injected clock), with the reason code and comment when the command
 * carried them. The comment is free text: stored, never logged or put in events.
 */
public record StateChange(
        ReferralCommand.Type command,
        ReferralState from,
        ReferralState to,
        Instant at,
        Optional<ReasonCode> reason,
        Optional<String> comment) {
    /**
     * Checks the entry: command, states and time are required; the comment is at most
     * {@link Require#LONG_TEXT} characters. Absent optionals become empty.
     *
     * @param command the command applied
     * @param from    the state before
     * @param to      the state after
     * @param at      the command time
     * @param reason  the reason code the command carried, if any
     * @param comment the comment the command carried, if any; free text, never logged
     * @throws InvalidInputException if a required component is missing or the comment is blank or
     *                               too long
     */
    public StateChange {
        Require.present("command", command);
        Require.present("from", from);
        Require.present("to", to);
        Require.present("at", at);
        reason = reason == null ? Optional.empty() : reason;
        comment = Require.optionalText("comment", comment == null ? Optional.empty() : comment, Require.LONG_TEXT);
    }

    @Override
    public String toString() {
        return "StateChange[" + command + " " + from + "->" + to + " at " + at + "]";
    }
}
