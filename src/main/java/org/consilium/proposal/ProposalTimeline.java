package org.consilium.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.consilium.audit.AuditTrail;
import java.util.List;
import org.consilium.member.Person;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes and reads a proposal's timeline; the actor is whoever is signed in, or the workflow itself. Each line
 * written is published as {@link TimelineRecorded} in the same transaction (the cockpit keeps its stays in stages).
 */
@Component
class ProposalTimeline {

    static final String WORKFLOW = "Consilium workflow";

    private final ProposalEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    ProposalTimeline(ProposalEventRepository events, CurrentUser currentUser, Clock clock,
                     AuditTrail audit, ApplicationEventPublisher publisher) {
        this.audit = audit;
        this.publisher = publisher;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    void record(Proposal proposal, ProposalEventKind kind, Integer version, String reason) {
        ConsiliumUser user = currentUser.find().orElse(null);
        // the signed-in person exists: the event points at them without reading their row
        Person actor = user == null ? null : entityManager.getReference(Person.class, user.personId());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        save(new ProposalEvent(proposal, now(), actor, user == null ? WORKFLOW : user.fullName(), kind, version, why));
        audit.record(kind.name(), "proposal", recordId(proposal),
                kind.label() + (version == null || version == 0 ? "" : " (version " + version + ")"), why);
    }

    void recordAsWorkflow(Proposal proposal, ProposalEventKind kind, String reason) {
        save(new ProposalEvent(proposal, now(), null, WORKFLOW, kind, null, reason));
        audit.record(null, WORKFLOW, kind.name(), "proposal", recordId(proposal), kind.label(), reason);
    }

    private void save(ProposalEvent event) {
        events.save(event);
        publisher.publishEvent(new TimelineRecorded(event.proposalId(), event.kind(), event.occurredAt()));
    }

    /**
     * The time as the database keeps it (microseconds, DATETIME(6)), so that what listeners derive from the event
     * (a stay's length) is what the stored timeline gives.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Something the audit trail keeps but the timeline does not show, such as a download. */
    void auditOnly(Proposal proposal, String kind, String summary) {
        audit.record(kind, "proposal", recordId(proposal), summary, null);
    }

    /** How the audit trail names a proposal: its reference, or its draft number before it has one. */
    static String recordId(Proposal proposal) {
        return proposal.getReference() != null ? proposal.getReference() : "draft #" + proposal.getId();
    }

    List<TimelineEntry> of(Long proposalId) {
        return events.findTimeline(proposalId).stream().map(ProposalEvent::entry).toList();
    }

    /** When the timeline last records {@code kind}; null if it never does. */
    java.time.Instant lastOccurrence(Long proposalId, ProposalEventKind kind) {
        return events.findLastOccurrence(proposalId, kind);
    }
}
