package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.spi.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned SQL migrations shipped on the class path, each once and in order,
 * recording version, description and SHA-256 checksum in {@code schema_history}.
 *
 * <p>Guarantees: the checksum of every applied migration is compared with the shipped one on
 * every run (a changed or unknown applied migration stops the run); two processes migrating at
 * once are serialised (PostgreSQL: a session advisory lock keyed by the current schema; H2: a row
 * lock on {@code schema_lock} held on a separate connection). On PostgreSQL each migration and its
 * history row commit together; H2 commits DDL implicitly, so a migration that fails half-way on H2
 * must be repaired by hand.
 *
 * <p>A migration location holds one folder per dialect ({@code postgresql/}, {@code h2/}), each with
 * {@code V<n>__<description>.sql} files and a {@code migrations.txt} listing them, one per line.
 * Statements end with {@code ;} at the end of a line; lines starting with {@code --} are comments.
 */
final class MigrationRunner {
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    static final String BUILT_IN = "io/github/personalcare/jdbc/migration";
    private static final Pattern FILE = Pattern.compile("V([1-9][0-9]{0,8})__([a-z0-9_]+)\\.sql");
    /** First key of the PostgreSQL advisory lock ("PC"); the second is the hash of the current schema. */
    private static final int ADVISORY_LOCK = 0x5043;

    /** A migration with its file name and text. */
    record Script(Migration migration, String fileName, String sql) {
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<Script> scripts;

    MigrationRunner(DataSource dataSource, Dialect dialect, List<String> locations) {
        this(load(dialect, locations), dataSource, dialect);
    }

    private MigrationRunner(List<Script> scripts, DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.scripts = scripts;
    }

    /**
     * This runner with only the migrations up to {@code version}: a database as an earlier SDK
     * version left it, for upgrade tests.
     */
    MigrationRunner upTo(int version) {
        return new MigrationRunner(scripts.stream().filter(s -> s.migration().version() <= version).toList(),
                dataSource, dialect);
    }

    List<Script> scripts() {
        return scripts;
    }

    private static List<Script> load(Dialect dialect, List<String> locations) {
        Map<Integer, Script> byVersion = new TreeMap<>();
        for (String location : locations) {
            String folder = location + "/" + dialect.folder() + "/";
            String index = read(folder + "migrations.txt");
            if (index == null) {
                throw new ConfigurationException("migrations", "no " + folder + "migrations.txt on the class path");
            }
            for (String line : index.split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                Matcher m = FILE.matcher(name);
                if (!m.matches()) {
                    throw new ConfigurationException("migrations", folder + name + " is not named V<n>__<description>.sql");
                }
                String sql = read(folder + name);
                if (sql == null) {
                    throw new ConfigurationException("migrations", folder + name + " is listed but not on the class path");
                }
                int version = Integer.parseInt(m.group(1));
                Script script = new Script(new Migration(version, m.group(2).replace('_', ' '), sha256(sql)), name, sql);
                if (byVersion.put(version, script) != null) {
                    throw new ConfigurationException("migrations", "two migrations have version " + version);
                }
            }
        }
        return List.copyOf(byVersion.values());
    }

    /**
     * The SDK's own migrations are resources of this module, which only the module itself may read
     * on the module path; a supplier's additional migrations are found through the class loaders.
     */
    private static InputStream open(String resource) throws IOException {
        InputStream in = MigrationRunner.class.getModule().getResourceAsStream(resource);
        if (in == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            in = loader == null ? null : loader.getResourceAsStream(resource);
        }
        if (in == null) {
            in = MigrationRunner.class.getClassLoader().getResourceAsStream(resource);
        }
        return in;
    }

