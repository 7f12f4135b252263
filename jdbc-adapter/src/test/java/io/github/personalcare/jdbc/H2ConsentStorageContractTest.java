package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.ConsentStorageContract;

class H2ConsentStorageContractTest extends ConsentStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
