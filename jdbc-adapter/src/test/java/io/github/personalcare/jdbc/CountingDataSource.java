package io.github.personalcare.jdbc;

import java.util.concurrent.CopyOnWriteArrayList;

import java.util.List;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that counts what the SDK asks of the database: statements executed (a batch
 * counts once: it is one round trip; a refused one counts too), commits, and connections taken. Tests count, never time.
 */
final class CountingDataSource implements DataSource {
    private final DataSource delegate;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> prepared = new CopyOnWriteArrayList<>();

    CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** What was counted since the last reset. */
    record Counts(int statements, int commits, int connections) {
    }

    Counts reset() {
        prepared.clear();
        return new Counts(statements.getAndSet(0), commits.getAndSet(0), connections.getAndSet(0));
    }

    /** {@return the SQL text of every statement prepared since the last reset, in order} */
    List<String> prepared() {
        return List.copyOf(prepared);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(delegate.getConnection(username, password));
    }

    private Connection counting(Connection c) {
        connections.incrementAndGet();
        InvocationHandler forward = forward(c, (method, result) -> {
            if (method.equals("commit")) {
                commits.incrementAndGet();
            }
            if (result instanceof Statement s) {
                return countingStatement(s);
            }
            return result;
        });
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        prepared.add(sql);
                    }
                    return forward.invoke(proxy, method, args);
                });
    }

    private Object countingStatement(Statement s) {
        Class<?>[] types = s instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
                : s instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
                : new Class<?>[] {Statement.class};
        InvocationHandler forward = forward(s, (method, result) -> result);
        // a statement the database refuses is still a round trip: count it before it runs
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), types, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            return forward.invoke(proxy, method, args);
        });
    }

    private interface After {
        Object apply(String method, Object result);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
