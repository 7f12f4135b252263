package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.FeedbackStorageContract;

class H2FeedbackStorageContractTest extends FeedbackStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
