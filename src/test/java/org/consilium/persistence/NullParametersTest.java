package org.consilium.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.SpringProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A null written through {@link JdbcTemplate} without a type must not make Spring ask the driver for the
 * parameter's type: MySQL Connector/J answers that with a thrown SQLException each time (src/main/resources/
 * spring.properties).
 */
class NullParametersTest {

    @Test
    void the_switch_is_on_the_class_path() {
        assertThat(SpringProperties.checkFlag("spring.jdbc.getParameterType.ignore")).isTrue();
    }

    @Test
    void a_null_is_written_without_asking_the_driver_for_parameter_metadata() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:null-parameters;DB_CLOSE_DELAY=-1");
        AtomicInteger metadataQuestions = new AtomicInteger();
        JdbcTemplate jdbc = new JdbcTemplate(countingMetadataQuestions(h2, metadataQuestions));
        jdbc.execute("CREATE TABLE entry (id INT PRIMARY KEY, reason VARCHAR(100), seen_at TIMESTAMP)");

        jdbc.update("INSERT INTO entry (id, reason, seen_at) VALUES (?, ?, ?)", 1, null, null);

        assertThat(metadataQuestions).hasValue(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry WHERE id = 1 AND reason IS NULL"
                + " AND seen_at IS NULL", Integer.class)).isEqualTo(1);
    }

    /** The data source, with every prepared statement counting its getParameterMetaData() calls. */
    private static DataSource countingMetadataQuestions(DataSource target, AtomicInteger questions) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return proxy(Connection.class, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement statement) {
                        return proxy(PreparedStatement.class, (p, m, a) -> {
                            if (m.getName().equals("getParameterMetaData")) {
                                questions.incrementAndGet();
                            }
                            return invoke(statement, m, a);
                        });
                    }
                    return result;
                });
            }
        };
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
