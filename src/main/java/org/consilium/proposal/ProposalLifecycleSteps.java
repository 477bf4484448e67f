package org.consilium.proposal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the governance workflow may do to a proposal. Called from the engine, inside the transaction of
 * whoever moved the process (or of a timer job), so it checks no user: the task services that let
 * people move the process check them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ProposalLifecycleSteps {

    private static final Set<ProposalStatus> IN_REVIEW = EnumSet.of(ProposalStatus.UNDER_REVIEW,
            ProposalStatus.CHANGES_REQUESTED);

    /** What the ethics route depends on. */
    public record DataRequest(DataLevel level, boolean genomicData) {
    }

    /** What the public register may show of a proposal: no person, no review, no document. */
    public record PublicFacts(String reference, String title, String acronym, String laySummary,
                              String leadOrganisation, Set<DiseaseArea> diseaseAreas, java.time.Instant approvedAt) {
    }

    private final ProposalRepository proposals;
    private final ProposalTimeline timeline;
    private final AttachmentRepository attachments;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ProposalLifecycleSteps(ProposalRepository proposals, ProposalTimeline timeline, AttachmentRepository attachments,
                           Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.proposals = proposals;
        this.attachments = attachments;
        this.timeline = timeline;
        this.clock = clock;
    }

    public void changeStatus(Long proposalId, ProposalStatus next) {
        Proposal proposal = find(proposalId);
        ProposalStatus previous = proposal.getStatus();
        proposal.changeStatus(next, clock.instant());
        events.publishEvent(new ProposalStatusChanged(proposalId, proposal.getReference(), next,
                proposal.getApplicant().getId()));
        if (next == ProposalStatus.APPROVED) {
            timeline.recordAsWorkflow(proposal, ProposalEventKind.APPROVED,
                    "Approved by the patient organisations and the ethics board");
        } else if (next == ProposalStatus.REJECTED && IN_REVIEW.contains(previous)) {
            timeline.recordAsWorkflow(proposal, ProposalEventKind.REJECTED, null);
        } else if (next == ProposalStatus.UNDER_REVIEW && previous == ProposalStatus.SUBMITTED) {
            timeline.recordAsWorkflow(proposal, ProposalEventKind.REVIEW_STARTED, null);
        }
    }

    /** A decision someone took through a task; the actor is the signed-in person. */
    public void recordDecision(Long proposalId, ProposalEventKind kind, String reason) {
        Proposal proposal = find(proposalId);
        timeline.record(proposal, kind, proposal.getCurrentVersion(), reason);
    }

    /** Something the workflow did by itself, such as a reminder. */
    public void recordWorkflowEvent(Long proposalId, ProposalEventKind kind) {
        recordWorkflowEvent(proposalId, kind, null);
    }

    public void recordWorkflowEvent(Long proposalId, ProposalEventKind kind, String reason) {
        timeline.recordAsWorkflow(find(proposalId), kind, reason);
    }

    public String applicantUsername(Long proposalId) {
        return find(proposalId).getApplicant().getUsername();
    }

    public DataRequest dataRequested(Long proposalId) {
        Proposal proposal = find(proposalId);
        return new DataRequest(proposal.getDataLevel(),
                proposal.getDataCategories().contains(DataCategory.GENOMIC_SEQUENCING));
    }

    public boolean hasAttachment(Long proposalId, AttachmentKind kind) {
        return attachments.findByProposal(proposalId).stream().anyMatch(a -> a.info().kind() == kind);
    }

    public String title(Long proposalId) {
        return find(proposalId).getTitle();
    }

    public String reference(Long proposalId) {
        String known = references.get(proposalId);
        if (known != null) {
            return known;
        }
        java.util.List<String> found = proposals.findReferenceById(proposalId);
        if (found.isEmpty()) {
            throw new ProposalNotFound(proposalId);
        }
        String reference = found.get(0);
        if (reference != null) {
            // kept once committed: a submission that rolls back gives its reference back
            afterCommit(() -> references.put(proposalId, reference));
        }
        return reference;
    }

    /**
     * References already given, by proposal: a proposal takes its reference once, at its first submission, and
     * keeps it. Audit entries and timelines ask for it at every step; the newest 20,000 are kept.
     */
    private final java.util.Map<Long, String> references = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, String> eldest) {
                    return size() > 20_000;
                }
            });

    private static void afterCommit(Runnable action) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }

    public java.util.Optional<Long> proposalIdOf(String reference) {
        return proposals.findIdByReference(reference);
    }

    public ProposalStatus status(Long proposalId) {
        return find(proposalId).getStatus();
    }

    /**
     * The public facts of an approved proposal, approved when the timeline last says so. Read from the proposal's
     * own columns and its disease areas, not its whole content (team, investigator, texts, timeline): this runs in
     * the transaction of the foundation's signature.
     */
    public PublicFacts publicFacts(Long proposalId) {
        Proposal proposal = find(proposalId);
        return new PublicFacts(proposal.getReference(), proposal.getTitle(), proposal.getAcronym(),
                proposal.getLaySummary(), proposal.getLeadOrganisationName(), Set.copyOf(proposal.getDiseaseAreas()),
                timeline.lastOccurrence(proposalId, ProposalEventKind.APPROVED));
    }

    private Proposal find(Long proposalId) {
        return proposals.findById(proposalId).orElseThrow(() -> new ProposalNotFound(proposalId));
    }
}
