package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.QueryContract;

class PostgresQueryContractIT extends QueryContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
