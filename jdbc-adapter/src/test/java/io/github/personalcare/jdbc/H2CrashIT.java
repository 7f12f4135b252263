package io.github.personalcare.jdbc;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The crash test on H2 in file mode, opened as the adapter requires ({@code WRITE_DELAY=0}, see
 * {@link H2DurabilityTest}): every acknowledged commit survives SIGKILL (issue 15 item 1). With
 * H2's default write delay the same run lost the last acknowledged spends.
 */
class H2CrashIT extends CrashScenarios {
    @TempDir
    Path directory;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("care").toAbsolutePath() + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    @Override
    List<String> target() {
        return List.of(url(), "PUBLIC");
    }

    @Override
    JdbcStorage reopen() {
        return JdbcStorage.h2(TestDatabases.h2DataSource(url()));
    }
}
