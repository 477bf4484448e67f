package org.consilium.proposal;

/** What happened to a proposal, as its timeline says it. */
public enum ProposalEventKind implements Labelled {
    SUBMITTED("Submitted"),
    RESUBMITTED("Resubmitted"),
    ACCEPTED_AT_CHECK("Accepted at the completeness check"),
    RETURNED_FOR_CHANGES("Returned for changes"),
    REJECTED_AT_CHECK("Rejected at the completeness check"),
    REVIEW_STARTED("Patient and ethics review started"),
    VOTING_REMINDER("Reminder sent to the organisations still to vote"),
    VOTING_ROUND_CLOSED("The patient organisations' voting round closed"),
    VOTING_ROUND_EXTENDED("Voting round extended (no quorum)"),
    REJECTED_FOR_LACK_OF_QUORUM("Rejected for lack of quorum"),
    ETHICS_APPROVED("Approved by the ethics board"),
    ETHICS_APPROVED_WITH_CONDITIONS("Approved by the ethics board, with conditions"),
    CHANGES_REQUESTED("Changes requested by the ethics board"),
    ETHICS_REJECTED("Rejected by the ethics board"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    WITHDRAWN("Withdrawn"),
    AGREEMENT_GENERATED("Agreement generated"),
    AGREEMENT_SENT("Agreement sent for signature"),
    AGREEMENT_SIGNED("Agreement signed"),
    SIGNATURE_REFUSED("Signature refused"),
    SIGNATURE_REMINDER("Reminder sent: the agreement is still unsigned"),
    SIGNATURES_CHASED("Signatories chased"),
    AGREEMENT_CANCELLED("Agreement cancelled"),
    AGREEMENT_EXECUTED("Agreement executed — project active"),
    ACCESS_ENDING_NOTICE("Notice sent: access ends soon"),
    ACCESS_EXTENDED("Access period extended"),
    ACCESS_EXPIRED("Access expired"),
    OUTPUT_REPORTED("Output reported"),
    CLOSURE_REQUESTED("Closure requested"),
    CLOSED("Project closed");

    private final String label;

    ProposalEventKind(String label) {
        this.label = label;
    }

    /** In English, for what is written down once (audit trail, messages); screens use {@link #labelKey()}. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String labelKey() {
        return "proposal.event." + name();
    }
}
