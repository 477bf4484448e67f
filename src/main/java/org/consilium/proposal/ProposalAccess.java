package org.consilium.proposal;

import java.util.List;
import org.consilium.member.Role;
import org.consilium.security.ConsiliumUser;
import org.springframework.stereotype.Component;

/** Who may read or change which proposal: the record-level rules, in one place. */
@Component
class ProposalAccess {

    private final List<ProposalReaders> otherReaders;

    ProposalAccess(List<ProposalReaders> otherReaders) {
        this.otherReaders = otherReaders;
    }

    boolean mayRead(Proposal proposal, ConsiliumUser user) {
        if (proposal.isApplicant(user.personId()) || proposal.isTeamMember(user.personId())) {
            return true;
        }
        // Applicant and team read a proposal from its first draft on; the foundation's reviewers once it is submitted.
        if (proposal.isDraft()) {
            return false;
        }
        return user.hasRole(Role.STAFF) || user.hasRole(Role.ADMINISTRATOR) || user.hasRole(Role.ETHICS_REVIEWER)
                || otherReaders.stream().anyMatch(r -> r.mayRead(proposal.getId(), user));
    }

    void requireReadable(Proposal proposal, ConsiliumUser user) {
        if (!mayRead(proposal, user)) {
            throw new ProposalAccessDenied("You have no access to " + name(proposal)
                    + ". Only its applicant and team members, and the foundation's reviewers once it is submitted,"
                    + " may open it.", LocalizedText.message("proposal.denied.read", localizedName(proposal)));
        }
    }

    boolean mayEdit(Proposal proposal, ConsiliumUser user) {
        return proposal.isApplicant(user.personId()) && proposal.isEditable();
    }

    void requireEditable(Proposal proposal, ConsiliumUser user) {
        requireReadable(proposal, user);
        if (!proposal.isApplicant(user.personId())) {
            throw new ProposalAccessDenied("Only the applicant may change " + name(proposal) + ".",
                    LocalizedText.message("proposal.denied.change", localizedName(proposal)));
        }
        if (!proposal.isEditable()) {
            throw new ProposalAccessDenied(name(proposal) + " has been submitted: a submitted version can no longer"
                    + " be edited until the governance office returns it for changes.",
                    LocalizedText.message("proposal.denied.submitted", localizedName(proposal)));
        }
    }

    void requireApplicant(Proposal proposal, ConsiliumUser user) {
        requireReadable(proposal, user);
        if (!proposal.isApplicant(user.personId())) {
            throw new ProposalAccessDenied("Only the applicant may do this with " + name(proposal) + ".",
                    LocalizedText.message("proposal.denied.notApplicant", localizedName(proposal)));
        }
    }

    private static String name(Proposal proposal) {
        return proposal.getReference() != null ? "proposal " + proposal.getReference() : "draft #" + proposal.getId();
    }

    private static LocalizedText localizedName(Proposal proposal) {
        return proposal.getReference() != null ? LocalizedText.message("proposal.name.reference", proposal.getReference())
                : LocalizedText.message("proposal.name.draft", String.valueOf(proposal.getId()));
    }
}
