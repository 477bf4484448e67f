package org.consilium.agreement;

import org.springframework.boot.test.context.SpringBootTest;

/** The agreement services on the embedded default, H2. */
@SpringBootTest
class AgreementServiceTest extends AgreementServiceContract {
}
