package io.github.personalcare.jdbc;

class PostgresCommitOutcomeIT extends CommitOutcomeScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
