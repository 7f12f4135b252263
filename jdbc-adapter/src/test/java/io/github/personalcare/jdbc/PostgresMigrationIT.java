package io.github.personalcare.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

class PostgresMigrationIT extends MigrationScenarios {
    private String schema;
    private HikariDataSource ds;

    @Override
    DataSource emptyDatabase() {
        schema = TestDatabases.newSchemaName();
        ds = TestDatabases.postgresSchema(schema, 8);
        return ds;
    }

    @Override
    void dropDatabase() {
        if (ds != null) {
            ds.close();
            TestDatabases.dropSchema(schema);
        }
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @org.junit.jupiter.api.Test
    void migrateRunsOnOneConnectionSoAPoolOfOneIsEnough() {
        String own = TestDatabases.newSchemaName();
        try (HikariDataSource one = TestDatabases.postgresSchema(own, 1)) {
            one.setConnectionTimeout(2_000); // a second connection would be refused after 2 s
            var storage = JdbcStorage.builder(one).dialect(Dialect.POSTGRESQL).build();

            org.assertj.core.api.Assertions.assertThat(storage.migrate()).extracting(Migration::version)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            org.assertj.core.api.Assertions.assertThat(storage.migrate()).isEmpty();
        } finally {
            TestDatabases.dropSchema(own);
        }
    }
}
