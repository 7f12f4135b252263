package io.github.personalcare.jdbc;

class PostgresStorageBehaviourIT extends StorageBehaviourScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
