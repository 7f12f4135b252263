package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the {@code CREATE TABLE} statements for an aggregate or entry type, so that adding a type
 * is: generate its DDL for each dialect, save it as the next versioned migration of each dialect
 * (for example {@code migration/postgresql/V2__care_plan.sql}), list it in
 * {@code migrations.txt}. Production tables are only ever created by migrations; this class does
 * not touch a database.
 *
 * <p>An aggregate table is named after {@link AggregateType#name()} and has {@code id},
 * {@code patient_id}, {@code version}, {@code doc} (the aggregate as JSON) and one typed column per
 * declared {@link Index}, named as the index, with a database index on {@code patient_id} and on
 * each index column. An entry table has {@code owner_id}, {@code patient_id}, {@code seq} (position
 * in the owner's log), {@code idempotency_key} (unique per owner) and {@code doc}.
 *
 * <pre>{@code
 * System.out.println(SchemaDefinitions.ddl(CarePlanStores.PLANS, Dialect.POSTGRESQL));
 * }</pre>
 */
public final class SchemaDefinitions {
    /** Longest identifier PostgreSQL keeps without truncating. */
    private static final int MAX_IDENTIFIER = 63;

    /** Tables of the foundation migration; no aggregate or entry type may use these names. */
    static final Set<String> FOUNDATION_TABLES = Set.of("audit", "audit_chain_head", "outbox", "outbox_dead_letter",
            "schema_history", "schema_lock");

    private static final Set<String> AGGREGATE_COLUMNS = Set.of("id", "patient_id", "version", "doc");

    private static final Set<String> ENTRY_COLUMNS = Set.of("owner_id", "patient_id", "seq", "idempotency_key", "doc");

    /** Words reserved in PostgreSQL or H2 2.x, which would need quoting as table or column names. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "binary", "both", "case", "cast", "check", "collate", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_path", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "day", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "grant", "group", "groups", "having", "hour", "if", "ilike", "in", "initially", "inner", "intersect",
            "intersects", "interval", "into", "is", "isnull", "join", "key", "lateral", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "minus", "minute", "month", "natural", "not", "notnull", "null",
            "offset", "on", "only", "or", "order", "outer", "over", "overlaps", "partition", "placing", "primary",
            "qualify", "range", "references", "regexp", "returning", "right", "row", "rownum", "rows", "second",
            "select", "session_user", "set", "similar", "some", "symmetric", "system_user", "table", "tablesample",
            "then", "to", "top", "trailing", "true", "uescape", "union", "unique", "unknown", "user", "using", "value",
            "values", "variadic", "verbose", "when", "where", "window", "with", "year", "_rowid_");

    private SchemaDefinitions() {
    }

    /**
     * The DDL of the aggregate type's table and its indexes, one statement per line group, each
     * ending with {@code ;}.
     *
     * @param type    the aggregate type
     * @param dialect the database dialect
     * @return the statements
     * @throws ConfigurationException if the type's name or an index name cannot be a table or
     *                                column (a reserved word, a foundation table, or one of the
     *                                fixed columns)
     */
    public static String ddl(AggregateType<?, ?> type, Dialect dialect) {
        String table = checkTable(type.name());
        StringBuilder sb = new StringBuilder();
        sb.append("CREATE TABLE ").append(table).append(" (\n");
        sb.append("    id ").append(dialect.uuidType()).append(" PRIMARY KEY,\n");
        sb.append("    patient_id ").append(dialect.uuidType()).append(" NOT NULL,\n");
        sb.append("    version BIGINT NOT NULL,\n");
        sb.append("    doc ").append(dialect.documentType()).append(" NOT NULL");
        for (Index<?> index : type.indexes()) {
            String column = checkIndex(type.name(), index.name());
            sb.append(",\n    ").append(column).append(' ').append(columnType(index, dialect));
        }
        sb.append("\n);\n");
        sb.append("CREATE INDEX ").append(indexName(table, "patient")).append(" ON ").append(table)
                .append(" (patient_id);\n");
        for (Index<?> index : type.indexes()) {
            sb.append("CREATE INDEX ").append(columnIndexName(table, index.name())).append(" ON ").append(table)
                    .append(" (").append(index.name()).append(");\n");
        }
        return sb.toString();
    }

    /**
     * The DDL that adds indexes declared after the type's table was created: one
     * {@code ALTER TABLE ... ADD COLUMN} and one {@code CREATE INDEX} per index, named as
     * {@link #ddl(AggregateType, Dialect)} names them. Existing rows hold null in the new columns
     * until written again (or until a migration fills them).
     *
     * @param type    the aggregate type, declaring the indexes
     * @param indexes names of its declared indexes to add
     * @param dialect the database dialect
     * @return the statements
     * @throws ConfigurationException if the type declares no index of one of the names, or a name
     *                                cannot be a column
     */
    public static String addIndexes(AggregateType<?, ?> type, List<String> indexes, Dialect dialect) {
        String table = checkTable(type.name());
        StringBuilder sb = new StringBuilder();
        for (String name : indexes) {
            Index<?> index = type.index(name).orElseThrow(() -> new ConfigurationException(
                    "schema." + type.name() + "." + name, "the type declares no index of that name"));
            String column = checkIndex(type.name(), name);
            sb.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(column).append(' ')
                    .append(columnType(index, dialect)).append(";\n");
            sb.append("CREATE INDEX ").append(columnIndexName(table, name)).append(" ON ").append(table)
                    .append(" (").append(column).append(");\n");
        }
        return sb.toString();
    }

    /**
     * The DDL of a unique index on one index column of the aggregate type's table, named
     * {@code <table>_<index>_key}, for a value the database must keep unique across all patients
     * (such as a referral's UBRN, R4, or a patient's NHS number, R2). Rows whose column is null are
     * not compared. An insert or update that would break it fails with a
     * {@link io.github.personalcare.spi.DuplicateKeyException} naming the type and the index, never
     * the value. Add it in a migration after the table's own DDL.
     *
     * @param type    the aggregate type
     * @param index   the name of one of its declared indexes
     * @param dialect the database dialect
     * @return the statement
     * @throws ConfigurationException if the type declares no index of that name
     */
    public static String uniqueIndex(AggregateType<?, ?> type, String index, Dialect dialect) {
        String table = checkTable(type.name());
        if (type.index(index).isEmpty()) {
            throw new ConfigurationException("schema." + type.name() + "." + index,
                    "the type declares no index of that name");
        }
        String column = checkIndex(type.name(), index);
        return "CREATE UNIQUE INDEX " + identifier(table, column, "_key")
                + " ON " + table + " (" + column + ");\n";
    }

    /**
     * The name of the database index on an index column: {@code <table>_<index>_idx}, except for an
     * index named {@code patient}, whose name would clash with the index on {@code patient_id}: it
     * becomes {@code <table>_patient_column_idx}.
     */
    static String columnIndexName(String table, String index) {
        return indexName(table, "patient".equals(index) ? "patient_column" : index);
    }

    /**
     * The DDL of the entry type's append-only table: entries keyed by owner and position, with an
     * idempotency key unique per owner, and one typed column per declared {@link Index}, named as
     * the index. Entry columns get no database index of their own: a report's migration adds the
     * composite index its totals need (see {@code V11__ledger_report_columns.sql}).
     *
     * @param type    the entry type
     * @param dialect the database dialect
     * @return the statements
     * @throws ConfigurationException if the type's name cannot be a table name, or an index name
     *                                cannot be a column
     */
    public static String ddl(EntryType<?> type, Dialect dialect) {
        String table = checkTable(type.name());
        StringBuilder sb = new StringBuilder();
        sb.append("CREATE TABLE ").append(table).append(" (\n")
                .append("    owner_id ").append(dialect.uuidType()).append(" NOT NULL,\n")
                .append("    patient_id ").append(dialect.uuidType()).append(" NOT NULL,\n")
                .append("    seq BIGINT NOT NULL,\n")
                .append("    idempotency_key ").append(dialect.textType()).append(" NOT NULL,\n")
                .append("    doc ").append(dialect.documentType()).append(" NOT NULL,\n");
        for (Index<?> index : type.indexes()) {
            sb.append("    ").append(checkEntryIndex(type.name(), index.name())).append(' ')
                    .append(columnType(index, dialect)).append(",\n");
        }
        return sb.append("    PRIMARY KEY (owner_id, seq),\n")
                .append("    CONSTRAINT ").append(indexName(table, "idempotency_key"))
                .append(" UNIQUE (owner_id, idempotency_key)\n")
                .append(");\n")
                .append("CREATE INDEX ").append(indexName(table, "patient")).append(" ON ").append(table)
                .append(" (patient_id);\n").toString();
    }

    /**
     * The DDL that adds columns for indexes declared after the entry type's table was created: one
     * {@code ALTER TABLE ... ADD COLUMN} per index, as {@link #ddl(EntryType, Dialect)} types them.
     * Existing rows hold null until the migration fills them from their documents.
     *
     * @param type    the entry type, declaring the indexes
     * @param indexes names of its declared indexes to add
     * @param dialect the database dialect
     * @return the statements
     * @throws ConfigurationException if the type declares no index of one of the names, or a name
     *                                cannot be a column
     */
    public static String addIndexes(EntryType<?> type, List<String> indexes, Dialect dialect) {
        String table = checkTable(type.name());
        StringBuilder sb = new StringBuilder();
        for (String name : indexes) {
            Index<?> index = type.index(name).orElseThrow(() -> new ConfigurationException(
                    "schema." + type.name() + "." + name, "the type declares no index of that name"));
            sb.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(checkEntryIndex(type.name(), name))
                    .append(' ').append(columnType(index, dialect)).append(";\n");
        }
        return sb.toString();
    }

    private static String columnType(Index<?> index, Dialect dialect) {
        switch (index.kind()) {
            case TEXT:
                return dialect.textType();
            case DATE:
                return "DATE";
            case NUMBER:
                return "BIGINT";
            case BOOLEAN:
                return "BOOLEAN";
            default:
                throw new IllegalStateException();
        }
    }

    static String checkTable(String name) {
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("schema." + name, "the type name is a reserved SQL word; choose another");
        }
        if (FOUNDATION_TABLES.contains(name)) {
            throw new ConfigurationException("schema." + name, "the type name is taken by a foundation table");
        }
        return name;
    }

    static String checkIndex(String type, String index) {
        if (RESERVED.contains(index.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("schema." + type + "." + index, "the index name is a reserved SQL word");
        }
        if (AGGREGATE_COLUMNS.contains(index)) {
            throw new ConfigurationException("schema." + type + "." + index, "the index name is a fixed column");
        }
        return index;
    }

    static String checkEntryIndex(String type, String index) {
        checkIndex(type, index);
        if (ENTRY_COLUMNS.contains(index)) {
            throw new ConfigurationException("schema." + type + "." + index, "the index name is a fixed column");
        }
        return index;
    }

    /** {@code <table>_<suffix>_idx}, or a hashed name when that is longer than PostgreSQL keeps. */
    static String indexName(String table, String suffix) {
        return identifier(table, suffix, "_idx");
    }

    /** {@code <table>_<suffix><ending>}, or a hashed name when that is longer than PostgreSQL keeps. */
    private static String identifier(String table, String suffix, String ending) {
        String name = table + "_" + suffix + ending;
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((table + "." + suffix + ("_idx".equals(ending) ? "" : ending)).getBytes(StandardCharsets.UTF_8));
            return ("_idx".equals(ending) ? "ix_" : "uq_") + HexFormat.of().formatHex(digest, 0, 8) + "_" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
