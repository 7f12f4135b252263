package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.EconsultStorageContract;

class PostgresEconsultStorageContractIT extends EconsultStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
