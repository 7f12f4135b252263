package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.OutboxRelayContract;

class H2OutboxRelayContractTest extends OutboxRelayContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
