package io.github.personalcare.messaging;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.Versioned;

import java.util.List;
import java.util.Map;

/**
 * A conversation as one viewer may see it: the conversation with its version, its messages
 * oldest first without the attachments withheld from the viewer, and unread counts.
 *
 * @param conversation the conversation and the version to send with the next change
 * @param messages     its messages, oldest first, without withheld attachments
 * @param unread       how many messages the viewer has not read (posted by others after their receipt)
 * @param unreadByParticipant the unread count of the viewer and of everyone who has posted or read
 */
public record ConversationThread(Versioned<Conversation> conversation, List<Message> messages, long unread,
        Map<Participant, Long> unreadByParticipant) {
    /**
     * Checks and copies the view.
     *
     * @param conversation the conversation and its version
     * @param messages     its messages, oldest first
     * @param unread       the viewer's unread count
     * @param unreadByParticipant unread counts by participant
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing
     */
    public ConversationThread {
        Require.present("conversation", conversation);
        messages = List.copyOf(Require.present("messages", messages));
        unreadByParticipant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Require.present("unreadByParticipant", unreadByParticipant)));
    }
}
