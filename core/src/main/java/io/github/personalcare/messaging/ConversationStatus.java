package io.github.personalcare.messaging;

/** Whether a conversation takes new messages. */
public enum ConversationStatus {
    /** Messages may be posted. */
    OPEN,
    /** No message may be posted until it is reopened; what was said stays readable. */
    CLOSED
}
