package io.github.personalcare.jdbc;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestDatabasesTest {
    private static final String NOBODY = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&connectTimeout=2";

    @Test
    void withoutAServerPostgresTestsFailInCi() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> TestDatabases.requirePostgres(NOBODY, true))
                .withMessageContaining("must not be skipped")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void withoutAServerPostgresTestsAreSkippedLoudlyOutsideCi() {
        assertThatExceptionOfType(TestAbortedException.class)
                .isThrownBy(() -> TestDatabases.requirePostgres(NOBODY, false))
                .withMessageContaining("SKIPPED")
                .withMessageContaining("PERSONALCARE_TEST_JDBC_URL");
    }
}
