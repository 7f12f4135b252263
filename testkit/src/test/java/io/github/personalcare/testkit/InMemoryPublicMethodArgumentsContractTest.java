package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class InMemoryPublicMethodArgumentsContractTest extends PublicMethodArgumentsContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }

    /**
     * Issue 15 item 7 as a jqwik property: beyond the fixed seed of the contract's test, any seed
     * jqwik draws (each on a fresh store and fixture) gives only typed errors, and no refusal
     * stores anything.
     */
    @Property(tries = 30)
    void anySeedGivesOnlyTypedErrorsAndARefusalStoresNothing(@ForAll long seed) throws IllegalAccessException {
        InMemoryPublicMethodArgumentsContractTest run = new InMemoryPublicMethodArgumentsContractTest();
        run.storage = run.newStorage();
        try {
            run.callWithRandomArguments(seed, 100);
        } finally {
            run.storage.close();
        }
    }
}
