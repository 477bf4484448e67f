package org.consilium.agreement;

import org.consilium.Suites;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same promises on MariaDB (PDFs in LONGBLOB columns, row locks), with the production 'mysql' profile. */
@ExtendWith(Suites.MariaDb.class)
@SpringBootTest
@ActiveProfiles("mysql")
class AgreementServiceMariaDbIT extends AgreementServiceContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }
}
