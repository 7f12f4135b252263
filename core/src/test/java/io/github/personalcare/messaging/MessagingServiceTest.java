package io.github.personalcare.messaging;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessagingServiceTest {
    private final MessagingWorld world = new MessagingWorld();
    private final MessagingService messaging = world.messaging();

    private List<AccessLogEntry> accessLogOf(AccessContext who) {
        String actor = who.actor().reference();
        return world.w.care.audit().accessLog(world.w.self, world.w.patient).stream()
                .filter(e -> e.actor().equals(actor)).toList();
    }

    @Test
    void thePatientMessagesHerLeadProfessionalWhoRepliesAndSheReadsIt() {
        ConversationId id = world.opened().value().id();
        Versioned<Message> question = messaging.post(world.w.self, id, "Can I take the new inhaler twice a day?",
                List.of());
        world.w.clock.advance(Duration.ofHours(2));

        ConversationThread gpView = messaging.get(world.w.gp, id);
        assertThat(gpView.unread()).isEqualTo(1);
        messaging.markRead(world.w.gp, id, gpView.conversation().value().messageCount());
        Versioned<Message> answer = messaging.post(world.w.gp, id, "Yes, morning and evening.\n\tDr Patel", List.of());

        ConversationThread patientView = messaging.get(world.w.self, id);
        assertThat(patientView.messages()).extracting(Message::sequence).containsExactly(1L, 2L);
        assertThat(patientView.messages().get(1).sentAt()).isEqualTo(world.w.clock.instant());
        assertThat(patientView.unread()).isEqualTo(1);
        assertThat(messaging.forPatient(world.w.self, world.w.patient)).singleElement()
                .satisfies(s -> assertThat(s.unread()).isEqualTo(1));

        messaging.markRead(world.w.self, id, answer.value().sequence());

        ConversationThread read = messaging.get(world.w.self, id);
        assertThat(read.unread()).isZero();
        // read to the last message: nothing unread without reading the messages; the GP has read only
        // the first, but the second is their own, so the messages are read and nothing is unread
        assertThat(messaging.forPatient(world.w.self, world.w.patient)).singleElement()
                .satisfies(s -> assertThat(s.unread()).isZero());
        assertThat(messaging.forPatient(world.w.gp, world.w.patient)).singleElement()
                .satisfies(s -> assertThat(s.unread()).isZero());
        assertThat(read.unreadByParticipant()).containsEntry(Participant.of(world.w.gp.actor()), 0L);
        assertThat(question.value().sender()).isEqualTo(Participant.of(world.w.self.actor()));
        assertThat(answer.version()).isEqualTo(4); // opened, posted, read by the GP, posted
        assertThat(world.outbox()).filteredOn(e -> e instanceof MessagingEvent)
                .extracting(e -> e.type()).containsExactly("messaging.conversation_opened",
                        "messaging.message_posted", "messaging.message_posted");
    }

    @Test
    @DisplayName("R39 a professional outside the care team cannot read or post; the denial is audited")
    void aProfessionalOutsideTheCareTeamCannotReadOrPost() {
        ConversationId id = world.opened().value().id();
        messaging.post(world.w.self, id, "Private question", List.of());

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> messaging.get(world.w.stranger, id));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> messaging.post(world.w.stranger, id, "Hello", List.of()));
        // a GP of the registered practice has a legitimate relationship but is not on the care team
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> messaging.get(world.otherGp, id))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("MESSAGE_CARE_TEAM"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> messaging.post(world.otherGp, id, "Hello", List.of()));

        assertThat(world.stored(id)).hasSize(1);
        assertThat(accessLogOf(world.w.stranger)).extracting(AccessLogEntry::outcome)
                .containsExactly(AuditOutcome.DENY, AuditOutcome.DENY);
        assertThat(accessLogOf(world.otherGp)).extracting(AccessLogEntry::action, AccessLogEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("message.read", AuditOutcome.REJECTED),
                        org.assertj.core.groups.Tuple.tuple("message.post", AuditOutcome.REJECTED));
    }

    @Test
    @DisplayName("R47 a proxy without message scope cannot read messages")
    void aProxyWithoutMessageScopeCannotReadMessages() {
        ConversationId id = world.opened().value().id();
        messaging.post(world.w.self, id, "Private question", List.of());

        // the son holds a lasting power of attorney and proxy rights on the care team, but no message scope
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> messaging.get(world.w.attorney, id));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> messaging.forPatient(world.w.carer, world.w.patient));
        assertThat(accessLogOf(world.w.attorney)).extracting(AccessLogEntry::outcome).containsExactly(AuditOutcome.DENY);
    }

    @Test
    @DisplayName("R47 a proxy whose authority is withdrawn loses access at once")
    void aWithdrawnProxyLosesAccessAtOnce() {
        ConversationId id = world.opened().value().id();
        Versioned<ConsentRecord> grant = world.grantCarerMessaging();
        messaging.post(world.w.carer, id, "Mum asks whether the inhaler can be taken twice a day", List.of());
        assertThat(messaging.get(world.w.carer, id).messages()).hasSize(1);

        world.w.care.consents().withdraw(world.w.self, grant.value().id(), grant.version());

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> messaging.get(world.w.carer, id));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> messaging.post(world.w.carer, id, "Still there?", List.of()));
        assertThat(world.stored(id)).hasSize(1);
    }

    @Test
    @DisplayName("R39 a professional who leaves the care team can no longer read; the history they saw is in the access log")
    void aProfessionalWhoLeavesTheCareTeamCanNoLongerRead() {
        ConversationId id = world.opened().value().id();
        messaging.post(world.w.self, id, "Question for the nurse", List.of());
        assertThat(messaging.get(world.w.nurse, id).messages()).hasSize(1);
        var team = world.w.care.careTeams().get(world.w.gp, world.w.team);

        world.w.care.careTeams().endMembership(world.w.gp, world.w.team, world.w.nurseMember, team.version());

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> messaging.get(world.w.nurse, id));
        assertThat(accessLogOf(world.w.nurse)).extracting(AccessLogEntry::action, AccessLogEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("message.read", AuditOutcome.PERMIT),
                        org.assertj.core.groups.Tuple.tuple("message.read", AuditOutcome.DENY));
    }

    @Test
    void aMessageIsNeverEditedACorrectionPointsAtTheMessageItCorrects() {
        ConversationId id = world.opened().value().id();
        Versioned<Message> wrong = messaging.post(world.w.gp, id, "Take it three times a day", List.of());

        Versioned<Message> fix = messaging.correct(world.w.gp, id, wrong.value().id(), "Take it twice a day",
                List.of());

        assertThat(world.stored(id)).containsExactly(wrong.value(), fix.value());
        assertThat(fix.value().corrects()).contains(wrong.value().id());
        assertThat(world.outbox()).filteredOn(e -> e instanceof MessagingEvent.MessagePosted).last()
                .satisfies(e -> assertThat(((MessagingEvent.MessagePosted) e).corrects()).contains(wrong.value().id()));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> messaging.correct(world.w.self, id, wrong.value().id(), "No", List.of()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("MESSAGE_CORRECTION"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> messaging.correct(world.w.gp, id, MessageId.random(), "No", List.of()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("corrects"));
        assertThat(world.stored(id)).hasSize(2);
    }

    @Test
    void aClosedConversationTakesNoMessageUntilReopened() {
        Versioned<Conversation> c = world.opened();
        ConversationId id = c.value().id();
        messaging.post(world.w.self, id, "Thanks, all clear now", List.of());
        Versioned<Conversation> closed = messaging.close(world.w.gp, id, c.version() + 1);

        assertThat(closed.value().status()).isEqualTo(ConversationStatus.CLOSED);
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> messaging.post(world.w.self, id, "One more thing", List.of()));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> messaging.close(world.w.gp, id, closed.version()));
        assertThat(messaging.get(world.w.self, id).messages()).hasSize(1);

        Versioned<Conversation> reopened = messaging.reopen(world.w.self, id, closed.version());
        messaging.post(world.w.self, id, "One more thing", List.of());

        assertThat(reopened.value().isOpen()).isTrue();
        assertThat(world.stored(id)).hasSize(2);
        assertThat(world.outbox()).filteredOn(e -> e instanceof MessagingEvent).extracting(e -> e.type())
                .containsExactly("messaging.conversation_opened", "messaging.message_posted",
                        "messaging.conversation_closed", "messaging.conversation_reopened",
                        "messaging.message_posted");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingChanges() {
        Versioned<Conversation> c = world.opened();
        messaging.post(world.w.self, c.value().id(), "Hello", List.of());

        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> messaging.close(world.w.gp, c.value().id(), c.version()));
        assertThat(world.storedConversation(c.value().id()).value().isOpen()).isTrue();
    }

    @Test
    @DisplayName("R48 an attachment labelled third party is kept from the patient and proxies, shown to the care team")
    void labelledAttachmentsAreWithheldAsElsewhere() {
        ConversationId id = world.opened().value().id();
        world.grantCarerMessaging();
        MessageAttachment letter = new MessageAttachment("Discharge letter", "DocumentReference/letter-1");
        MessageAttachment thirdParty = new MessageAttachment("Note from a relative",
                "https://records.example.nhs.uk/docs/77").labelled(SensitivityLabel.THIRD_PARTY);

        Versioned<Message> posted = messaging.post(world.w.nurse, id, "Letters attached", List.of(letter, thirdParty));

        assertThat(posted.value().attachments()).containsExactly(letter, thirdParty);
        assertThat(messaging.get(world.w.self, id).messages().get(0).attachments()).containsExactly(letter);
        assertThat(messaging.get(world.w.carer, id).messages().get(0).attachments()).containsExactly(letter);
        assertThat(messaging.get(world.w.gp, id).messages().get(0).attachments()).containsExactly(letter, thirdParty);
        assertThat(world.stored(id).get(0).attachments()).hasSize(2);
    }

    @Test
    void aReadReceiptOnlyMovesForward() {
        ConversationId id = world.opened().value().id();
        messaging.post(world.w.gp, id, "One", List.of());
        messaging.post(world.w.gp, id, "Two", List.of());
        messaging.markRead(world.w.self, id, 2);

        Versioned<Conversation> after = messaging.markRead(world.w.self, id, 1);

        assertThat(after.value().readUpTo(Participant.of(world.w.self.actor()))).isEqualTo(2);
        assertThat(messaging.get(world.w.self, id).unread()).isZero();
    }
}
