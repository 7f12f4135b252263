package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

class InMemoryOutboxRelayContractTest extends OutboxRelayContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected boolean keepsDeliveredEntries() {
        return false;
    }
}
