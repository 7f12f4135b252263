package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.RecordImportContract;

/**
 * The bulk path's contract on a storage kept to one patient per transaction (as for a database
 * sharded by patient): chunks are refused with {@code UNSUPPORTED} and every record is imported in a
 * transaction of its own, with the same results.
 */
class H2OnePatientPerTransactionImportContractTest extends RecordImportContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2(true);
    }
}
