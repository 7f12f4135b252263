package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.RecordImportContract;

class PostgresRecordImportContractIT extends RecordImportContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
