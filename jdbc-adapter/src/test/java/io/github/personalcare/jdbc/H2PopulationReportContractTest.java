package io.github.personalcare.jdbc;

import io.github.personalcare.spi.Storage;
import io.github.personalcare.testkit.PopulationReportContract;

class H2PopulationReportContractTest extends PopulationReportContract {
    @Override
    protected Storage newStorage() {
        return TestDatabases.h2();
    }
}
