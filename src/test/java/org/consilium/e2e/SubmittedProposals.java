package org.consilium.e2e;

import org.consilium.SignIn;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A complete proposal submitted through the services by a demo researcher, for a walk to find in an inbox. */
final class SubmittedProposals {

    private SubmittedProposals() {
    }

    /** Its reference; the researcher is signed out again. */
    static String submit(UserDetailsService users, ProposalService proposals, String researcher, String title) {
        new SignIn(users).as(researcher);
        try {
            ConsiliumUser me = (ConsiliumUser) users.loadUserByUsername(researcher);
            Long id = proposals.createDraft();
            var content = ProposalContents.complete(
                    new OrganisationSummary(me.organisationId(), me.organisationName(), "FR"),
                    new PersonSummary(me.personId(), me.fullName(), me.organisationId(), me.organisationName()));
            content.setTitle(title);
            long lock = proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
            return proposals.submit(id, lock, content).reference();
        } finally {
            SignIn.out();
        }
    }
}
