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
    /** Whether the server runs on this machine, so its processes' CPU can be read from /proc. */
    private final boolean local;

    /** Opens {@code size} connections to {@code url}, each running {@code setup} once. */
    FixedPool(String url, int size, String setup) throws SQLException {
        this.url = url;
        this.local = url.startsWith("jdbc:postgresql://127.0.0.1") || url.startsWith("jdbc:postgresql://localhost")
                || url.startsWith("jdbc:postgresql:///") || url.startsWith("jdbc:postgresql://[::1]");
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

    /** Cumulative figures of one statement of {@code pg_stat_statements}: calls, execution ms, buffers, WAL bytes. */
    record StatementTotals(String query, long calls, double execMillis, double buffers, double walBytes) {
    }

    /**
     * The server's cumulative figures per statement of this database, if {@code pg_stat_statements}
     * is installed and loaded (it needs {@code shared_preload_libraries}); empty when it is not. Read
     * before and after a phase and compared ({@link #statementStats}), never reset: the server may be
     * shared and its statistics someone else's.
     */
    java.util.Map<Long, StatementTotals> statementTotals() {
        java.util.Map<Long, StatementTotals> totals = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT queryid, calls, total_exec_time, "
                        + "shared_blks_hit + shared_blks_read, wal_bytes, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) "
                        + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            while (r.next()) {
                totals.put(r.getLong(1), new StatementTotals(r.getString(6), r.getLong(2), r.getDouble(3),
                        r.getDouble(4), r.getDouble(5)));
            }
        } catch (SQLException e) {
            totals.clear();
        }
        return totals;
    }

    /**
     * The server's figures for the statements run between two readings of {@link #statementTotals},
     * the most costly first, per call: mean execution time, shared buffers touched, WAL bytes written.
     */
    static java.util.List<String> statementStats(java.util.Map<Long, StatementTotals> before,
            java.util.Map<Long, StatementTotals> after, int limit) {
        record Delta(String query, long calls, double exec, double buffers, double wal) {
        }
        return after.entrySet().stream().map(e -> {
            StatementTotals a = e.getValue();
            StatementTotals b = before.getOrDefault(e.getKey(), new StatementTotals(a.query(), 0, 0, 0, 0));
            return new Delta(a.query(), a.calls() - b.calls(), a.execMillis() - b.execMillis(),
                    a.buffers() - b.buffers(), a.walBytes() - b.walBytes());
        }).filter(d -> d.calls() > 100 && !d.query().contains("pg_stat_statements"))
                .sorted(java.util.Comparator.comparingDouble(Delta::exec).reversed()).limit(limit)
                .map(d -> String.format(java.util.Locale.ROOT, "%7d calls %7.3f ms %6.1f blocks %6.0f WAL bytes  %s",
                        d.calls(), d.exec() / d.calls(), d.buffers() / d.calls(), d.wal() / d.calls(), d.query()))
                .toList();
    }

    /**
     * CPU time used so far by the server processes behind this pool's connections, in nanoseconds,
     * read from {@code /proc} (clock ticks of 10 ms); -1 when the server is not on this machine or
     * the system has no {@code /proc}. The server's share of an operation's cost, which the
     * client's CPU time does not show.
     */
    long serverCpuNanos() {
        if (!local) {
            return -1;
        }
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
