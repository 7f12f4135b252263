package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;

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
