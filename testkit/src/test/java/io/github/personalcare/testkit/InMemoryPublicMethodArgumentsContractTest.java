package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

class InMemoryPublicMethodArgumentsContractTest extends PublicMethodArgumentsContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