    private static String read(String resource) {
        try (InputStream stream = open(resource)) {
            if (stream == null) {
                return null;
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The statements of a script, split at {@code ;} ending a line, without comment lines. */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new ConfigurationException("migrations", "a statement does not end with ';'");
        }
        return result;
    }

    /** Writes every migration of the dialect into {@code directory} under its own file name. */
    List<Path> export(Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            for (Script s : scripts) {
                written.add(Files.writeString(directory.resolve(s.fileName()), s.sql(), StandardCharsets.UTF_8));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export migrations", e);
        }
    }

    /**
     * Applies the migrations not yet applied; returns them. On PostgreSQL one connection does it
     * all: the session's advisory lock outlives each migration's commit, so a pool of one is
     * enough. On H2 the lock is a row lock held by an open transaction, which a migration's commit
     * (and H2's implicit commit of DDL) would end, so H2 holds it on a second connection: give an
     * H2 pool at least two.
     */
    List<Migration> migrate() {
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.POSTGRESQL) {
                acquire(c);
                try {
                    return applyPending(c);
                } finally {
                    release(c);
                }
            }
            acquire(c);
            try (Connection work = dataSource.getConnection()) {
                return applyPending(work);
            } finally {
                release(c);
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("schema migration", e, dialect);
        }
    }

    private void acquire(Connection lock) throws SQLException {
        lock.setAutoCommit(true);
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_lock(?, hashtext(current_schema()))")) {
                ps.setInt(1, ADVISORY_LOCK);
                ps.execute();
            }
        } else {
            try (Statement st = lock.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_lock (id INTEGER PRIMARY KEY)");
                st.execute("MERGE INTO schema_lock KEY (id) VALUES (1)");
            }
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.executeQuery("SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE").close();
            }
        }
    }

    private void release(Connection lock) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
                ps.setInt(1, ADVISORY_LOCK);
                ps.execute();
            }
        } else {
            lock.rollback();
        }
    }

    private List<Migration> applyPending(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_history (version INTEGER PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        Map<Integer, String> applied = applied(c);
        int highestApplied = checkApplied(applied);
        List<Migration> done = new ArrayList<>();
        for (Script s : scripts) {
            int version = s.migration().version();
            if (applied.containsKey(version)) {
                continue;
            }
            if (version < highestApplied) {
                throw new ConfigurationException("migrations", "migration V" + version
                        + " is older than the applied V" + highestApplied + "; give it a higher version");
            }
            apply(c, s);
            done.add(s.migration());
        }
        return done;
    }

    /** The schema history: applied version to checksum. */
    static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /**
     * Checks the applied migrations against the shipped ones: none unknown to this SDK version (a
     * newer schema), none changed since it was applied.
     *
     * @return the highest applied version, 0 if none
     * @throws ConfigurationException naming the migration at fault
     */
    int checkApplied(Map<Integer, String> applied) {
        Map<Integer, Script> shipped = new TreeMap<>();
        scripts.forEach(s -> shipped.put(s.migration().version(), s));
        int highestApplied = 0;
        for (Map.Entry<Integer, String> a : applied.entrySet()) {
            Script s = shipped.get(a.getKey());
            if (s == null) {
                throw new ConfigurationException("migrations", "the database has migration V" + a.getKey()
                        + ", which this version of the SDK does not ship; upgrade the SDK");
            }
            if (!s.migration().checksum().equals(a.getValue())) {
                throw new ConfigurationException("migrations", "migration V" + a.getKey()
                        + " was changed after it was applied (checksum differs); never edit an applied migration");
            }
            highestApplied = Math.max(highestApplied, a.getKey());
        }
        return highestApplied;
    }

    private void apply(Connection c, Script s) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                for (String sql : statements(s.sql())) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_history (version, description, checksum) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.migration().version());
                ps.setString(2, s.migration().description());
                ps.setString(3, s.migration().checksum());
                ps.executeUpdate();
            }
            c.commit();
            log.info("applied migration V{} ({})", s.migration().version(), s.migration().description());
        } catch (SQLException e) {
            c.rollback();
            StorageException failure = SqlErrors.failure("migration V" + s.migration().version(), e, dialect);
            throw failure;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
