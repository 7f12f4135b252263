package io.github.personalcare.jdbc;

class H2PatientWriteRaceTest extends PatientWriteRaceScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.h2();
    }
}
