package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks that a table and the columns the adapter needs exist, so a
 * type whose migration was never applied fails with a {@link ConfigurationException} that says
 * what to do instead of a bare SQL error. Reads each table's columns once per storage.
 */
final class SchemaCheck {
    /** Per table already read: the columns it has. */
    private final Map<String, Set<String>> presentColumns = new ConcurrentHashMap<>();
    /** Per verified table: its single-column unique indexes other than the primary key, index name to column. */
    private final Map<String, Map<String, String>> uniqueColumns = new ConcurrentHashMap<>();
    /** Per aggregate or entry type already checked: what its store derived from it (its SQL). */
    private final Map<Object, String> checkedTypes = new ConcurrentHashMap<>();

    /**
     * Checks an aggregate or entry type once per storage: the first call runs {@code check} (which
     * fails if a table or column is missing, and then nothing is kept) and keeps what it returns;
     * later calls return that. A store per command no longer re-validates names and columns
     * (issue 13's profile: about 5% of a spend's client CPU).
     *
     * @param type  the {@link io.github.personalcare.spi.AggregateType} or
     *              {@link io.github.personalcare.spi.EntryType}
     * @param check validates the type against the schema and returns what the store derives from it
     */
    String checkedOnce(Object type, Supplier<String> check) {
        String derived = checkedTypes.get(type);
        if (derived == null) {
            derived = check.get();
            checkedTypes.put(type, derived);
        }
        return derived;
    }

    /**
     * The single-column unique indexes of a table checked by {@link #require} (lower-case index name
     * to lower-case column), other than the one on {@code id}: the keys a duplicate insert or update
     * may have collided with.
     */
    Map<String, String> uniqueColumns(String table) {
        return uniqueColumns.getOrDefault(table, Map.of());
    }

    /**
     * @param what names the type, such as {@code "aggregate type care_plan"}
     * @throws ConfigurationException if the table or a column is missing
     */
    void require(Connection c, String table, List<String> columns, String what) throws SQLException {
        Set<String> known = presentColumns.get(table);
        if (known != null) {
            missingColumn(table, columns, known, what);
            return;
        }
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        boolean upper = meta.storesUpperCaseIdentifiers();
        String name = upper ? table.toUpperCase(Locale.ROOT) : table;
        String schemaName = schema == null ? null : (upper ? schema.toUpperCase(Locale.ROOT) : schema);
        Set<String> present = new HashSet<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), schemaName, name, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    present.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        if (present.isEmpty()) {
            throw new ConfigurationException("schema." + table, "table " + table + " for " + what
                    + " does not exist in the database; apply the migrations (JdbcStorage.migrate() or the exported"
                    + " ones) and, for a new type, add a migration made with SchemaDefinitions.ddl");
        }
        missingColumn(table, columns, present, what);
        Map<String, String> unique = new HashMap<>();
        Map<String, Integer> columnsPerIndex = new HashMap<>();
        try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), schemaName, name, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null || !rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    continue;
                }
                String key = index.toLowerCase(Locale.ROOT);
                columnsPerIndex.merge(key, 1, Integer::sum);
                unique.put(key, column.toLowerCase(Locale.ROOT));
            }
        }
        unique.keySet().removeIf(index -> columnsPerIndex.get(index) > 1);
        unique.values().removeIf("id"::equals);
        uniqueColumns.put(table, Map.copyOf(unique));
        presentColumns.put(table, Set.copyOf(present));
    }

    private static void missingColumn(String table, List<String> columns, Set<String> present, String what) {
        for (String column : columns) {
            if (!present.contains(column)) {
                throw new ConfigurationException("schema." + table, "table " + table + " for " + what
                        + " has no column " + column + "; add a migration for it (SchemaDefinitions.ddl shows the"
                        + " expected columns)");
            }
        }
    }
}
