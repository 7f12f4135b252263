package io.github.personalcare.jdbc;

class PostgresBadInputIT extends BadInputScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }
}
