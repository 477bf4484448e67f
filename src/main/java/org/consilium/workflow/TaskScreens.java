package org.consilium.workflow;

/** Which screen a task opens: the one made for its step, or else its proposal's page. */
final class TaskScreens {

    private TaskScreens() {
    }

    static String pathOf(InboxTask task) {
        return switch (task.stepKey()) {
            case ProposalLifecycle.CHECK_COMPLETENESS_TASK -> "tasks/" + task.taskId() + "/completeness";
            case ProposalLifecycle.CAST_VOTE_TASK -> "tasks/" + task.taskId() + "/vote";
            case ProposalLifecycle.DECIDE_ON_QUORUM_TASK -> "tasks/" + task.taskId() + "/quorum";
            case ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK ->
                    "tasks/" + task.taskId() + "/ethics";
            case ProposalLifecycle.PREPARE_AGREEMENT_TASK -> "tasks/" + task.taskId() + "/agreement";
            case ProposalLifecycle.LEAD_SIGNATURE_TASK, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK ->
                    "tasks/" + task.taskId() + "/sign";
            case ProposalLifecycle.CHASE_OR_CANCEL_TASK -> "tasks/" + task.taskId() + "/chase";
            case ProposalLifecycle.CLOSE_PROJECT_TASK -> "tasks/" + task.taskId() + "/close";
            case ProposalLifecycle.REVISE_PROPOSAL_TASK, ProposalLifecycle.REVISE_FOR_ETHICS_TASK ->
                    "proposals/" + task.proposalId() + "/edit";
            default -> "proposals/" + task.proposalId();
        };
    }
}
