package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.ReferralStorageContract;

class PostgresReferralStorageContractIT extends ReferralStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
