package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.AuditTrailContract;

class PostgresAuditTrailContractIT extends AuditTrailContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
