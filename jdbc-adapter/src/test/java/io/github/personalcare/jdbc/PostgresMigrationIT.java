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
}
