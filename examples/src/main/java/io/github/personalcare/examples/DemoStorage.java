package io.github.personalcare.examples;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.jdbc.JdbcStorage;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;

import javax.sql.DataSource;
import java.util.Optional;

/** Chooses the demo's storage from {@code --jdbc-url}: H2 (file or memory), PostgreSQL, or in-memory. */
final class DemoStorage {
    private DemoStorage() {
    }

    static Storage open(Optional<String> jdbcUrl) {
        if (jdbcUrl.isEmpty()) {
            return new InMemoryStorage();
        }
        String url = jdbcUrl.get();
        DataSource ds;
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            ds = h2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            // Server error details can quote stored values: keep them out of exceptions and logs.
            pg.setLogServerErrorDetail(false);
            ds = pg;
        } else {
            throw new ConfigurationException("--jdbc-url", "must start with jdbc:h2: or jdbc:postgresql:");
        }
        JdbcStorage storage = JdbcStorage.detect(ds);
        storage.migrate();
        return storage;
    }

    static String describe(Optional<String> jdbcUrl) {
        if (jdbcUrl.isEmpty()) {
            return "in-memory storage";
        }
        return jdbcUrl.get().startsWith("jdbc:h2:") ? "H2 storage" : "PostgreSQL storage";
    }
}
