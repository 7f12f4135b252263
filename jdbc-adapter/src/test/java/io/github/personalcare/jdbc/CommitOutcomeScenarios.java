package io.github.personalcare.jdbc;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.testkit.SampleEntry;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a caller is told when COMMIT fails, through a DataSource whose connections fail in
 * {@code commit()}: after committing, as when the backend is terminated (57P01) once the commit
 * record is written, or instead of committing, as when the server refuses the commit (40001).
 * Only a refusal the SQLState proves is "not committed"; everything else is "outcome unknown",
 * and re-sending the same idempotency key is then safe.
 */
abstract class CommitOutcomeScenarios {
    abstract TestDatabases.TestStorage open();

    abstract Dialect dialect();

    /** What the next commit does instead of just committing; null: commit normally. */
    private final AtomicReference<CommitFault> fault = new AtomicReference<>();
    private TestDatabases.TestStorage database;
    private JdbcStorage storage;

    private enum CommitFault {
        /** The commit reaches the server and is done, then the connection reports 57P01. */
        COMMITTED_THEN_TERMINATED,
        /** The server refuses the commit (serialization failure) and rolls back. */
        REFUSED
    }

    @BeforeEach
    void openStorage() {
        database = open();
        storage = JdbcStorage.builder(failingCommits(database.dataSource)).dialect(dialect())
                .additionalMigrations(TestDatabases.TEST_TYPES).build();
    }

    @AfterEach
    void closeStorage() {
        database.close();
    }

    @Test
    @DisplayName("R17: a commit the server did but whose answer was lost (57P01) is outcome unknown; re-sending the key spends once")
    void aCommitInterruptedAfterReachingTheServerIsOutcomeUnknown() {
        var patient = PatientId.random();
        var budget = SampleRecord.of(patient, "ACTIVE");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(budget));

        fault.set(CommitFault.COMMITTED_THEN_TERMINATED);
        StorageException e = catchThrowableOfType(StorageException.class,
                () -> spendOnce(budget.id(), patient, "inv-17"));

        assertThat(e.commitOutcomeUnknown()).isTrue();
        assertThat(e.sqlState()).contains("57P01");
        // The caller does what the docs say: re-sends the same key, which finds the first spend.
        assertThat(spendOnce(budget.id(), patient, "inv-17")).isFalse();
        assertThat(entriesOf(budget.id())).extracting(SampleEntry::key).containsExactly("inv-17");
    }

    @Test
    @DisplayName("A commit the server refused (40001) is known not committed, and nothing is stored")
    void aCommitTheServerRefusedIsKnownNotCommitted() {
        var patient = PatientId.random();
        var budget = SampleRecord.of(patient, "ACTIVE");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(budget));

        fault.set(CommitFault.REFUSED);
        StorageException e = catchThrowableOfType(StorageException.class,
                () -> spendOnce(budget.id(), patient, "inv-18"));

        assertThat(e.commitOutcomeUnknown()).isFalse();
        assertThat(entriesOf(budget.id())).isEmpty();
    }

    private List<SampleEntry> entriesOf(SampleRecord.Id budget) {
        return storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(budget));
    }

    /** Appends the spend unless its key is stored already; true if this call appended it. */
    private boolean spendOnce(SampleRecord.Id budget, PatientId patient, String key) {
        return storage.inTransaction(tx -> {
            var entries = tx.entries(SampleEntry.TYPE);
            if (entries.findByKey(budget, key).isPresent()) {
                return false;
            }
            entries.append(new SampleEntry(budget, patient, key, 7));
            return true;
        });
    }

    private DataSource failingCommits(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                forward(real, (method, args, result) -> method.equals("getConnection")
                        ? failingCommits((Connection) result) : result, null));
    }

    private Connection failingCommits(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(real, (method, args, result) -> result, (method) -> {
                    if (!method.equals("commit")) {
                        return;
                    }
                    CommitFault f = fault.getAndSet(null);
                    if (f == CommitFault.COMMITTED_THEN_TERMINATED) {
                        real.commit();
                        throw new SQLException("terminating connection due to administrator command", "57P01");
                    }
                    if (f == CommitFault.REFUSED) {
                        real.rollback();
                        throw new SQLException("could not serialize access", "40001");
                    }
                }));
    }

    private interface After {
        Object apply(String method, Object[] args, Object result);
    }

    private interface Before {
        void check(String method) throws SQLException;
    }

    private static InvocationHandler forward(Object target, After after, Before before) {
        return (proxy, method, args) -> {
            if (before != null) {
                before.check(method.getName());
            }
            try {
                return after.apply(method.getName(), args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
