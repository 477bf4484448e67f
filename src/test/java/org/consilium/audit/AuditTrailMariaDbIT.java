package org.consilium.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** On MariaDB (InnoDB row locks, READ COMMITTED): concurrent transactions append one gap-free, intact chain. */
@ExtendWith(Suites.MariaDb.class)
@SpringBootTest
@ActiveProfiles("mysql")
class AuditTrailMariaDbIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrent_transactions_append_one_gap_free_intact_chain() throws Exception {
        long before = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            work.add(() -> {
                transactions.executeWithoutResult(s -> {
                    trail.record(null, "tester", "TEST", "test", "T-MARIADB", "entry " + n + " ε ж €", null);
                    trail.record(null, "tester", "TEST", "test", "T-MARIADB", "second of " + n, null);
                });
                return null;
            });
        }
        for (Future<Object> f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head", Long.class)).isEqualTo(before + 80);
        SignIn.asAdministrator();
        try {
            AuditVerification result = audit.verify();
            assertThat(result.intact()).as(result.message()).isTrue();
        } finally {
            SignIn.out();
        }
    }
}
