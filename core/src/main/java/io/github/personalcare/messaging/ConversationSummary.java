package io.github.personalcare.messaging;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.Versioned;

/**
 * One line of a patient's list of conversations, for one viewer.
 *
 * @param conversation the conversation and its version
 * @param unread       how many of its messages the viewer has not read
 */
public record ConversationSummary(Versioned<Conversation> conversation, long unread) {
    /**
     * Checks the line.
     *
     * @param conversation the conversation and its version
     * @param unread       the viewer's unread count
     * @throws io.github.personalcare.lang.InvalidInputException if the conversation is missing
     */
    public ConversationSummary {
        Require.present("conversation", conversation);
    }
}
