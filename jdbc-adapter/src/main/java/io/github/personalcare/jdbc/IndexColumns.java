package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.IndexKind;
import io.github.personalcare.spi.Query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Index columns of aggregate and entry tables: binding, reading and WHERE clauses over them. */
final class IndexColumns {
    private IndexColumns() {
    }

    /**
     * Binds one index value. Text is checked as plain text (no NUL, no unpaired surrogate) first;
     * {@code field} names the column in the error.
     */
    static void bind(PreparedStatement ps, int i, IndexKind kind, Object value, String field) throws SQLException {
        switch (kind) {
            case TEXT:
                if (value == null) {
                    ps.setNull(i, Types.VARCHAR);
                } else {
                    String text = (String) value;
                    String problem = JsonDocuments.plainTextProblem(text);
                    if (problem != null) {
                        throw new InvalidInputException(field, "TEXT", problem);
                    }
                    ps.setString(i, text);
                }
                break;
            case DATE:
                if (value == null) {
                    ps.setNull(i, Types.DATE);
                } else {
                    ps.setObject(i, (LocalDate) value);
                }
                break;
            case NUMBER:
                if (value == null) {
                    ps.setNull(i, Types.BIGINT);
                } else {
                    ps.setLong(i, (Long) value);
                }
                break;
            case BOOLEAN:
                if (value == null) {
                    ps.setNull(i, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i, (Boolean) value);
                }
                break;
            default:
                throw new IllegalStateException();
        }
    }

    /** Reads one index column as {@link Index#normalise} would hold it; null stays null. */
    static Object read(ResultSet rs, int column, IndexKind kind) throws SQLException {
        Object value;
        switch (kind) {
            case TEXT: value = rs.getString(column); break;
            case DATE: value = rs.getObject(column, LocalDate.class); break;
            case NUMBER: value = rs.getLong(column); break;
            case BOOLEAN: value = rs.getBoolean(column); break;
            default: throw new IllegalStateException();
        }
        return rs.wasNull() ? null : value;
    }

    /** A WHERE clause being built, with its parameters and how to bind each. */
    static final class Where {
        final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        private final List<Object> values = new ArrayList<>();
        private final List<IndexKind> kinds = new ArrayList<>();
        private final String table;

        /** @param table the type's name, naming a column in a bad-value error */
        Where(String table) {
            this.table = table;
        }

        /** Adds {@code AND <sql>} with one parameter bound as is (no index kind). */
        void raw(String condition, Object value) {
            sql.append(" AND ").append(condition);
            values.add(value);
            kinds.add(null);
        }

        /** Adds the query's criteria on {@code alias}'s index columns, read by name from {@code indexes}. */
        <T> void criteria(String alias, String type, Function<String, Optional<Index<T>>> indexes, Query query,
                Function<String, String> column) {
            for (Query.Criterion c : query.criteria()) {
                Index<T> index = indexes.apply(c.index())
                        .orElseThrow(() -> new IllegalArgumentException("no index " + c.index() + " on " + type));
                String name = alias + "." + column.apply(index.name());
                if (c.op() == Query.Op.GT_OR_NULL) {
                    sql.append(" AND (").append(name).append(" IS NULL OR ").append(name).append(" > ?)");
                } else {
                    sql.append(" AND ").append(name).append(' ').append(operator(c.op())).append(" ?");
                }
                values.add(Index.normalise(index.kind(), c.value()));
                kinds.add(index.kind());
            }
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                if (kinds.get(i) == null) {
                    ps.setObject(i + 1, values.get(i));
                } else {
                    IndexColumns.bind(ps, i + 1, kinds.get(i), values.get(i), table);
                }
            }
        }
    }

    private static String operator(Query.Op op) {
        switch (op) {
            case EQ: return "=";
            case LT: return "<";
            case LE: return "<=";
            case GT: return ">";
            case GE: return ">=";
            default: throw new IllegalStateException();
        }
    }
}
