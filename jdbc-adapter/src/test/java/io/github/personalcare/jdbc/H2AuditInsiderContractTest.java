package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;

class H2AuditInsiderContractTest extends JdbcAuditInsiderScenarios {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
