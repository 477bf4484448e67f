package org.consilium.proposal;

import java.time.Instant;
import java.util.List;
import org.consilium.member.PersonSummary;

/** A proposal as its page shows it, with what the viewer may do with it. */
public record ProposalDetails(Long id, String reference, ProposalStatus status, PersonSummary applicant,
                              ProposalContent content, int currentVersion, Instant submittedAt, Instant updatedAt,
                              List<VersionInfo> versions, List<AttachmentInfo> attachments,
                              List<TimelineEntry> timeline, boolean editable, boolean withdrawable) {
}
