package io.github.personalcare.messaging;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One message in a conversation: an append-only entry, never edited or removed. A correction is a
 * new message whose {@code corrects} names the message it corrects.
 *
 * @param id           the message's id
 * @param conversation the conversation it belongs to
 * @param patient      the patient whose conversation it is
 * @param sequence     its position in the conversation, from 1, without gaps
 * @param sender       who posted it
 * @param sentAt       when, by the SDK's clock
 * @param text         what was said, at most {@value #MAX_TEXT_LENGTH} characters, no control
 *                     characters but line feed and tab; personal data, never logged or put in events
 * @param attachments  documents sent with it, by reference, at most {@value #MAX_ATTACHMENTS}
 * @param corrects     the earlier message of the same sender this one corrects, if any
 */
public record Message(MessageId id, ConversationId conversation, PatientId patient, long sequence, Participant sender,
        Instant sentAt, String text, List<MessageAttachment> attachments, Optional<MessageId> corrects) {
    /** Longest message text, in characters. */
    public static final int MAX_TEXT_LENGTH = 4_000;
    /** Most attachments on one message. */
    public static final int MAX_ATTACHMENTS = 10;

    /**
     * Checks the message; absent attachments become none and an absent correction empty.
     *
     * @param id           the message's id
     * @param conversation the conversation it belongs to
     * @param patient      the patient whose conversation it is
     * @param sequence     its position in the conversation, from 1
     * @param sender       who posted it
     * @param sentAt       when
     * @param text         what was said
     * @param attachments  documents sent with it, by reference
     * @param corrects     the message this one corrects, if any
     * @throws InvalidInputException naming the field if a component is missing, the sequence is below 1, the text
     *                               is blank, too long or holds control characters, or there are too many attachments
     */
    public Message {
        Require.present("id", id);
        Require.present("conversation", conversation);
        Require.present("patient", patient);
        if (sequence < 1) {
            throw new InvalidInputException("sequence", "RANGE", "must be at least 1");
        }
        Require.present("sender", sender);
        Require.present("sentAt", sentAt);
        text = checkText(text);
        attachments = Require.list("attachments", attachments, MAX_ATTACHMENTS);
        corrects = corrects == null ? Optional.empty() : corrects;
    }

    /**
     * Checks message text: present, not blank, at most {@value #MAX_TEXT_LENGTH} characters, and no
     * control character other than line feed and tab (a carriage return is refused too: clients
     * send line feeds), no unpaired surrogate.
     *
     * @param text the text
     * @return the text, unchanged
     * @throws InvalidInputException naming {@code text} with rule {@code REQUIRED} or {@code TEXT}
     */
    public static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "REQUIRED", "must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("text", "TEXT", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new InvalidInputException("text", "TEXT", "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new InvalidInputException("text", "TEXT", "must not contain unpaired surrogates");
            }
        }
        return text;
    }

    /** {@return the key unique within the conversation that storage keeps the message under: its sequence} */
    public String key() {
        return Long.toString(sequence);
    }

    /** {@return whether this message corrects an earlier one} */
    public boolean isCorrection() {
        return corrects.isPresent();
    }

    /**
     * This message without the attachments carrying a withheld label (R41, R48).
     *
     * @param withheld the labels kept from the viewer
     * @return the message as the viewer may see it
     */
    public Message withoutAttachmentsLabelled(Set<SensitivityLabel> withheld) {
        if (withheld.isEmpty() || attachments.stream().allMatch(a -> a.visibleDespite(withheld))) {
            return this;
        }
        return new Message(id, conversation, patient, sequence, sender, sentAt, text,
                attachments.stream().filter(a -> a.visibleDespite(withheld)).toList(), corrects);
    }

    @Override
    public String toString() {
        return "Message[" + id + ", conversation " + conversation + ", #" + sequence + ", "
                + attachments.size() + " attachments" + corrects.map(c -> ", corrects " + c).orElse("") + "]";
    }
}
