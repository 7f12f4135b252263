package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.GuardFailureContract;

class PostgresGuardFailureContractIT extends GuardFailureContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
