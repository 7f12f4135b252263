package io.github.personalcare.testkit;

import io.github.personalcare.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every contract class: gives each test a new, empty storage from {@link #newStorage()}
 * and closes it afterwards. An adapter's test extends each contract class and supplies its store:
 *
 * <pre>{@code
 * class H2TransactionContractTest extends TransactionContract {
 *     @Override protected Storage newStorage() { return H2Databases.fresh(); }
 * }
 * }</pre>
 *
 * Name subclasses {@code <Backend><Concern>ContractTest} so reports show which backend ran what.
 */
public abstract class StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected StorageContract() {
    }

    /** The storage under test, new and empty for each test. */
    protected Storage storage;

    /**
     * A new, empty storage; called once per test.
     *
     * @return the storage
     */
    protected abstract Storage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }
}
