package io.github.personalcare.fhir;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.spi.UnitOfWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage that counts what is read through it: read calls on aggregate stores, entry logs and
 * the audit trail, and the records those calls return (rows). Writes are not counted.
 */
final class CountingStorage implements Storage {
    private static final Set<String> READS = Set.of("find", "get", "query", "findByPatient", "findByKey", "byOwner",
            "chain", "forPatient", "chains");

    private final Storage real;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();

    CountingStorage(Storage real) {
        this.real = real;
    }

    /** {@return read calls so far} */
    long calls() {
        return calls.get();
    }

    /** {@return records returned by read calls so far} */
    long rows() {
        return rows.get();
    }

    @Override
    public <R> R inTransaction(UnitOfWork<R> work) {
        return real.inTransaction(tx -> work.run(proxy(Transaction.class, tx, false)));
    }

    @Override
    public void close() {
        real.close();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target, boolean counts) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (!counts) {
                String name = method.getName();
                if (name.equals("aggregates") || name.equals("entries") || name.equals("audit")) {
                    return proxy((Class<Object>) method.getReturnType(), result, true);
                }
                return result;
            }
            if (READS.contains(method.getName())) {
                calls.incrementAndGet();
                rows.addAndGet(result instanceof Collection<?> c ? c.size()
                        : result instanceof Optional<?> o ? (o.isPresent() ? 1 : 0) : 1);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
