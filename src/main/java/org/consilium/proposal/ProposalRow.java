package org.consilium.proposal;

import java.time.Instant;

/** One line of a proposal list. */
public record ProposalRow(Long id, String reference, String title, String acronym, ProposalStatus status,
                          Instant updatedAt, Long applicantId) {

    public String displayTitle() {
        return title == null || title.isBlank() ? "(untitled draft)" : title;
    }
}
