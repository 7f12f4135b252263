package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.AppointmentStorageContract;

class PostgresAppointmentStorageContractIT extends AppointmentStorageContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.postgres();
    }
}
