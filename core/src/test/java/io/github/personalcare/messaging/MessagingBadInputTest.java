package io.github.personalcare.messaging;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bad input for every messaging command: a typed error naming the field, and nothing stored. */
class MessagingBadInputTest {
    private final MessagingWorld world = new MessagingWorld();
    private final MessagingService messaging = world.messaging();
    private final Versioned<Conversation> conversation = world.opened();
    private final ConversationId id = conversation.value().id();
    private final Versioned<Message> first = messaging.post(world.w.self, id, "Hello", List.of());

    private void refused(String field, Executable call) {
        List<Message> messages = world.stored(id);
        List<Versioned<Conversation>> conversations = world.storedConversations();
        int events = world.outbox().size();

        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(call::execute)
                .satisfies(e -> assertThat(e.field()).isEqualTo(field));

        assertThat(world.stored(id)).isEqualTo(messages);
        assertThat(world.storedConversations()).isEqualTo(conversations);
        assertThat(world.outbox()).hasSize(events);
    }

    @Test
    void openRefusesAMissingPatientAndABadSubject() {
        refused("patient", () -> messaging.open(world.w.self, null, "Subject"));
        refused("subject", () -> messaging.open(world.w.self, world.w.patient, null));
        refused("subject", () -> messaging.open(world.w.self, world.w.patient, "  "));
        refused("subject", () -> messaging.open(world.w.self, world.w.patient, "x".repeat(201)));
        refused("subject", () -> messaging.open(world.w.self, world.w.patient, "Bell\u0007"));
    }

    @Test
    void postRefusesBadTextAndAttachments() {
        refused("conversation", () -> messaging.post(world.w.self, null, "Hello", List.of()));
        refused("text", () -> messaging.post(world.w.self, id, null, List.of()));
        refused("text", () -> messaging.post(world.w.self, id, " \n\t", List.of()));
        refused("text", () -> messaging.post(world.w.self, id, "x".repeat(Message.MAX_TEXT_LENGTH + 1), List.of()));
        refused("text", () -> messaging.post(world.w.self, id, "escape \u001b[2J", List.of()));
        refused("text", () -> messaging.post(world.w.self, id, "carriage\rreturn", List.of()));
        refused("text", () -> messaging.post(world.w.self, id, "broken \ud800 surrogate", List.of()));
        MessageAttachment a = new MessageAttachment("Letter", "DocumentReference/1");
        refused("attachments", () -> messaging.post(world.w.self, id, "Hello",
                Collections.nCopies(Message.MAX_ATTACHMENTS + 1, a)));
        List<MessageAttachment> withNull = new ArrayList<>();
        withNull.add(null);
        refused("attachments", () -> messaging.post(world.w.self, id, "Hello", withNull));
    }

    @Test
    void theLongestTextAndNewlinesAndTabsAreAccepted() {
        String longest = "x".repeat(Message.MAX_TEXT_LENGTH - 2) + "\n\t";
        assertThat(messaging.post(world.w.self, id, longest, List.of()).value().text()).isEqualTo(longest);
    }

    @Test
    void anAttachmentNeedsATitleAndAUriOrRecordReference() {
        refused("attachment.title", () -> new MessageAttachment(" ", "DocumentReference/1"));
        refused("attachment.reference", () -> new MessageAttachment("Letter", null));
        refused("attachment.reference", () -> new MessageAttachment("Letter", "not a reference"));
        refused("attachment.reference", () -> new MessageAttachment("Letter", "documents/1"));
        refused("attachment.reference", () -> new MessageAttachment("Letter", "https://x/" + "a".repeat(2_000)));
        assertThat(new MessageAttachment("Letter", "https://records.example.nhs.uk/docs/1").reference())
                .startsWith("https://");
    }

    @Test
    void correctRefusesAMissingOrUnknownMessage() {
        refused("corrects", () -> messaging.correct(world.w.self, id, null, "Fixed", List.of()));
        refused("corrects", () -> messaging.correct(world.w.self, id, MessageId.random(), "Fixed", List.of()));
        refused("text", () -> messaging.correct(world.w.self, id, first.value().id(), "", List.of()));
    }

    @Test
    void markReadRefusesAPositionOutsideTheConversation() {
        refused("conversation", () -> messaging.markRead(world.w.self, null, 1));
        refused("upTo", () -> messaging.markRead(world.w.self, id, 0));
        refused("upTo", () -> messaging.markRead(world.w.self, id, -1));
        refused("upTo", () -> messaging.markRead(world.w.self, id, 2));
        refused("upTo", () -> messaging.markRead(world.w.self, id, Long.MAX_VALUE));
    }

    @Test
    void closeReopenAndReadsRefuseAMissingId() {
        refused("conversation", () -> messaging.close(world.w.self, null, 1));
        refused("conversation", () -> messaging.reopen(world.w.self, null, 1));
        refused("conversation", () -> messaging.get(world.w.self, null));
        refused("patient", () -> messaging.forPatient(world.w.self, null));
    }
}
