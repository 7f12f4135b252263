package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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
}
