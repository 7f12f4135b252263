/**
 * Storage on PostgreSQL (production) and H2 (embedded): versioned migrations, the transactional
 * outbox and its relay. Start at {@link io.github.personalcare.jdbc.JdbcStorage}. The JDBC drivers
 * are optional: the supplier brings the one they run.
 */
@SuppressWarnings("requires-automatic") // pgjdbc is an automatic module (Automatic-Module-Name)
module io.github.personalcare.jdbc {
    requires transitive io.github.personalcare.core;
    requires transitive java.sql;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires static org.postgresql.jdbc;

    exports io.github.personalcare.jdbc;
}
