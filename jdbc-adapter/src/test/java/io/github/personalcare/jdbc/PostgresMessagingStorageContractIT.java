package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.MessagingStorageContract;

class PostgresMessagingStorageContractIT extends MessagingStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
