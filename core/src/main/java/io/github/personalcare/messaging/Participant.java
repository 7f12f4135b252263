package io.github.personalcare.messaging;

import io.github.personalcare.access.Actor;
import io.github.personalcare.internal.check.Require;

/**
 * Who takes part in a conversation, by the actor's non-personal reference
 * ({@link Actor#reference()}): {@code patient:<id>}, {@code professional:<user>@<ods>/<ROLE>} or
 * {@code carer:<user>}. Read receipts and unread counts are kept per participant.
 *
 * @param reference the actor's reference; not personal, may be logged
 */
public record Participant(String reference) {
    /**
     * Checks the reference.
     *
     * @param reference the actor's reference
     * @throws io.github.personalcare.lang.InvalidInputException if it is missing, blank, longer than 200 characters
     *                                                           or holds control characters
     */
    public Participant {
        Require.text("participant", reference, Require.SHORT_TEXT);
    }

    /**
     * The participant an actor is.
     *
     * @param actor the actor
     * @return the participant named by the actor's reference
     * @throws io.github.personalcare.lang.InvalidInputException if the actor is missing
     */
    public static Participant of(Actor actor) {
        return new Participant(Require.present("actor", actor).reference());
    }
}
