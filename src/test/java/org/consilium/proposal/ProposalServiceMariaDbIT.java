package org.consilium.proposal;

import org.consilium.Suites;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same promises on MariaDB, with the production 'mysql' profile (no demo data, READ COMMITTED). */
@ExtendWith(Suites.MariaDb.class)
@SpringBootTest
@ActiveProfiles("mysql")
class ProposalServiceMariaDbIT extends ProposalServiceContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }
}
