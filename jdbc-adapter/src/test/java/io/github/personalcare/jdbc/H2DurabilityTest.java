package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 15 item 1: H2 on disk writes commits in the background unless opened with
 * {@code WRITE_DELAY=0}, and then loses acknowledged commits when the process dies. The storage
 * refuses such a database before touching it; {@link H2CrashIT} kills a writer on the durable
 * configuration to prove it keeps every acknowledged commit.
 */
class H2DurabilityTest {
    @TempDir
    Path directory;

    private String file() {
        return "jdbc:h2:file:" + directory.resolve("care").toAbsolutePath();
    }

    @Test
    void anH2FileOpenedWithoutDurableCommitsIsRefusedBeforeAnythingIsWritten() {
        var ds = TestDatabases.h2DataSource(file() + ";LOCK_TIMEOUT=10000");
        JdbcStorage storage = JdbcStorage.h2(ds);
        storage.migrate();
        try {
            assertThatExceptionOfType(ConfigurationException.class)
                    .isThrownBy(() -> storage.inTransaction(tx -> tx.audit().chains()))
                    .satisfies(e -> assertThat(e.option()).isEqualTo("h2.WRITE_DELAY"))
                    .withMessageContaining(";WRITE_DELAY=0");
            assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM audit_chain_head")).isZero();
        } finally {
            TestDatabases.execute(ds, "SHUTDOWN");
        }
    }

    @Test
    void anH2FileOpenedWithDurableCommitsIsUsed() {
        var ds = TestDatabases.h2DataSource(file() + ";write_delay=0;LOCK_TIMEOUT=10000");
        JdbcStorage storage = JdbcStorage.h2(ds);
        storage.migrate();
        try {
            List<String> chains = storage.inTransaction(tx -> tx.audit().chains());
            assertThat(chains).isEmpty();
        } finally {
            TestDatabases.execute(ds, "SHUTDOWN");
        }
    }

    @Test
    void inMemoryDatabasesAreNotChecked() {
        OpenCheck.requireDurableH2(false, "500");
        OpenCheck.requireDurableH2(true, "0");
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> OpenCheck.requireDurableH2(true, "500"));
    }

    @Test
    @DisplayName("issue 15 item 1: commits and rollbacks of one H2 file never overlap, so no file version holds half a commit")
    void transactionEndsOfAnH2FileAreSerialised() throws Exception {
        var ds = TestDatabases.h2DataSource(file() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        AtomicInteger ending = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger ends = new AtomicInteger();
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = forward(ds, method, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection c = (Connection) result;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        boolean end = m.getName().equals("commit") || m.getName().equals("rollback");
                        if (!end) {
                            return forward(c, m, a);
                        }
                        mostAtOnce.accumulateAndGet(ending.incrementAndGet(), Math::max);
                        ends.incrementAndGet();
                        try {
                            Thread.sleep(1); // widen the window a second end would have to overlap
                            return forward(c, m, a);
                        } finally {
                            ending.decrementAndGet();
                        }
                    });
        };
        DataSource watched = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, connections);
        JdbcStorage storage = JdbcStorage.builder(watched).dialect(Dialect.H2)
                .additionalMigrations(TestDatabases.TEST_TYPES).build();
        storage.migrate();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        // each writer its own patients: nothing orders these commits but the storage
                        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE)
                                .insert(SampleRecord.of(PatientId.random(), "OPEN")));
                        try {
                            storage.inTransaction(tx -> {
                                tx.aggregates(SampleRecord.TYPE).insert(SampleRecord.of(PatientId.random(), "OPEN"));
                                throw new IllegalStateException("rolled back");
                            });
                        } catch (IllegalStateException expected) {
                            // the rollback is an end too
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            TestDatabases.execute(ds, "SHUTDOWN");
        }
        assertThat(ends.get()).isGreaterThanOrEqualTo(200);
        assertThat(mostAtOnce.get()).as("commits and rollbacks in progress at once").isEqualTo(1);
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
