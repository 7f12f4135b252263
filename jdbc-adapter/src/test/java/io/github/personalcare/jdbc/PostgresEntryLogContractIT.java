package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.EntryLogContract;

class PostgresEntryLogContractIT extends EntryLogContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
