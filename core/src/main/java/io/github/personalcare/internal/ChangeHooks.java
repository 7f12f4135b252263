package io.github.personalcare.internal;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.spi.Transaction;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Lets one service keep what it stores in step with another's change, in the same transaction,
 * without the lower package importing the higher one: a care plan's agreement (in {@code careplan})
 * is followed by the budgets funded from it (in {@code budget}, which imports {@code careplan}).
 * A service publishes the changed value by its type; the services that depend on it subscribe.
 * One instance per built {@code PersonalCare}.
 */
public final class ChangeHooks {
    private final Map<Class<?>, List<BiConsumer<Transaction, Object>>> hooks = new ConcurrentHashMap<>();

    /** Runs {@code hook} with the transaction and the value each time a {@code type} value is published. */
    public <T> void subscribe(Class<T> type, BiConsumer<Transaction, T> hook) {
        Require.present("type", type);
        Require.present("hook", hook);
        hooks.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add((tx, v) -> hook.accept(tx, type.cast(v)));
    }

    /** Runs every hook subscribed to the value's type, in the caller's transaction. */
    public <T> void publish(Transaction tx, Class<T> type, T value) {
        for (BiConsumer<Transaction, Object> hook : hooks.getOrDefault(type, List.of())) {
            hook.accept(tx, value);
        }
    }
}
