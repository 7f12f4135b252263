package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.EntryLogContract;

class H2EntryLogContractTest extends EntryLogContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
