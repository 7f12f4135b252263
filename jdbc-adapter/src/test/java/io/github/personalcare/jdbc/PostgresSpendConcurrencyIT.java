package io.github.personalcare.jdbc;

class PostgresSpendConcurrencyIT extends SpendConcurrencyScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }
}
