package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

class InMemoryAppointmentStorageContractTest extends AppointmentStorageContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
