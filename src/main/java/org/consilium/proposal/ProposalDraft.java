package org.consilium.proposal;

import java.util.List;

/**
 * A proposal as its editor opens it. {@code lockVersion} goes back with every save, so that a save
 * over someone else's newer change is refused instead of overwriting it.
 */
public record ProposalDraft(Long id, String reference, ProposalStatus status, long lockVersion,
                            ProposalContent content, List<AttachmentInfo> attachments) {
}
