package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

class InMemoryOutboxContractTest extends OutboxContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected boolean keepsDeliveredEntries() {
        return false;
    }
}
