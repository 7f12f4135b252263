package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.BudgetStorageContract;

class H2BudgetStorageContractTest extends BudgetStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
