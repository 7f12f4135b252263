package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.OutboxContract;

class PostgresOutboxContractIT extends OutboxContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
