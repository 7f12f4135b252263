package io.github.personalcare.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A queryable attribute of an aggregate (status, next review date): a name, a kind and how to
 * read it. A JDBC adapter gives each index a column of the aggregate's table, named as the index.
 *
 * @param name      lower_snake_case, the column name in a JDBC adapter
 * @param kind      the kind of value
 * @param extractor reads the value from an aggregate
 * @param <A>       the aggregate type
 */
public record Index<A>(String name, IndexKind kind, Function<? super A, ?> extractor) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    /**
     * Checks the index: every component is required and the name is lower_snake_case of at most 30
     * characters.
     *
     * @param name      lower_snake_case, the column name in a JDBC adapter
     * @param kind      the kind of value
     * @param extractor reads the value from an aggregate
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the name is not lower_snake_case of at most 30 characters
     */
    public Index {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("index name must be lower_snake_case, at most 30 characters");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(extractor, "extractor");
    }

    /**
     * A text index; enums give their name, record ids their UUID, absent values null.
     *
     * @param <A>       the aggregate type
     * @param name      the index name
     * @param extractor reads the value
     * @return the index
     */
    public static <A> Index<A> text(String name, Function<? super A, ?> extractor) {
        return new Index<>(name, IndexKind.TEXT, extractor);
    }

    /**
     * A date index.
     *
     * @param <A>       the aggregate type
     * @param name      the index name
     * @param extractor reads the date
     * @return the index
     */
    public static <A> Index<A> date(String name, Function<? super A, LocalDate> extractor) {
        return new Index<>(name, IndexKind.DATE, extractor);
    }

    /**
     * A numeric index.
     *
     * @param <A>       the aggregate type
     * @param name      the index name
     * @param extractor reads the number
     * @return the index
     */
    public static <A> Index<A> number(String name, Function<? super A, Long> extractor) {
        return new Index<>(name, IndexKind.NUMBER, extractor);
    }

    /**
     * A boolean index.
     *
     * @param <A>       the aggregate type
     * @param name      the index name
     * @param extractor reads the flag
     * @return the index
     */
    public static <A> Index<A> bool(String name, Function<? super A, Boolean> extractor) {
        return new Index<>(name, IndexKind.BOOLEAN, extractor);
    }

    /**
     * Reads the normalised index value of an aggregate (may be null).
     *
     * @param aggregate the aggregate
     * @return the normalised value, or null if it has none
     * @throws IllegalArgumentException if the value does not suit the index's kind
     */
    public Object valueOf(A aggregate) {
        return normalise(kind, extractor.apply(aggregate));
    }

    /**
     * Normalises a value to the Java type of the kind: enums to names, ids to UUID strings.
     *
     * @param kind  the index's kind
     * @param value the value read, possibly an {@code Optional}; may be null
     * @return a {@code String}, {@code LocalDate}, {@code Long} or {@code Boolean}, or null for an
     *         absent value
     * @throws IllegalArgumentException if the value does not suit the kind
     */
    public static Object normalise(IndexKind kind, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Optional<?> o) {
            return normalise(kind, o.orElse(null));
        }
        switch (kind) {
            case TEXT:
                if (value instanceof Enum<?> e) {
                    return e.name();
                }
                if (value instanceof io.github.personalcare.identity.RecordId id) {
                    return id.value().toString();
                }
                return value.toString();
            case DATE:
                if (value instanceof LocalDate) {
                    return value;
                }
                throw new IllegalArgumentException("DATE index value must be a LocalDate");
            case NUMBER:
                if (value instanceof Number n) {
                    return n.longValue();
                }
                throw new IllegalArgumentException("NUMBER index value must be a number");
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw new IllegalArgumentException("BOOLEAN index value must be a Boolean");
            default:
                throw new IllegalStateException();
        }
    }
}
