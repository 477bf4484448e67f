package org.consilium.proposal;

import org.consilium.security.ConsiliumUser;

/**
 * Another feature's say in who may read a submitted proposal (for example a patient representative
 * who has declared no conflict of interest). Implemented where that knowledge lives.
 */
public interface ProposalReaders {

    boolean mayRead(Long proposalId, ConsiliumUser user);
}
