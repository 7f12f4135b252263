package io.github.personalcare.jdbc;

class H2UniqueKeyTest extends UniqueKeyScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }
}
