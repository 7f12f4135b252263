package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.CareTeamStorageContract;

class H2CareTeamStorageContractTest extends CareTeamStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
