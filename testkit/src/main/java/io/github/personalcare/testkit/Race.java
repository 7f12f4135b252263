package io.github.personalcare.testkit;

import io.github.personalcare.lang.VersionConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Writers started together on one stored version: how many won, the others having lost with a version conflict. */
final class Race {
    private Race() {
    }

    /**
     * Runs {@code writers} copies of {@code write} at once and counts those that returned; every
     * other one must have failed with a {@link VersionConflictException}.
     */
    static int winners(int writers, Callable<?> write) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return write.call();
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<?> f : results) {
                try {
                    f.get();
                    won++;
                } catch (ExecutionException x) {
                    assertThat(x.getCause()).isInstanceOf(VersionConflictException.class);
                }
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
