package org.consilium.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.consilium.member.MemberService;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read-only transaction runs its statements in autocommit mode (three round trips fewer per screen read); every
 * other transaction is a database transaction as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class ReadOnlyTransactionsInAutocommitTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MemberService members;

    @Test
    void the_portal_data_source_keeps_read_only_transactions_in_autocommit() {
        assertThat(dataSource).isInstanceOf(ReadOnlyTransactionsInAutocommit.AutocommitReads.class);
    }

    @Test
    void a_read_only_transaction_reads_in_autocommit_and_a_writing_one_in_a_database_transaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate writing = new TransactionTemplate(transactions);

        List<Boolean> inReadOnly = readOnly.execute(status -> autocommit());
        List<Boolean> inWriting = writing.execute(status -> autocommit());

        // [what the transaction manager is told, what the database connection really is in]
        assertThat(inReadOnly).containsExactly(false, true);
        assertThat(inWriting).containsExactly(false, false);
    }

    @Test
    void a_read_only_transaction_sees_what_was_committed_and_a_writing_one_still_rolls_back() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate writing = new TransactionTemplate(transactions);
        writing.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO proposal_reference_counter (reference_year, last_number) VALUES (1901, 7)"));

        Integer read = readOnly.execute(status -> jdbc.queryForObject(
                "SELECT last_number FROM proposal_reference_counter WHERE reference_year = 1901", Integer.class));
        assertThat(members.personIdOf("nobody-by-this-name")).isEmpty(); // a JPA read in a read-only transaction
        writing.executeWithoutResult(status -> {
            jdbc.update("UPDATE proposal_reference_counter SET last_number = 8 WHERE reference_year = 1901");
            status.setRollbackOnly();
        });

        assertThat(read).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT last_number FROM proposal_reference_counter WHERE reference_year = 1901",
                Integer.class)).isEqualTo(7);
        jdbc.update("DELETE FROM proposal_reference_counter WHERE reference_year = 1901");
    }

    @Test
    void a_write_in_a_read_only_transaction_is_refused_and_nothing_of_it_is_kept() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> jdbc.update(
                "\n  INSERT INTO proposal_reference_counter (reference_year, last_number) VALUES (1902, 1)")))
                .hasMessageContaining("A read-only transaction may not write");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal_reference_counter WHERE reference_year = 1902",
                Integer.class)).isZero();
    }

    @Test
    void only_the_calls_that_open_and_close_a_read_only_transaction_are_kept_from_the_driver() throws Exception {
        List<String> driver = new ArrayList<>();
        boolean[] autoCommit = {true};
        Connection pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    driver.add(method.getName() + (args == null ? "" : "(" + args[0] + ")"));
                    if (method.getName().equals("setAutoCommit")) {
                        autoCommit[0] = (Boolean) args[0];
                    }
                    return method.getName().equals("getAutoCommit") ? autoCommit[0] : null;
                });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, new ReadOnlyTransactionsInAutocommit.ReadOnlyInAutocommit(pooled));

        // what Spring and Hibernate call for a read-only transaction, then for a writing one
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        assertThat(connection.getAutoCommit()).isFalse();
        connection.prepareStatement("SELECT 1");
        connection.commit();
        connection.setAutoCommit(true);
        connection.setReadOnly(false);
        connection.setAutoCommit(false);
        connection.commit();
        connection.setAutoCommit(true);
        // a read-only transaction that fails
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        connection.rollback();
        connection.setAutoCommit(true);
        connection.setReadOnly(false);
        connection.close();

        assertThat(driver).containsExactly(
                "setReadOnly(true)", "getAutoCommit", "prepareStatement(SELECT 1)", "setReadOnly(false)",
                "setAutoCommit(false)", "commit", "setAutoCommit(true)",
                "setReadOnly(true)", "getAutoCommit", "setReadOnly(false)", "close");
        assertThat(autoCommit[0]).isTrue();
    }

    @Test
    void a_read_only_connection_already_in_a_transaction_is_left_to_it() throws Exception {
        List<String> driver = new ArrayList<>();
        Connection pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    driver.add(method.getName() + (args == null ? "" : "(" + args[0] + ")"));
                    return method.getName().equals("getAutoCommit") ? Boolean.FALSE : null;
                });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, new ReadOnlyTransactionsInAutocommit.ReadOnlyInAutocommit(pooled));

        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        connection.commit();

        assertThat(driver).containsExactly("setReadOnly(true)", "getAutoCommit", "setAutoCommit(false)", "commit");
    }

    /** [what the connection Spring hands out says, what H2's own connection under the pool's says]. */
    private List<Boolean> autocommit() {
        return jdbc.execute((ConnectionCallback<List<Boolean>>) connection -> List.of(connection.getAutoCommit(),
                connection.unwrap(JdbcConnection.class).getAutoCommit()));
    }
}
