package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.BudgetStorageContract;

class PostgresBudgetStorageContractIT extends BudgetStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
