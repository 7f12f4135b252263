package io.github.personalcare.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestDatabasesTest {
    private static final String NOBODY = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&connectTimeout=2";
    private static final String EMBEDDED = "jdbc:postgresql://localhost:54321/postgres?user=postgres";

    @Test
    void withoutAServerPostgresTestsFailInCi() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> TestDatabases.choosePostgres(NOBODY, true, () -> EMBEDDED))
                .withMessageContaining("must not be skipped")
                .withMessageContaining("PERSONALCARE_TEST_JDBC_URL")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void withoutAServerPostgresTestsRunOnTheEmbeddedServerOutsideCi() {
        assertThat(TestDatabases.choosePostgres(NOBODY, false, () -> EMBEDDED)).isEqualTo(EMBEDDED);
    }
}
