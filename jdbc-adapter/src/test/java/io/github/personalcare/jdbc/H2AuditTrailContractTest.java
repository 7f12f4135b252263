package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.AuditTrailContract;

class H2AuditTrailContractTest extends AuditTrailContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
