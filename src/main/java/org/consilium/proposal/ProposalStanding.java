package org.consilium.proposal;

/**
 * A proposal as another feature needs to know it for one viewer: what it is and whether the viewer is
 * its applicant or in its team. Only given to someone who may read the proposal.
 */
public record ProposalStanding(Long id, String reference, String title, ProposalStatus status, Long applicantId,
                               boolean viewerIsApplicant, boolean viewerIsTeamMember) {
}
