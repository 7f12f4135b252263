package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.MessagingStorageContract;

class H2MessagingStorageContractTest extends MessagingStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
