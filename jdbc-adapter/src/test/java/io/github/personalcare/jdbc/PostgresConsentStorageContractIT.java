package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.ConsentStorageContract;

class PostgresConsentStorageContractIT extends ConsentStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
