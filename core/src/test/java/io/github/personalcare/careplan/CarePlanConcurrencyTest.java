package io.github.personalcare.careplan;

import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CarePlanConcurrencyTest {
    private static final int THREADS = 8;

    @Test
    void eightConcurrentEditsOfOneVersionHaveExactlyOneWinnerAndTheOthersGetTheConflict() throws Exception {
        CareWorld w = new CareWorld();
        Versioned<CarePlan> draft = w.care.carePlans().draft(w.self, w.patient, CarePlanContent.empty());
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> winners = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String words = "Edit number " + i;
                var ctx = i % 2 == 0 ? w.self : w.gp;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        w.care.carePlans().edit(ctx, draft.value().id(), CarePlanContent.empty().withAboutMe(words),
                                draft.version());
                        wins.incrementAndGet();
                        winners.add(words);
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
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

        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(THREADS - 1);
        Versioned<CarePlan> stored = w.stored(draft.value().id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(draft.version() + 1);
        assertThat(stored.value().content().aboutMe()).contains(winners.get(0));
    }
}
