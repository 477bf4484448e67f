package org.consilium.register;

import java.time.Clock;
import java.time.Instant;
import org.consilium.agreement.AgreementEvents;
import org.consilium.agreement.AgreementSteps;
import org.consilium.audit.AuditTrail;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalLifecycleSteps.PublicFacts;
import org.consilium.proposal.ProposalStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the register in step with the workflow, inside the transaction that moved the project: a project is
 * published when its agreement is executed (the status becomes ACTIVE right after, in the same transaction), its
 * access end follows extensions, and its status follows expiry and closure. No other status publishes anything,
 * so drafts, proposals under review, approved but unsigned, withdrawn, rejected and cancelled ones never appear.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RegisterPublication {

    private static final Logger log = LoggerFactory.getLogger(RegisterPublication.class);

    private final RegisterEntryRepository entries;
    private final ProposalLifecycleSteps proposals;
    private final AgreementSteps agreements;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterPublication(RegisterEntryRepository entries, ProposalLifecycleSteps proposals, AgreementSteps agreements,
                        AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.proposals = proposals;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(condition = "#changed.status().name() == 'ACTIVE' or #changed.status().name() == 'EXPIRED'"
            + " or #changed.status().name() == 'CLOSED'")
    public void on(ProposalStatusChanged changed) {
        Long id = changed.proposalId();
        RegisterEntry entry = entries.findByProposalId(id).orElse(null);
        Instant now = clock.instant();
        if (entry == null) {
            entry = publish(id, now);
            if (entry == null) {
                return;
            }
        }
        switch (changed.status()) {
            case EXPIRED -> {
                entry.accessEnded(agreements.accessEnd(id), now);
                record(entry, "Register status: access ended");
            }
            case CLOSED -> {
                entry.closed(now);
                record(entry, "Register status: closed");
            }
            default -> { }
        }
    }

    /** Staff moved the end of access: the register shows the new end. */
    @EventListener
    public void on(AgreementEvents.AccessExtended extended) {
        entries.findByProposalId(extended.proposalId()).ifPresent(entry -> {
            entry.accessRunsUntil(agreements.accessEnd(extended.proposalId()), clock.instant());
            record(entry, "Register: access period extended");
        });
    }

    private RegisterEntry publish(Long proposalId, Instant now) {
        Instant executedAt = agreements.executedAt(proposalId);
        Instant accessEnd = agreements.accessEnd(proposalId);
        if (executedAt == null || accessEnd == null) {
            // The process executes the agreement before it marks the project active; this would be a bug.
            log.error("Proposal {} is active without an executed agreement: not published", proposalId);
            return null;
        }
        PublicFacts facts = proposals.publicFacts(proposalId);
        RegisterEntry entry = entries.save(new RegisterEntry(proposalId, facts, executedAt, accessEnd, now));
        audit.record("REGISTER_PUBLISHED", "register_entry", entry.getReference(), "Published in the public register",
                null);
        return entry;
    }

    private void record(RegisterEntry entry, String summary) {
        audit.record("REGISTER_UPDATED", "register_entry", entry.getReference(), summary, null);
    }
}
