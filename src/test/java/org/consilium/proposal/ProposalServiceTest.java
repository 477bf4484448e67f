package org.consilium.proposal;

import org.springframework.boot.test.context.SpringBootTest;

/** The proposal service on the embedded default, H2. */
@SpringBootTest
class ProposalServiceTest extends ProposalServiceContract {
}
