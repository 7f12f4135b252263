package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.PrescriptionStorageContract;

class PostgresPrescriptionStorageContractIT extends PrescriptionStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
