package io.github.personalcare.jdbc;

class H2SpendConcurrencyTest extends SpendConcurrencyScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }
}
