package io.github.personalcare.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** The crash test on PostgreSQL: a schema of its own, read back through the same pool. */
class PostgresCrashIT extends CrashScenarios {
    private TestDatabases.TestStorage storage;

    @BeforeEach
    void openStorage() {
        storage = TestDatabases.postgres();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Override
    List<String> target() {
        return List.of(storage.url, storage.schema);
    }

    @Override
    JdbcStorage reopen() {
        return JdbcStorage.builder(storage.dataSource).dialect(Dialect.POSTGRESQL)
                .additionalMigrations(TestDatabases.TEST_TYPES).build();
    }
}
