package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.CarePlanStorageContract;

class PostgresCarePlanStorageContractIT extends CarePlanStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
