package io.github.personalcare.jdbc;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;

class H2ReindexTest extends ReindexScenarios {
    private JdbcDataSource ds;

    @Override
    DataSource database() {
        ds = TestDatabases.h2DataSource(TestDatabases.h2Url());
        return ds;
    }

    @Override
    void dropDatabase() {
        if (ds != null) {
            TestDatabases.execute(ds, "SHUTDOWN");
        }
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
