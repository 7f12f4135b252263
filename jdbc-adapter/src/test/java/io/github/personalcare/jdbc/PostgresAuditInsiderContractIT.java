package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;

class PostgresAuditInsiderContractIT extends JdbcAuditInsiderScenarios {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
