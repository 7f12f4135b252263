package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a storage checks once, on its first unit of work and before it touches any data: that the
 * database is the one the migrations describe. The schema history (when the SDK's runner keeps
 * one) has every shipped migration, none changed and none newer; every table has its columns; and
 * every primary key and unique constraint or index the rules rely on is there (R2's one patient
 * per NHS number, one referral per UBRN, one ledger entry per idempotency key, one audit record
 * per chain and sequence). A database that lost one fails with a {@link ConfigurationException}
 * naming it, instead of quietly breaking the rule. On H2 it also refuses a database on disk
 * opened without durable commits ({@link #requireDurableH2}).
 *
 * <p>The expected tables, columns and unique keys are read from the migrations themselves
 * ({@code CREATE TABLE}, {@code PRIMARY KEY}, {@code UNIQUE}, {@code CREATE UNIQUE INDEX},
 * {@code ALTER TABLE ... ADD COLUMN}), so they cannot drift from what {@code migrate()} creates.
 */
final class OpenCheck {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)\\s*\\((.*)\\)\\s*");
    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "(?is)CREATE\\s+UNIQUE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)\\s+ON\\s+([a-z_][a-z0-9_]*)"
                    + "\\s*\\(([^)]*)\\).*");
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?is)ALTER\\s+TABLE\\s+([a-z_][a-z0-9_]*)\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*).*");
    private static final Pattern DROP_INDEX = Pattern.compile(
            "(?is)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)\\s*");
    private static final Pattern KEY_LIST = Pattern.compile("(?is)(?:CONSTRAINT\\s+([a-z_][a-z0-9_]*)\\s+)?"
            + "(PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)");

    /** A unique key the rules rely on: its table, its name in the migrations, its columns. */
    record UniqueKey(String table, String name, Set<String> columns) {
    }

    private final Map<String, List<String>> columns = new LinkedHashMap<>();
    private final Map<String, UniqueKey> uniqueKeys = new LinkedHashMap<>();

    /** The schema the scripts create, in version order. */
    OpenCheck(List<MigrationRunner.Script> scripts) {
        for (MigrationRunner.Script script : scripts) {
            for (String statement : MigrationRunner.statements(script.sql())) {
                read(statement.strip());
            }
        }
    }

    /** {@return the tables the migrations create, each with its columns} */
    Map<String, List<String>> tables() {
        return columns;
    }

    /** {@return the unique keys the migrations create} */
    List<UniqueKey> uniqueKeys() {
        return List.copyOf(uniqueKeys.values());
    }

    private void read(String statement) {
        Matcher m = CREATE_TABLE.matcher(statement);
        if (m.matches()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            List<String> cols = new ArrayList<>();
            for (String item : topLevelItems(m.group(2))) {
                Matcher key = KEY_LIST.matcher(item);
                if (key.lookingAt()) {
                    String name = key.group(1) != null ? key.group(1) : table + "_" + key.group(2).split("\\s+")[0];
                    addKey(table, name.toLowerCase(Locale.ROOT), key.group(3));
                    continue;
                }
                String column = item.split("\\s+")[0].toLowerCase(Locale.ROOT);
                cols.add(column);
                String upper = item.toUpperCase(Locale.ROOT);
                if (upper.contains("PRIMARY KEY")) {
                    addKey(table, table + "_primary", column);
                } else if (upper.matches("(?s).*\\bUNIQUE\\b.*")) {
                    addKey(table, table + "_" + column + "_unique", column);
                }
            }
            columns.put(table, cols);
            return;
        }
        m = UNIQUE_INDEX.matcher(statement);
        if (m.matches()) {
            addKey(m.group(2).toLowerCase(Locale.ROOT), m.group(1).toLowerCase(Locale.ROOT), m.group(3));
            return;
        }
        m = ADD_COLUMN.matcher(statement);
        if (m.matches() && columns.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
            columns.get(m.group(1).toLowerCase(Locale.ROOT)).add(m.group(2).toLowerCase(Locale.ROOT));
            return;
        }
        m = DROP_INDEX.matcher(statement);
        if (m.matches()) {
            uniqueKeys.remove(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private void addKey(String table, String name, String columnList) {
        Set<String> cols = new LinkedHashSet<>();
        for (String c : columnList.split(",")) {
            cols.add(c.strip().split("\\s+")[0].toLowerCase(Locale.ROOT));
        }
        uniqueKeys.put(name, new UniqueKey(table, name, Set.copyOf(cols)));
    }

    /** The comma-separated items of a table body, ignoring commas inside parentheses. */
    private static List<String> topLevelItems(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : body.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                items.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (!current.toString().isBlank()) {
            items.add(current.toString().strip());
        }
        return items;
    }

    /**
     * Checks the database behind {@code c} against the migrations.
     *
     * @throws ConfigurationException naming the migration, table, column or unique key at fault
     */
    void check(Connection c, MigrationRunner migrations, SchemaCheck schema) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        String schemaName = c.getSchema() == null ? null : upper ? c.getSchema().toUpperCase(Locale.ROOT) : c.getSchema();
        if (exists(c, meta, schemaName, upper, "schema_history")) {
            Map<Integer, String> applied = MigrationRunner.applied(c);
            migrations.checkApplied(applied);
            for (MigrationRunner.Script s : migrations.scripts()) {
                if (!applied.containsKey(s.migration().version())) {
                    throw new ConfigurationException("migrations", "migration V" + s.migration().version()
                            + " is not applied; call JdbcStorage.migrate() or apply the exported migrations");
                }
            }
        }
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            schema.require(c, table.getKey(), table.getValue(), "the SDK's schema");
        }
        Map<String, Set<Set<String>>> present = new HashMap<>();
        for (UniqueKey key : uniqueKeys.values()) {
            Set<Set<String>> keys = present.computeIfAbsent(key.table(),
                    t -> uniqueColumnSets(c, meta, schemaName, upper, t));
            if (!keys.contains(key.columns())) {
                throw new ConfigurationException("schema." + key.table(), "unique key " + key.name() + " on "
                        + key.table() + " " + new java.util.TreeSet<>(key.columns()) + " is missing; the rules that"
                        + " rely on it cannot hold. Restore it as the migrations create it");
            }
        }
    }

    private static boolean exists(Connection c, DatabaseMetaData meta, String schemaName, boolean upper, String table)
            throws SQLException {
        try (ResultSet rs = meta.getTables(c.getCatalog(), schemaName, upper ? table.toUpperCase(Locale.ROOT) : table,
                null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Set<Set<String>> uniqueColumnSets(Connection c, DatabaseMetaData meta, String schemaName,
            boolean upper, String table) {
        Map<String, Set<String>> byIndex = new HashMap<>();
        try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), schemaName, upper ? table.toUpperCase(Locale.ROOT) : table,
                true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null || rs.getBoolean("NON_UNIQUE")
                        || !rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    continue;
                }
                byIndex.computeIfAbsent(index, i -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("reading the unique keys of " + table, e, null);
        }
        return new HashSet<>(byIndex.values());
    }

    /**
     * H2 writes commits to disk in the background by default ({@code WRITE_DELAY}, 500 ms), so a
     * process killed after a commit was acknowledged can lose it (issue 15: up to 106 of 251
     * acknowledged spends). Only {@code WRITE_DELAY=0} in force when the database is opened makes
     * each commit reach the file before it returns: changed later with {@code SET WRITE_DELAY 0},
     * H2 2.x keeps writing through its background executors, and commits are still lost on
     * {@code kill -9}. So a database on disk must be opened with it ({@code ;WRITE_DELAY=0} on the
     * URL); in-memory databases keep nothing across a crash anyway and are not checked.
     *
     * @return the database's file path, or null for an in-memory database
     * @throws ConfigurationException if the database is on disk and its write delay is not 0
     */
    static String requireDurableH2(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE_PATH(), "
                + "(SELECT MAX(SETTING_VALUE) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY')")) {
            rs.next();
            String path = rs.getString(1);
            requireDurableH2(path != null, rs.getString(2));
            return path;
        }
    }

    /**
     * @param onDisk     whether the database keeps its data in a file
     * @param writeDelay H2's {@code WRITE_DELAY} setting in force
     * @throws ConfigurationException if the database is on disk and its write delay is not 0
     */
    static void requireDurableH2(boolean onDisk, String writeDelay) {
        if (onDisk && !"0".equals(writeDelay)) {
            throw new ConfigurationException("h2.WRITE_DELAY", "an H2 database on disk must be opened with"
                    + " ;WRITE_DELAY=0 on its JDBC URL: otherwise H2 writes commits in the background and an"
                    + " acknowledged commit is lost if the process dies");
        }
    }
}
