package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.AuditTrail;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.spi.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A storage under test whose queries of one aggregate type fail while a fault is armed, as a
 * dropped table or a lost connection would fail them; everything else reaches the real storage.
 */
final class FaultyStorage implements Storage {
    private final Storage real;
    private final AggregateType<?, ?> failing;
    private volatile Supplier<? extends PersonalCareException> fault;

    FaultyStorage(Storage real, AggregateType<?, ?> failing) {
        this.real = real;
        this.failing = failing;
    }

    /** From now on, queries of the failing type throw what {@code fault} makes. */
    void arm(Supplier<? extends PersonalCareException> fault) {
        this.fault = fault;
    }

    @Override
    public <R> R inTransaction(UnitOfWork<R> work) {
        return real.inTransaction(tx -> work.run(new FaultyTransaction(tx)));
    }

    @Override
    public <R> R inTransactionAcrossPatients(UnitOfWork<R> work) {
        return real.inTransactionAcrossPatients(tx -> work.run(new FaultyTransaction(tx)));
    }

    private final class FaultyTransaction implements Transaction {
        private final Transaction tx;

        FaultyTransaction(Transaction tx) {
            this.tx = tx;
        }

        @Override
        public <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type) {
            AggregateStore<I, A> store = tx.aggregates(type);
            return type.equals(failing) ? new FaultyStore<>(store) : store;
        }

        @Override
        public <E> EntryLog<E> entries(EntryType<E> type) {
            return tx.entries(type);
        }

        @Override
        public AuditTrail audit() {
            return tx.audit();
        }

        @Override
        public Outbox outbox() {
            return tx.outbox();
        }

        @Override
        public void lockPatient(PatientId patient) {
            tx.lockPatient(patient);
        }
    }

    private final class FaultyStore<I extends RecordId, A> implements AggregateStore<I, A> {
        private final AggregateStore<I, A> store;

        FaultyStore(AggregateStore<I, A> store) {
            this.store = store;
        }

        private void failIfArmed() {
            Supplier<? extends PersonalCareException> f = fault;
            if (f != null) {
                throw f.get();
            }
        }

        @Override
        public Optional<Versioned<A>> find(I id) {
            failIfArmed();
            return store.find(id);
        }

        @Override
        public List<Versioned<A>> query(Query query) {
            failIfArmed();
            return store.query(query);
        }

        @Override
        public long insert(A aggregate) {
            return store.insert(aggregate);
        }

        @Override
        public long update(A aggregate, long expectedVersion) {
            return store.update(aggregate, expectedVersion);
        }

        @Override
        public AggregateType<I, A> type() {
            return store.type();
        }
    }
}
