package org.consilium.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Lets a read-only transaction (what a screen reads before an action) run its statements in autocommit mode
 * instead of opening a database transaction: no {@code SET autocommit=0}, no {@code COMMIT}, no {@code SET
 * autocommit=1}, three round trips fewer per screen read. Spring and Hibernate still bind one connection and one
 * persistence context for the whole read, as before.
 *
 * <p>Why nothing is lost: the portal runs at READ COMMITTED (Camunda requires it; H2's default, and the
 * {@code mysql} profile sets it), where every statement of a transaction already reads its own fresh snapshot of what
 * is committed; a read-only transaction writes nothing that a commit would make whole (Spring sets Hibernate's flush
 * mode to manual, and the audit trail appends in a transaction of its own when the current one is read-only).
 *
 * <p>How it knows: for a read-only transaction Spring calls {@code setReadOnly(true)} on the connection before
 * Hibernate begins (HibernateJpaDialect); while the connection is read-only and in autocommit mode, Hibernate's
 * {@code setAutoCommit(false)} is kept from the driver, and so are the commit or rollback and the
 * {@code setAutoCommit(true)} that close that transaction. Any other transaction is untouched. A write prepared
 * in such a transaction is refused: it would commit statement by statement instead of all at once.
 */
@Component
class ReadOnlyTransactionsInAutocommit implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof AutocommitReads)) {
            return new AutocommitReads(dataSource);
        }
        return bean;
    }

    /** The application's DataSource, handing out connections that keep read-only transactions in autocommit. */
    static final class AutocommitReads extends DelegatingDataSource {

        AutocommitReads(DataSource target) {
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

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(ReadOnlyTransactionsInAutocommit.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ReadOnlyInAutocommit(connection));
        }
    }

    /** One pooled connection's calls; a connection is used by one thread at a time. */
    static final class ReadOnlyInAutocommit implements InvocationHandler {

        private final Connection target;
        private boolean readOnly;
        /** A read-only transaction was begun on this connection and runs in autocommit mode. */
        private boolean transactionKeptOff;

        ReadOnlyInAutocommit(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setReadOnly" -> readOnly = (Boolean) args[0];
                case "setAutoCommit" -> {
                    boolean on = (Boolean) args[0];
                    if (!on && readOnly && !transactionKeptOff && target.getAutoCommit()) {
                        transactionKeptOff = true;
                        return null;
                    }
                    if (on && transactionKeptOff) {
                        transactionKeptOff = false;
                        return null;
                    }
                }
                case "getAutoCommit" -> {
                    if (transactionKeptOff) {
                        return false; // as the transaction manager set it
                    }
                }
                case "commit", "rollback" -> {
                    if (transactionKeptOff && (args == null || args.length == 0)) {
                        return null; // nothing was written: each statement ended by itself
                    }
                }
                case "prepareStatement", "prepareCall" -> refuseWrite((String) args[0]);
                case "createStatement" -> {
                    Statement statement = (Statement) forward(method, args);
                    return transactionKeptOff ? guarded(statement) : statement;
                }
                case "close" -> transactionKeptOff = false;
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    // every other call goes to the pooled connection as it is
                }
            }
            return forward(method, args);
        }

        private Object forward(Method method, Object[] args) throws Throwable {
            return forward(target, method, args);
        }

        private static Object forward(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }

        /** A plain statement of a read-only transaction: its SQL comes with each execution. */
        private Statement guarded(Statement statement) {
            return (Statement) Proxy.newProxyInstance(ReadOnlyTransactionsInAutocommit.class.getClassLoader(),
                    new Class<?>[] {Statement.class}, (p, method, args) -> {
                        boolean withSql = method.getName().startsWith("execute") || method.getName().equals("addBatch");
                        if (withSql && args != null && args.length > 0 && args[0] instanceof String sql) {
                            refuseWrite(sql);
                        }
                        return forward(statement, method, args);
                    });
        }

        private void refuseWrite(String sql) throws SQLException {
            if (transactionKeptOff && writes(sql)) {
                throw new SQLException("A read-only transaction may not write: " + sql);
            }
        }

        private static boolean writes(String sql) {
            String statement = sql.stripLeading();
            for (String verb : WRITES) {
                if (statement.regionMatches(true, 0, verb, 0, verb.length())) {
                    return true;
                }
            }
            return false;
        }

        private static final String[] WRITES = {"insert", "update", "delete", "replace", "merge"};
    }
}
