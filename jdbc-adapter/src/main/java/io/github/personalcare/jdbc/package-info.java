/**
 * Storage on a relational database: PostgreSQL 13+ in production, H2 2.x as the durable
 * embedded option. Start at {@link io.github.personalcare.jdbc.JdbcStorage}, built from a
 * {@code javax.sql.DataSource} the supplier owns; one unit of work is one JDBC transaction.
 * The schema is shipped as versioned SQL migrations ({@code JdbcStorage.migrate()}), and
 * {@link io.github.personalcare.jdbc.SchemaDefinitions} writes the tables of new aggregate types.
 * Depends on core, Jackson (aggregates as JSON documents) and the supplier's JDBC driver.
 */
package io.github.personalcare.jdbc;
