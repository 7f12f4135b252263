package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.messaging.Conversation;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.messaging.MessageAttachment;
import io.github.personalcare.messaging.MessageId;
import io.github.personalcare.messaging.MessagingStores;
import io.github.personalcare.messaging.Participant;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conversations and their messages through storage: a conversation with read receipts comes back
 * equal and is found by patient and by whether it is open; messages are append-only entries of
 * their conversation, read back in order with attachments, labels and corrections, one per
 * sequence; concurrent changes of one version have exactly one winner.
 */
public abstract class MessagingStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected MessagingStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Participant PATIENT = new Participant("patient:0f6c8a52-7c1e-4d8e-9a63-0c1d2f7e9b10");
    private static final Participant GP = new Participant("professional:GP-1@A81001/GENERAL_PRACTITIONER");

    private static Conversation conversation(PatientId patient) {
        return Conversation.open(ConversationId.random(), patient, "My new inhaler \u2014 twice a day?", PATIENT, T0);
    }

    private static Message message(Conversation c, long sequence, Participant sender, String text,
            List<MessageAttachment> attachments, Optional<MessageId> corrects) {
        return new Message(MessageId.random(), c.id(), c.patient(), sequence, sender,
                T0.plus(Duration.ofMinutes(sequence)), text, attachments, corrects);
    }

    /** Runs every task on its own thread, all released at once, and waits for them; a task's failure fails the test. */
    private static void atOnce(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Message> messagesOf(ConversationId id) {
        return storage.inTransaction(tx -> tx.entries(MessagingStores.MESSAGES).byOwner(id));
    }

    @Test
    void aConversationWithReadReceiptsComesBackEqual() {
        Conversation c = conversation(PatientId.random());
        Conversation changed = c.withMessage(T0.plusSeconds(60)).withMessage(T0.plusSeconds(120))
                .read(GP, 2, T0.plusSeconds(180)).read(PATIENT, 1, T0.plusSeconds(240)).close(T0.plusSeconds(300));
        storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).insert(c));
        storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).update(changed, 1));

        var stored = storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).get(c.id()));

        assertThat(stored.value()).isEqualTo(changed);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void conversationsAreFoundByPatientAndWhetherOpen() {
        PatientId patient = PatientId.random();
        Conversation open = conversation(patient);
        Conversation closed = conversation(patient).close(T0);
        storage.inTransaction(tx -> {
            tx.aggregates(MessagingStores.CONVERSATIONS).insert(open);
            return tx.aggregates(MessagingStores.CONVERSATIONS).insert(closed);
        });
        storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).insert(
                conversation(PatientId.random())));

        var ofPatient = storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).findByPatient(patient));
        var stillOpen = storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS)
                .query(Query.forPatient(patient).and("open").is(true)));
        var byStatus = storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS)
                .query(Query.where("status").is("CLOSED")));

        assertThat(ofPatient).extracting(v -> v.value().id()).containsExactlyInAnyOrder(open.id(), closed.id());
        assertThat(stillOpen).extracting(v -> v.value().id()).containsExactly(open.id());
        assertThat(byStatus).extracting(v -> v.value().id()).containsExactly(closed.id());
    }

    @Test
    void messagesAreAppendedInOrderAndComeBackEqualWithAttachmentsLabelsAndCorrections() {
        Conversation c = conversation(PatientId.random());
        Conversation other = conversation(c.patient());
        Message first = message(c, 1, PATIENT, "Is it fine to use it twice a day?\n\tThanks", List.of(), Optional.empty());
        Message second = message(c, 2, GP, "Yes \u2014 morning and evening \ud83d\ude42", List.of(
                new MessageAttachment("Inhaler leaflet", "https://www.nhs.uk/medicines/salbutamol-inhaler/"),
                new MessageAttachment("Letter from a relative", "DocumentReference/abc-123")
                        .labelled(SensitivityLabel.THIRD_PARTY, SensitivityLabel.MENTAL_HEALTH)), Optional.empty());
        Message third = message(c, 3, GP, "Sorry: morning only", List.of(), Optional.of(second.id()));
        Message elsewhere = message(other, 1, PATIENT, "Another subject", List.of(), Optional.empty());

        List<Long> positions = storage.inTransaction(tx -> {
            var log = tx.entries(MessagingStores.MESSAGES);
            List<Long> at = new ArrayList<>();
            at.add(log.append(first));
            at.add(log.append(second));
            at.add(log.append(elsewhere));
            return at;
        });
        storage.inTransaction(tx -> tx.entries(MessagingStores.MESSAGES).append(third));

        List<Message> ofConversation = messagesOf(c.id());
        Optional<Message> byKey = storage.inTransaction(tx -> tx.entries(MessagingStores.MESSAGES)
                .findByKey(c.id(), "2"));

        assertThat(positions).containsExactly(1L, 2L, 1L);
        assertThat(ofConversation).containsExactly(first, second, third);
        assertThat(byKey).contains(second);
        assertThat(messagesOf(other.id())).containsExactly(elsewhere);
    }

    @Test
    void twoMessagesAtOneSequenceAreRefused() {
        Conversation c = conversation(PatientId.random());
        storage.inTransaction(tx -> tx.entries(MessagingStores.MESSAGES).append(
                message(c, 1, PATIENT, "First", List.of(), Optional.empty())));

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.entries(MessagingStores.MESSAGES).append(message(c, 1, GP, "Also first", List.of(),
                        Optional.empty()))));
        assertThat(messagesOf(c.id())).extracting(Message::text).containsExactly("First");
    }

    @Test
    void concurrentPostsOnOneVersionHaveExactlyOneWinner() throws Exception {
        Conversation c = conversation(PatientId.random());
        storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).insert(c));
        int threads = 6;
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Runnable> posts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Message m = message(c, 1, i % 2 == 0 ? PATIENT : GP, "Message " + i, List.of(), Optional.empty());
            posts.add(() -> {
                try {
                    storage.inTransaction(tx -> {
                        tx.entries(MessagingStores.MESSAGES).append(m);
                        return tx.aggregates(MessagingStores.CONVERSATIONS).update(c.withMessage(m.sentAt()), 1);
                    });
                    wins.incrementAndGet();
                } catch (VersionConflictException | DuplicateKeyException e) {
                    conflicts.incrementAndGet();
                }
            });
        }
        atOnce(posts);

        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        assertThat(messagesOf(c.id())).hasSize(1);
        Conversation stored = storage.inTransaction(tx -> tx.aggregates(MessagingStores.CONVERSATIONS).get(c.id()))
                .value();
        assertThat(stored.messageCount()).isEqualTo(1);
    }

    @Test
    void participantsPostingThroughTheServiceAtOnceLoseNoMessage() throws Exception {
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        Actor.Professional gpActor = Actor.professional(UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001"));
        AccessContext gp = AccessContext.of(gpActor, Purpose.DIRECT_CARE);
        PatientId patient = care.patients().register(gp, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), java.util.Set.of(),
                Optional.of(OdsCode.of("A81001"))).value().id();
        var team = care.careTeams().establish(gp, patient);
        care.careTeams().addProfessional(gp, team.value().id(), gpActor.user(), gpActor.role(),
                gpActor.organisation(), team.version());
        AccessContext self = AccessContext.patientSelf(patient);
        ConversationId id = care.messaging().open(self, patient, "Subject").value().id();
        List<AccessContext> posters = List.of(self, gp, self, gp);
        int each = 4;
        List<Runnable> writers = new ArrayList<>();
        for (int t = 0; t < posters.size(); t++) {
            AccessContext who = posters.get(t);
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < each; i++) {
                    care.messaging().post(who, id, "message " + thread + "-" + i, List.of());
                }
            });
        }
        atOnce(writers);

        int total = posters.size() * each;
        List<Message> stored = messagesOf(id);
        assertThat(stored).extracting(Message::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(stored).extracting(Message::text).doesNotHaveDuplicates();
        assertThat(care.messaging().get(self, id).conversation().value().messageCount()).isEqualTo(total);
    }
}
