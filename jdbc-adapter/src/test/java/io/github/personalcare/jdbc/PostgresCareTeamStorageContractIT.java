package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.CareTeamStorageContract;

class PostgresCareTeamStorageContractIT extends CareTeamStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
