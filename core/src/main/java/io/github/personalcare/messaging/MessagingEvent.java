package io.github.personalcare.messaging;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Events about conversations and their messages. Ids, sequences and codes only: never the
 * subject, message text, attachment titles or who the participants are by name.
 */
public sealed interface MessagingEvent extends DomainEvent
        permits MessagingEvent.ConversationOpened, MessagingEvent.MessagePosted, MessagingEvent.ConversationClosed,
        MessagingEvent.ConversationReopened {

    /** {@return the conversation concerned} */
    ConversationId conversation();

    /**
     * A conversation was opened.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when it was opened
     * @param patient    the patient
     * @param conversation the conversation
     */
    record ConversationOpened(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation) implements MessagingEvent {
        /**
         * Checks the event.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when it was opened
         * @param patient    the patient
         * @param conversation the conversation
         * @throws NullPointerException if a required component is null
         */
        public ConversationOpened {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(conversation, "conversation");
        }

        @Override
        public String type() {
            return "messaging.conversation_opened";
        }
    }

    /**
     * A message was posted to a conversation (a correction too, naming what it corrects). Carries ids and the sequence only, never the text, subject or attachment titles.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when it was posted
     * @param patient    the patient
     * @param conversation the conversation
     * @param message the message's id
     * @param sequence its position in the conversation, from 1
     * @param corrects the message it corrects, if any
     */
    record MessagePosted(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation, MessageId message, long sequence, Optional<MessageId> corrects) implements MessagingEvent {
        /**
         * Checks the event.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when it was posted
         * @param patient    the patient
         * @param conversation the conversation
         * @param message the message's id
         * @param sequence its position in the conversation, from 1
         * @param corrects the message it corrects, if any
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

    /**
     * A conversation was closed: it takes no new message until reopened.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when it was closed
     * @param patient    the patient
     * @param conversation the conversation
     */
    record ConversationClosed(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation) implements MessagingEvent {
        /**
         * Checks the event.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when it was closed
         * @param patient    the patient
         * @param conversation the conversation
         * @throws NullPointerException if a required component is null
         */
        public ConversationClosed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(conversation, "conversation");
        }

        @Override
        public String type() {
            return "messaging.conversation_closed";
        }
    }

    /**
     * A closed conversation was reopened.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when it was reopened
     * @param patient    the patient
     * @param conversation the conversation
     */
    record ConversationReopened(UUID eventId, Instant occurredAt, PatientId patient, ConversationId conversation) implements MessagingEvent {
        /**
         * Checks the event.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when it was reopened
         * @param patient    the patient
         * @param conversation the conversation
         * @throws NullPointerException if a required component is null
         */
        public ConversationReopened {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(conversation, "conversation");
        }

        @Override
        public String type() {
            return "messaging.conversation_reopened";
        }
    }
}
