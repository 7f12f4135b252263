package io.github.personalcare.jdbc;

class PostgresServiceStoryIT extends ServiceStoryScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }
}
