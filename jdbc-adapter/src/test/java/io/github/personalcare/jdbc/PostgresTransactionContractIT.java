package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.TransactionContract;

class PostgresTransactionContractIT extends TransactionContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
