package org.consilium.proposal;

import java.time.Clock;
import java.util.List;
import org.consilium.member.MemberService;
import org.consilium.member.Person;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Writes and reads a proposal's timeline; the actor is whoever is signed in, or the workflow itself. */
@Component
class ProposalTimeline {

    static final String WORKFLOW = "Consilium workflow";

    private final ProposalEventRepository events;
    private final CurrentUser currentUser;
    private final MemberService members;
    private final Clock clock;

    ProposalTimeline(ProposalEventRepository events, CurrentUser currentUser, MemberService members, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.members = members;
        this.clock = clock;
    }

    void record(Proposal proposal, ProposalEventKind kind, Integer version, String reason) {
        ConsiliumUser user = currentUser.find().orElse(null);
        Person actor = user == null ? null : members.person(user.personId());
        events.save(new ProposalEvent(proposal, clock.instant(), actor, user == null ? WORKFLOW : user.fullName(),
                kind, version, reason == null || reason.isBlank() ? null : reason.strip()));
    }

    void recordAsWorkflow(Proposal proposal, ProposalEventKind kind, String reason) {
        events.save(new ProposalEvent(proposal, clock.instant(), null, WORKFLOW, kind, null, reason));
    }

    List<TimelineEntry> of(Long proposalId) {
        return events.findTimeline(proposalId).stream().map(ProposalEvent::entry).toList();
    }
}
