package io.github.personalcare.messaging;

import io.github.personalcare.access.AccessContext;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Participants posting to one conversation at once: no message is lost, none is told to retry. */
class MessagingConcurrencyTest {

    @RepeatedTest(5)
    void postersAtOnceOnOneConversationLoseNoMessage() throws Exception {
        MessagingWorld world = new MessagingWorld();
        ConversationId id = world.opened().value().id();
        List<AccessContext> posters = List.of(world.w.self, world.w.gp, world.w.nurse, world.w.self);
        int each = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(posters.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < posters.size(); t++) {
                AccessContext who = posters.get(t);
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        world.messaging().post(who, id, "message " + thread + "-" + i, List.of());
                    }
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

        int total = posters.size() * each;
        List<Message> stored = world.stored(id);
        assertThat(stored).extracting(Message::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(stored).extracting(Message::text).doesNotHaveDuplicates().hasSize(total);
        assertThat(world.storedConversation(id).value().messageCount()).isEqualTo(total);
        assertThat(world.outbox()).filteredOn(e -> e instanceof MessagingEvent.MessagePosted).hasSize(total);
    }
}
