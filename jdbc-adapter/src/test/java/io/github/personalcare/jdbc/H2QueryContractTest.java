package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.QueryContract;

class H2QueryContractTest extends QueryContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
