package io.github.personalcare.jdbc;

class H2ServiceStoryTest extends ServiceStoryScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }
}
