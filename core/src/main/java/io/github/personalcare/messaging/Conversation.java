package io.github.personalcare.messaging;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation between a patient (or a proxy) and their care team about one subject. The
 * aggregate holds what changes rarely and what every post must lock: the status, how many messages
 * there are and each participant's read receipt. The messages themselves are append-only entries
 * owned by the conversation ({@link MessagingStores#MESSAGES}), so a post appends one row and
 * bumps this small record's version instead of rewriting a growing document.
 *
 * @param id            the conversation's id
 * @param patient       whose conversation it is
 * @param subject       what it is about; free text, never logged or put in events
 * @param openedBy      who opened it
 * @param openedAt      when
 * @param status        whether it takes new messages
 * @param messageCount  how many messages it holds; the next message's sequence is one more
 * @param lastMessageAt when the latest message was posted, if any
 * @param receipts      one read receipt per participant who has read, in the order they first read
 * @param closedAt      when it was last closed, while it is closed
 */
public record Conversation(ConversationId id, PatientId patient, String subject, Participant openedBy,
        Instant openedAt, ConversationStatus status, long messageCount, Optional<Instant> lastMessageAt,
        List<ReadReceipt> receipts, Optional<Instant> closedAt) {
    /** Most participants with a read receipt on one conversation. */
    public static final int MAX_PARTICIPANTS = 500;

    /**
     * Checks the conversation; absent optionals become empty and absent receipts none.
     *
     * @param id            the conversation's id
     * @param patient       whose conversation it is
     * @param subject       what it is about, at most 200 characters
     * @param openedBy      who opened it
     * @param openedAt      when
     * @param status        whether it takes new messages
     * @param messageCount  how many messages it holds
     * @param lastMessageAt when the latest message was posted, if any
     * @param receipts      one read receipt per participant
     * @param closedAt      when it was closed, while it is closed
     * @throws InvalidInputException naming the field if a component is missing or malformed, the count is negative,
     *                               a receipt is past the last message or two receipts name one participant
     */
    public Conversation {
        Require.present("id", id);
        Require.present("patient", patient);
        subject = Require.text("subject", subject, Require.SHORT_TEXT);
        Require.present("openedBy", openedBy);
        Require.present("openedAt", openedAt);
        Require.present("status", status);
        if (messageCount < 0) {
            throw new InvalidInputException("messageCount", "RANGE", "must not be negative");
        }
        lastMessageAt = lastMessageAt == null ? Optional.empty() : lastMessageAt;
        receipts = Require.list("receipts", receipts, MAX_PARTICIPANTS);
        if (receipts.stream().map(ReadReceipt::participant).distinct().count() != receipts.size()) {
            throw new InvalidInputException("receipts", "UNIQUE", "must hold one receipt per participant");
        }
        for (ReadReceipt r : receipts) {
            if (r.upTo() > messageCount) {
                throw new InvalidInputException("receipts", "RANGE", "must not be past the last message");
            }
        }
        closedAt = closedAt == null ? Optional.empty() : closedAt;
    }

    /**
     * A new, open conversation without messages.
     *
     * @param id       the conversation's id
     * @param patient  whose conversation it is
     * @param subject  what it is about
     * @param openedBy who opens it
     * @param at       when
     * @return the conversation
     * @throws InvalidInputException if a component is missing or the subject is blank, too long or holds control
     *                               characters
     */
    public static Conversation open(ConversationId id, PatientId patient, String subject, Participant openedBy,
            Instant at) {
        return new Conversation(id, patient, subject, openedBy, at, ConversationStatus.OPEN, 0, Optional.empty(),
                List.of(), Optional.empty());
    }

    /** {@return whether it takes new messages} */
    public boolean isOpen() {
        return status == ConversationStatus.OPEN;
    }

    /** {@return the sequence the next message gets} */
    public long nextSequence() {
        return messageCount + 1;
    }

    /**
     * The conversation with one more message, posted at {@code at}.
     *
     * @param at when the message was posted
     * @return the changed conversation
     * @throws IllegalTransitionException with rule {@code CONVERSATION_CLOSED} if it is closed
     */
    public Conversation withMessage(Instant at) {
        requireOpen("post");
        return new Conversation(id, patient, subject, openedBy, openedAt, status, messageCount + 1,
                Optional.of(Require.present("at", at)), receipts, closedAt);
    }

    /**
     * The conversation with the participant's receipt moved to {@code upTo}. Receipts only move
     * forward: reading up to an earlier message than already read changes nothing.
     *
     * @param who  who read
     * @param upTo the sequence of the last message read
     * @param at   when
     * @return the changed conversation, or this one if the participant had already read that far
     * @throws InvalidInputException naming {@code upTo} if it is below 1 or past the last message
     * @throws RuleViolationException with {@code MESSAGE_PARTICIPANTS} if a new participant would exceed
     *                                {@value #MAX_PARTICIPANTS}
     */
    public Conversation read(Participant who, long upTo, Instant at) {
        Require.present("participant", who);
        if (upTo < 1 || upTo > messageCount) {
            throw new InvalidInputException("upTo", "RANGE", "must be a message of the conversation, from 1 to "
                    + messageCount);
        }
        if (readUpTo(who) >= upTo) {
            return this;
        }
        List<ReadReceipt> next = new ArrayList<>(receipts.size() + 1);
        boolean replaced = false;
        for (ReadReceipt r : receipts) {
            if (r.participant().equals(who)) {
                next.add(new ReadReceipt(who, upTo, at));
                replaced = true;
            } else {
                next.add(r);
            }
        }
        if (!replaced) {
            if (receipts.size() >= MAX_PARTICIPANTS) {
                throw new RuleViolationException("MESSAGE_PARTICIPANTS", "the conversation has too many participants");
            }
            next.add(new ReadReceipt(who, upTo, at));
        }
        return new Conversation(id, patient, subject, openedBy, openedAt, status, messageCount, lastMessageAt, next,
                closedAt);
    }

    /**
     * The conversation closed: no new message until it is reopened.
     *
     * @param at when
     * @return the closed conversation
     * @throws IllegalTransitionException with rule {@code CONVERSATION_CLOSED} if it is already closed
     */
    public Conversation close(Instant at) {
        requireOpen("close");
        return new Conversation(id, patient, subject, openedBy, openedAt, ConversationStatus.CLOSED, messageCount,
                lastMessageAt, receipts, Optional.of(Require.present("at", at)));
    }

    /**
     * The conversation open again.
     *
     * @return the reopened conversation
     * @throws IllegalTransitionException with rule {@code CONVERSATION_OPEN} if it is open
     */
    public Conversation reopen() {
        if (isOpen()) {
            throw new IllegalTransitionException("CONVERSATION_OPEN", status.name(), "reopen");
        }
        return new Conversation(id, patient, subject, openedBy, openedAt, ConversationStatus.OPEN, messageCount,
                lastMessageAt, receipts, Optional.empty());
    }

    /**
     * How far the participant has read.
     *
     * @param who the participant
     * @return the sequence of the last message they read, or 0 if they have read none
     */
    public long readUpTo(Participant who) {
        for (ReadReceipt r : receipts) {
            if (r.participant().equals(who)) {
                return r.upTo();
            }
        }
        return 0;
    }

    /**
     * How many of the conversation's messages the participant has not read: those posted by
     * others after their read receipt. Their own messages are never unread to them.
     *
     * @param who      the participant
     * @param messages the conversation's messages
     * @return the unread count
     */
    public long unread(Participant who, List<Message> messages) {
        long upTo = readUpTo(who);
        return messages.stream().filter(m -> m.sequence() > upTo && !m.sender().equals(who)).count();
    }

    /**
     * The unread count of everyone who has posted to or read the conversation, and of the
     * participant asking.
     *
     * @param asking   the participant asking, always included
     * @param messages the conversation's messages
     * @return unread counts by participant, the asking participant first
     */
    public Map<Participant, Long> unreadCounts(Participant asking, List<Message> messages) {
        Map<Participant, Long> counts = new LinkedHashMap<>();
        counts.put(asking, unread(asking, messages));
        receipts.forEach(r -> counts.computeIfAbsent(r.participant(), p -> unread(p, messages)));
        messages.forEach(m -> counts.computeIfAbsent(m.sender(), p -> unread(p, messages)));
        return counts;
    }

    private void requireOpen(String command) {
        if (!isOpen()) {
            throw new IllegalTransitionException("CONVERSATION_CLOSED", status.name(), command);
        }
    }

    @Override
    public String toString() {
        return "Conversation[" + id + ", " + status + ", " + messageCount + " messages]";
    }
}
