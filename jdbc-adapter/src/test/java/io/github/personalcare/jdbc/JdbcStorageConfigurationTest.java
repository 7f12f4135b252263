package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.testkit.SampleRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcStorageConfigurationTest {

    @Test
    void aDialectSetTwiceIsAConfigurationError() {
        var builder = JdbcStorage.builder(new JdbcDataSource()).dialect(Dialect.H2);
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> builder.dialect(Dialect.POSTGRESQL))
                .satisfies(e -> assertThat(e.option()).isEqualTo("dialect"));
    }

    @Test
    void aMissingDataSourceIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> JdbcStorage.postgres(null))
                .satisfies(e -> assertThat(e.option()).isEqualTo("dataSource"));
    }

    @Test
    void aDatabaseOtherThanPostgresOrH2IsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> Dialect.ofProduct("MySQL"))
                .satisfies(e -> assertThat(e.option()).isEqualTo("dialect"));
        assertThat(Dialect.ofProduct("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void anAdditionalMigrationLocationThatDoesNotExistIsAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> JdbcStorage.builder(new JdbcDataSource()).dialect(Dialect.H2)
                        .additionalMigrations("com/example/nowhere").build())
                .withMessageContaining("com/example/nowhere/h2/migrations.txt");
    }

    @Test
    void statementsEndWithASemicolonAtTheEndOfALineAndCommentLinesAreSkipped() {
        String sql = "-- a comment; not a statement\nCREATE TABLE a (\n    id INT\n);\n\nCREATE INDEX a_idx ON a (id);\n";
        assertThat(MigrationRunner.statements(sql))
                .containsExactly("CREATE TABLE a (\n    id INT\n)", "CREATE INDEX a_idx ON a (id)");
    }

    @Test
    void aStatementWithoutItsSemicolonIsRefused() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> MigrationRunner.statements("CREATE TABLE a (id INT)\n"));
    }

    @Test
    void anH2FileDatabaseKeepsWhatWasCommittedAcrossRestarts(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("care").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText("kept");
        var first = TestDatabases.h2DataSource(url);
        var storage = JdbcStorage.builder(first).additionalMigrations(TestDatabases.TEST_TYPES).build();
        storage.migrate();
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        TestDatabases.execute(first, "SHUTDOWN");

        var reopened = JdbcStorage.builder(TestDatabases.h2DataSource(url)).additionalMigrations(TestDatabases.TEST_TYPES)
                .build();
        try {
            assertThat(reopened.migrate()).isEmpty();
            var found = reopened.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()).value());
            assertThat(found).isEqualTo(record);
            assertThat(reopened.dialect()).isEqualTo(Dialect.H2);
        } finally {
            TestDatabases.execute(TestDatabases.h2DataSource(url), "SHUTDOWN");
        }
    }
}
