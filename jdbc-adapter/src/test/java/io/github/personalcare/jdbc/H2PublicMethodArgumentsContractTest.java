package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.PublicMethodArgumentsContract;

class H2PublicMethodArgumentsContractTest extends PublicMethodArgumentsContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }

    @Override
    protected int tries() {
        return 400;
    }
}
