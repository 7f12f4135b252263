package io.github.personalcare.jdbc;

class PostgresPatientWriteRaceIT extends PatientWriteRaceScenarios {
    @Override
    TestDatabases.TestStorage open() {
        return TestDatabases.postgres();
    }
}
