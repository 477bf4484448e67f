package org.consilium.workflow;

/** Names shared by the {@code proposal-lifecycle} BPMN and the code that drives it. */
public final class ProposalLifecycle {

    public static final String PROCESS_KEY = "proposal-lifecycle";

    /** The only process variable besides the business key (the proposal reference). */
    public static final String PROPOSAL_ID = "proposalId";

    public static final String CHECK_COMPLETENESS_TASK = "CheckCompletenessTask";

    private ProposalLifecycle() {
    }
}
