package cn.yn.employment.common.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the JDBC work one thread does (ours, Hibernate's and Flowable's alike), for statement budgets in tests and
 * the benchmark: a test context that imports {@link Config} gets its data source wrapped in a delegating proxy that
 * counts only while {@link #count} runs on the calling thread (background threads are not counted).
 * <ul>
 * <li>{@code calls}: driver calls that go to the server — each {@code execute…} and each {@code executeBatch};
 * <li>{@code statements}: statements the server executes — a batch counts its rows;
 * <li>{@code commits}: commits and rollbacks.
 * </ul>
 * A batch is one call (pgjdbc sends its statements pipelined, and as multi-row inserts with
 * {@code reWriteBatchedInserts}); the server still executes each of its statements, hence both figures.
 */
public final class StatementCounter {

    /** What one piece of work cost. */
    public record Count(long calls, long statements, long commits) {
        public Count minus(Count other) {
            return new Count(calls - other.calls, statements - other.statements, commits - other.commits);
        }

        @Override
        public String toString() {
            return calls + " calls, " + statements + " statements, " + commits + " commits";
        }
    }

    /** The result of counted work with its count. */
    public record Counted<T>(T value, Count count) {
    }

    private static final ThreadLocal<long[]> ARMED = new ThreadLocal<>();
    private static volatile boolean installed;

    private StatementCounter() {
    }

    /** True when the data source of a running context is wrapped (the context imported {@link Config}). */
    public static boolean installed() {
        return installed;
    }

    /** Runs the work on this thread and counts its JDBC work. Not nestable. */
    public static <T> Counted<T> count(Supplier<T> work) {
        long[] c = new long[3];
        ARMED.set(c);
        try {
            T value = work.get();
            return new Counted<>(value, new Count(c[0], c[1], c[2]));
        } finally {
            ARMED.remove();
        }
    }

    public static Count count(Runnable work) {
        return count(() -> {
            work.run();
            return null;
        }).count();
    }

    private static void add(int index, long n) {
        long[] c = ARMED.get();
        if (c != null) {
            c[index] += n;
        }
    }

    /** Import into a test context to count its JDBC work. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource)) {
                        installed = true;
                        return new CountingDataSource(ds);
                    }
                    return bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {
        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new ConnectionHandler(target));
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (isEquals(method)) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("commit") || name.equals("rollback")) {
                add(2, 1);
            }
            Object result = call(target, method, args);
            if (result instanceof Statement s) {
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(s));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private long batched;

        StatementHandler(Statement target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isEquals(method)) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            switch (method.getName()) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    add(0, 1);
                    add(1, 1);
                }
                case "addBatch" -> batched++;
                case "clearBatch" -> batched = 0;
                case "executeBatch", "executeLargeBatch" -> {
                    add(0, 1);
                    add(1, batched);
                    batched = 0;
                }
                default -> {
                    // everything else is passed through uncounted
                }
            }
            return call(target, method, args);
        }
    }

    private static boolean isEquals(Method method) {
        return method.getName().equals("equals") && method.getParameterCount() == 1;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
