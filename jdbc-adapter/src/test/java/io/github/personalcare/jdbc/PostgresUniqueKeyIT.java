package io.github.personalcare.jdbc;

class PostgresUniqueKeyIT extends UniqueKeyScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }
}
