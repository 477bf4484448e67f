package org.consilium.proposal;

/** Where a proposal stands, in the governance office's words. */
public enum ProposalStatus implements Labelled {
    DRAFT("Draft"),
    SUBMITTED("Submitted — awaiting completeness check"),
    RETURNED("Returned to the applicant for changes"),
    UNDER_REVIEW("Under patient and ethics review"),
    CHANGES_REQUESTED("Changes requested by the ethics board"),
    APPROVED("Approved — awaiting agreement"),
    REJECTED("Rejected"),
    WITHDRAWN("Withdrawn"),
    ACTIVE("Active — data access granted"),
    EXPIRED("Access expired — awaiting closure"),
    CLOSED("Closed"),
    CANCELLED("Agreement cancelled — not signed");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.status." + name();
    }

    /** The applicant may edit: a draft, or a proposal sent back for changes. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED || this == CHANGES_REQUESTED;
    }

    /** The applicant may still withdraw: submitted, and no agreement executed or ended yet. */
    public boolean withdrawable() {
        return this == SUBMITTED || this == RETURNED || this == UNDER_REVIEW || this == CHANGES_REQUESTED
                || this == APPROVED;
    }
}
