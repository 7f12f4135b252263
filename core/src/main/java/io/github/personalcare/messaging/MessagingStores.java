package io.github.personalcare.messaging;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Index;

import java.util.List;

/**
 * How conversations and their messages are stored. The conversation is the aggregate and the
 * lock; its messages are append-only entries owned by it, so posting appends one entry and
 * updates one small record, whatever the length of the conversation (docs/messaging.md).
 *
 * <ul>
 *   <li>{@code status}: the {@link ConversationStatus} name.</li>
 *   <li>{@code open}: whether the conversation takes new messages.</li>
 *   <li>{@code last_message_on}: the UTC date of the latest message (null before the first), for
 *       listing conversations by recent activity.</li>
 * </ul>
 */
public final class MessagingStores {
    /** Conversations, queryable by patient, status and whether open. */
    public static final AggregateType<ConversationId, Conversation> CONVERSATIONS = new AggregateType<>(
            "conversation", Conversation.class, Conversation::id, Conversation::patient,
            List.of(Index.text("status", Conversation::status),
                    Index.bool("open", Conversation::isOpen),
                    Index.date("last_message_on", c -> c.lastMessageAt()
                            .map(t -> t.atZone(java.time.ZoneOffset.UTC).toLocalDate()).orElse(null))));

    /** Messages, owned by their conversation, keyed by their sequence (unique per conversation). */
    public static final EntryType<Message> MESSAGES = new EntryType<>(
            "conversation_message", Message.class, Message::conversation, Message::patient, Message::key);

    private MessagingStores() {
    }
}
