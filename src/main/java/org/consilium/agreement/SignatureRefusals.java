package org.consilium.agreement;

import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records a refused signature in its own transaction, so the record survives the refusal's rollback. */
@Component
class SignatureRefusals {

    private final ProposalLifecycleSteps proposals;

    SignatureRefusals(ProposalLifecycleSteps proposals) {
        this.proposals = proposals;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Long proposalId, String reason) {
        proposals.recordDecision(proposalId, ProposalEventKind.SIGNATURE_REFUSED, reason);
    }
}
