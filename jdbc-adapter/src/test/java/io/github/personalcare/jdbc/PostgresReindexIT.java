package io.github.personalcare.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

class PostgresReindexIT extends ReindexScenarios {
    private String schema;
    private HikariDataSource ds;

    @Override
    DataSource database() {
        schema = TestDatabases.newSchemaName();
        ds = TestDatabases.postgresSchema(schema, 4);
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
}
