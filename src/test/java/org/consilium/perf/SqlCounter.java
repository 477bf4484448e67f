package org.consilium.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts and times the SQL statements a thread executes, whoever sends them (Hibernate, JdbcTemplate,
 * Camunda's MyBatis), by wrapping the application's DataSource in JDK proxies: a hundred lines instead
 * of a library. Recording is per thread and off unless a thread starts it; elsewhere it costs one
 * ThreadLocal read per statement. Bound parameters are kept so that a statement can be EXPLAINed.
 */
public final class SqlCounter {

    /** One executed statement: its SQL, the values bound to it, and how long the driver took. */
    public record Executed(String sql, List<Object> parameters, long nanos) {

        /** The SQL with its parameters written in as literals, for EXPLAIN. */
        public String literal() {
            StringBuilder out = new StringBuilder();
            int next = 0;
            boolean quoted = false;
            for (char c : sql.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                }
                if (c == '?' && !quoted && next < parameters.size()) {
                    out.append(literalOf(parameters.get(next++)));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static String literalOf(Object value) {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return "'" + value.toString().replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }

    /** What one thread executed while recording, in order. */
    public static final class Recording {
        private final List<Executed> statements = new ArrayList<>();
        /** The statements and, in between, the connection's transaction calls (commit, setAutoCommit, …). */
        private final List<Executed> log = new ArrayList<>();

        public List<Executed> log() {
            return log;
        }

        public int count() {
            return statements.size();
        }

        public List<Executed> statements() {
            return statements;
        }
    }

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    private static final java.util.Set<String> TRANSACTION_CALLS = java.util.Set.of("commit", "rollback",
            "setAutoCommit", "setReadOnly", "setTransactionIsolation");

    private SqlCounter() {
    }

    public static Recording start() {
        Recording recording = new Recording();
        CURRENT.set(recording);
        return recording;
    }

    public static void stop() {
        CURRENT.remove();
    }

    /** Wraps the DataSource bean; registered in the perf contexts only. */
    public static BeanPostProcessor wrapDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && "dataSource".equals(beanName) ? wrap(ds) : bean;
            }
        };
    }

    static DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, null);
    }

    /**
     * A proxy that hands back wrapped connections and statements; a prepared statement remembers its SQL
     * and bound values, and each execute… call is recorded with them.
     */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, String preparedSql) {
        TreeMap<Integer, Object> bound = new TreeMap<>();
        InvocationHandler handler = (self, method, args) -> {
            String name = method.getName();
            if (name.equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            Recording recording = CURRENT.get();
            if (recording != null && name.startsWith("set") && args != null && args.length >= 2
                    && args[0] instanceof Integer index && target instanceof PreparedStatement) {
                bound.put(index, name.equals("setNull") ? null : args[1]);
            }
            long start = System.nanoTime();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (recording != null && name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                Executed executed = new Executed(sql, new ArrayList<>(bound.values()), System.nanoTime() - start);
                recording.statements.add(executed);
                recording.log.add(executed);
            }
            if (recording != null && target instanceof Connection && TRANSACTION_CALLS.contains(name)) {
                recording.log.add(new Executed("-- Connection." + name + (args == null ? "()" : List.of(args)),
                        List.of(), System.nanoTime() - start));
            }
            if (name.equals("clearParameters")) {
                bound.clear();
            }
            if (result instanceof Connection c && target instanceof DataSource) {
                return proxy(Connection.class, c, null);
            }
            if (target instanceof Connection) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                if (result instanceof CallableStatement s) {
                    return proxy(CallableStatement.class, s, sql);
                }
                if (result instanceof PreparedStatement s) {
                    return proxy(PreparedStatement.class, s, sql);
                }
                if (result instanceof Statement s) {
                    return proxy(Statement.class, s, null);
                }
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
