package io.github.personalcare.messaging;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Events about conversations and their messages. Ids, sequences and codes only: never the
 * subject, message text, attachment titles or who the participants are by name.
 */
public sealed interface MessagingEvent extends DomainEvent
        permits MessagingEvent.ConversationChanged, MessagingEvent.MessagePosted {

    /** {@return the conversation concerned} */
    ConversationId conversation();

    /** What happened to a conversation itself. */
    enum Change {
        /** It was opened. */
        OPENED,
        /** It was closed: it takes no new message until reopened. */
        CLOSED,
        /** A closed conversation was reopened. */
        REOPENED
    }

    /**
     * A conversation was opened, closed or reopened; {@link #type()} names which
     * ({@code messaging.conversation_opened}, {@code _closed}, {@code _reopened}).
     *
     * @param eventId      the unique id of the event
     * @param occurredAt   when it happened
     * @param patient      the patient
     * @param conversation the conversation
     * @param change       what happened
     */
    record ConversationChanged(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation,
            Change change) implements MessagingEvent {
        /**
         * Checks the event.
         *
         * @param eventId      the unique id of the event
         * @param occurredAt   when it happened
         * @param patient      the patient
         * @param conversation the conversation
         * @param change       what happened
         * @throws NullPointerException if a component is null
         */
        public ConversationChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(change, "change");
        }

        @Override
        public String type() {
            return "messaging.conversation_" + change.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A message was posted to a conversation (a correction too, naming what it corrects).
     *
     * @param eventId      the unique id of the event
     * @param occurredAt   when it was posted
     * @param patient      the patient
     * @param conversation the conversation
     * @param message      the message's id
     * @param sequence     its position in the conversation, from 1
     * @param corrects     the message it corrects, if any
     */
    record MessagePosted(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation,
            MessageId message, long sequence, Optional<MessageId> corrects) implements MessagingEvent {
        /**
         * Checks the event; an absent correction becomes empty.
         *
         * @param eventId      the unique id of the event
         * @param occurredAt   when it was posted
         * @param patient      the patient
         * @param conversation the conversation
         * @param message      the message's id
         * @param sequence     its position in the conversation, from 1
         * @param corrects     the message it corrects, if any
         * @throws NullPointerException if a required component is null
         */
        public MessagePosted {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(message, "message");
            corrects = corrects == null ? Optional.empty() : corrects;
        }

        @Override
        public String type() {
            return "messaging.message_posted";
        }
    }
}
