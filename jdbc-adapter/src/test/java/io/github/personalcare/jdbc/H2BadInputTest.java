package io.github.personalcare.jdbc;

class H2BadInputTest extends BadInputScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }
}
