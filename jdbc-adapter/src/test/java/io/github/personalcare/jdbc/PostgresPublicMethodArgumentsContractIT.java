package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.PublicMethodArgumentsContract;

class PostgresPublicMethodArgumentsContractIT extends PublicMethodArgumentsContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }

    @Override
    protected int tries() {
        return 400;
    }
}
