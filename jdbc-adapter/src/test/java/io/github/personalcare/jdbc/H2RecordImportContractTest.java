package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.RecordImportContract;

class H2RecordImportContractTest extends RecordImportContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
