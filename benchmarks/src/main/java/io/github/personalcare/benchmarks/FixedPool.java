package io.github.personalcare.benchmarks;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A fixed pool of physical connections for the timed harness, as a supplier's pool would hand
 * them out (no pool library: the benchmarks add no dependency for it). {@code close()} returns a
 * connection to the pool. Counts statements executed and commits, to report them per command, and
 * sums the time each statement took ({@link #TIMES}).
 */
final class FixedPool implements DataSource, AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final Connection[] all;
    final AtomicLong statements = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    private final int[] backendPids;
    private final String url;

    /** Opens {@code size} connections to {@code url}, each running {@code setup} once. */
    FixedPool(String url, int size, String setup) throws SQLException {
        this.url = url;
        idle = new ArrayBlockingQueue<>(size);
        all = new Connection[size];
        backendPids = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = DriverManager.getConnection(url);
            try (Statement s = all[i].createStatement()) {
                if (setup != null) {
                    s.execute(setup);
                }
                try (java.sql.ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                    r.next();
                    backendPids[i] = r.getInt(1);
                }
            }
            idle.add(all[i]);
        }
    }

    /**
     * Forgets the server's per-statement figures, if {@code pg_stat_statements} is installed and
     * loaded (it needs {@code shared_preload_libraries}); false when it is not.
     */
    boolean resetStatementStats() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The server's figures for the statements run since {@link #resetStatementStats}, the most
     * costly first, per call: mean execution time, shared buffers touched and WAL bytes written.
     * Empty when {@code pg_stat_statements} is not available.
     */
    java.util.List<String> statementStats(int limit) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT calls, mean_exec_time, "
                        + "(shared_blks_hit + shared_blks_read)::float8 / calls, wal_bytes::float8 / calls, "
                        + "left(regexp_replace(query, '\\s+', ' ', 'g'), 60) FROM pg_stat_statements "
                        + "WHERE calls > 100 AND query NOT LIKE '%pg_stat_statements%' "
                        + "ORDER BY total_exec_time DESC LIMIT " + limit)) {
            while (r.next()) {
                lines.add(String.format(java.util.Locale.ROOT, "%7d calls %7.3f ms %6.1f blocks %6.0f WAL bytes  %s",
                        r.getLong(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getString(5)));
            }
        } catch (SQLException e) {
            lines.clear();
        }
        return lines;
    }

    /**
     * CPU time used so far by the server processes behind this pool's connections, in nanoseconds,
     * read from {@code /proc} (clock ticks of 10 ms); -1 when the server is not on this machine or
     * the system has no {@code /proc}. The server's share of an operation's cost, which the
     * client's CPU time does not show.
     */
    long serverCpuNanos() {
        long ticks = 0;
        for (int pid : backendPids) {
            java.nio.file.Path stat = java.nio.file.Path.of("/proc", Integer.toString(pid), "stat");
            try {
                String line = java.nio.file.Files.readString(stat);
                if (!line.contains("(postgres)")) {
                    return -1;
                }
                // fields after the command name: state is field 3; utime and stime are fields 14 and 15
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
        return ticks * 10_000_000L;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection");
        }
        Connection physical = c;
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!returned[0]) {
                                returned[0] = true;
                                idle.add(physical);
                            }
                            return null;
                        case "isClosed":
                            return returned[0];
                        case "commit":
                            commits.incrementAndGet();
                            break;
                        default:
                            break;
                    }
                    long t0 = System.nanoTime();
                    Object result = invoke(physical, method, args);
                    if (method.getName().equals("commit")) {
                        TIMES.computeIfAbsent("COMMIT", k -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
                    }
                    String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : "?";
                    return result instanceof Statement s ? counting(s, sql) : result;
                });
    }

    /** Nanoseconds spent executing statements (and commits), by the first 50 characters of their SQL. */
    static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    private Object counting(Statement s, String sql) {
        Class<?> type = s instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                long t0 = System.nanoTime();
                try {
                    return invoke(s, method, args);
                } finally {
                    TIMES.computeIfAbsent(sql.substring(0, Math.min(50, sql.length())), k -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
                }
            }
            return invoke(s, method, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : all) {
            c.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
