package org.consilium.workflow;

/** Names shared by the {@code proposal-lifecycle} BPMN and the code that drives it. */
public final class ProposalLifecycle {

    public static final String PROCESS_KEY = "proposal-lifecycle";

    /**
     * The process variable the portal sets, besides the business key (the proposal reference). The engine
     * adds the decision tables' outcomes (patientOutcome, ethicsRoute) and each vote's organisationId.
     */
    public static final String PROPOSAL_ID = "proposalId";

    /** A task's decision, passed as a transient variable when the task is completed. */
    public static final String DECISION = "decision";

    public static final String WITHDRAWN_MESSAGE = "ProposalWithdrawn";

    public static final String CHECK_COMPLETENESS_TASK = "CheckCompletenessTask";
    public static final String REVISE_PROPOSAL_TASK = "ReviseProposalTask";
    public static final String CAST_VOTE_TASK = "CastVoteTask";
    public static final String DECIDE_ON_QUORUM_TASK = "DecideOnQuorumTask";
    public static final String EXPEDITED_ETHICS_REVIEW_TASK = "ExpeditedEthicsReviewTask";
    public static final String FULL_ETHICS_REVIEW_TASK = "FullEthicsReviewTask";
    public static final String REVISE_FOR_ETHICS_TASK = "ReviseForEthicsTask";
    public static final String PREPARE_AGREEMENT_TASK = "PrepareAgreementTask";
    public static final String LEAD_SIGNATURE_TASK = "LeadSignatureTask";
    public static final String FOUNDATION_SIGNATURE_TASK = "FoundationSignatureTask";
    public static final String CHASE_OR_CANCEL_TASK = "ChaseOrCancelTask";
    public static final String REPORT_OUTPUTS_TASK = "ReportOutputsTask";
    public static final String CLOSE_PROJECT_TASK = "CloseProjectTask";

    public static final String AGREEMENT_REGENERATED_MESSAGE = "AgreementRegenerated";
    public static final String ACCESS_EXTENDED_MESSAGE = "AccessExtended";
    public static final String CLOSURE_REQUESTED_MESSAGE = "ClosureRequested";

    /** Steps the process assigns to one person (the applicant): they cannot be claimed or released. */
    public static final java.util.Set<String> PERSONAL_STEPS = java.util.Set.of("ReviseProposalTask",
            "ReviseForEthicsTask", "ReportOutputsTask");

    public static final String PATIENT_ORGANISATION_GROUP = "PATIENT_ORGANISATION_";

    /** Candidate group of the task a patient organisation votes with. */
    public static String patientOrganisationGroup(Long organisationId) {
        return PATIENT_ORGANISATION_GROUP + organisationId;
    }

    public static final String SIGNATORY_GROUP = "SIGNATORY_";

    /** Candidate group of the tasks an organisation's signatories sign with. */
    public static String signatoryGroup(Long organisationId) {
        return SIGNATORY_GROUP + organisationId;
    }

    private ProposalLifecycle() {
    }
}
