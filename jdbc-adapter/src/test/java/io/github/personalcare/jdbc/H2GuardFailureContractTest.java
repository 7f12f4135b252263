package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.GuardFailureContract;

class H2GuardFailureContractTest extends GuardFailureContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
