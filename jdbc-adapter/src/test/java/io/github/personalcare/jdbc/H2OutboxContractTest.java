package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.OutboxContract;

class H2OutboxContractTest extends OutboxContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
