package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.OutboxRelayContract;

class PostgresOutboxRelayContractIT extends OutboxRelayContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
