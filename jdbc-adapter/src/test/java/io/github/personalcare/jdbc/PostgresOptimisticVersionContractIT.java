package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.OptimisticVersionContract;

class PostgresOptimisticVersionContractIT extends OptimisticVersionContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
