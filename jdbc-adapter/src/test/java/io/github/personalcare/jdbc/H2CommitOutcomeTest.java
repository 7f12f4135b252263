package io.github.personalcare.jdbc;

class H2CommitOutcomeTest extends CommitOutcomeScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
