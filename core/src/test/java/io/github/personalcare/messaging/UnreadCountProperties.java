package io.github.personalcare.messaging;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.identity.PatientId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read receipts and unread counts: for every participant, unread is the number of messages posted
 * by others after their last read, their receipt never moves backwards, and the conversation's
 * message count is the number of posts.
 */
class UnreadCountProperties {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** One step: who acts (0..2), whether they post or read, and how far back from the end they read. */
    record Step(int who, boolean post, int back) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3)).as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void unreadIsWhatOthersPostedAfterMyLastRead(@ForAll("steps") List<Step> steps) {
        List<Participant> people = List.of(new Participant("patient:p"), new Participant("professional:GP@A/GP"),
                new Participant("carer:C"));
        ConversationId id = ConversationId.random();
        PatientId patient = PatientId.random();
        Conversation c = Conversation.open(id, patient, "Subject", people.get(0), T0);
        List<Message> messages = new ArrayList<>();
        Map<Participant, Long> lastRead = new HashMap<>();
        for (Step s : steps) {
            Participant who = people.get(s.who());
            if (s.post()) {
                messages.add(new Message(MessageId.random(), id, patient, c.nextSequence(), who, T0, "text", List.of(),
                        java.util.Optional.empty()));
                c = c.withMessage(T0);
            } else if (c.messageCount() > 0) {
                long upTo = Math.max(1, c.messageCount() - s.back());
                c = c.read(who, upTo, T0);
                lastRead.merge(who, upTo, Math::max);
            }
        }
        assertThat(c.messageCount()).isEqualTo(messages.size());
        for (Participant p : people) {
            long mine = lastRead.getOrDefault(p, 0L);
            long expected = messages.stream().filter(m -> m.sequence() > mine && !m.sender().equals(p)).count();
            assertThat(c.readUpTo(p)).isEqualTo(mine);
            assertThat(c.unread(p, messages)).isEqualTo(expected);
            assertThat(c.unreadCounts(p, messages)).containsEntry(p, expected);
        }
    }

    @Property(tries = 25)
    void theServiceCountsUnreadTheSameWay(@ForAll("steps") List<Step> steps) {
        MessagingWorld world = new MessagingWorld();
        List<AccessContext> people = List.of(world.w.self, world.w.gp, world.w.nurse);
        ConversationId id = world.opened().value().id();
        List<int[]> posts = new ArrayList<>(); // {sequence, poster}
        long[] lastRead = new long[people.size()];
        long count = 0;
        for (Step s : steps) {
            AccessContext who = people.get(s.who());
            if (s.post()) {
                count = world.messaging().post(who, id, "text", List.of()).value().sequence();
                posts.add(new int[] {(int) count, s.who()});
            } else if (count > 0) {
                long upTo = Math.max(1, count - s.back());
                world.messaging().markRead(who, id, upTo);
                lastRead[s.who()] = Math.max(lastRead[s.who()], upTo);
            }
        }
        for (int p = 0; p < people.size(); p++) {
            int me = p;
            long expected = posts.stream().filter(x -> x[0] > lastRead[me] && x[1] != me).count();
            assertThat(world.messaging().get(people.get(p), id).unread()).isEqualTo(expected);
        }
    }
}
