package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.TransactionContract;

class H2TransactionContractTest extends TransactionContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
