package io.github.personalcare.jdbc;

import io.github.personalcare.lang.ConfigurationException;

import java.util.Locale;

/**
 * The SQL dialects {@link JdbcStorage} speaks: PostgreSQL 13 or later (production) and H2 2.x
 * (embedded). Each has its own set of migrations and column types; the behaviour the storage
 * contract defines is the same on both.
 */
public enum Dialect {
    /** PostgreSQL 13+: jsonb documents, advisory lock for migrations, transactional DDL. */
    POSTGRESQL("postgresql", "uuid", "jsonb", "text COLLATE \"C\""),
    /** H2 2.x: documents as character large objects; DDL commits implicitly. */
    H2("h2", "UUID", "CHARACTER LARGE OBJECT", "CHARACTER VARYING");

    private final String folder;
    private final String uuidType;
    private final String documentType;
    private final String textType;

    Dialect(String folder, String uuidType, String documentType, String textType) {
        this.folder = folder;
        this.uuidType = uuidType;
        this.documentType = documentType;
        this.textType = textType;
    }

    /**
     * The dialect of a database product, as JDBC names it ({@code DatabaseMetaData.getDatabaseProductName()}).
     *
     * @param productName the product name; null reads as unsupported
     * @return the dialect
     * @throws ConfigurationException if the product is neither PostgreSQL nor H2
     */
    public static Dialect ofProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new ConfigurationException("dialect", "unsupported database product; JdbcStorage supports PostgreSQL and H2");
    }

    /** The folder of this dialect's migrations under a migration location. */
    String folder() {
        return folder;
    }

    String uuidType() {
        return uuidType;
    }

    String documentType() {
        return documentType;
    }

    String textType() {
        return textType;
    }

    /** The parameter marker for a JSON document: PostgreSQL casts text to jsonb. */
    String documentParameter() {
        return this == POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }
}
