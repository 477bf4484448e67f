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
            case ProposalLifecycle.REVISE_PROPOSAL_TASK, ProposalLifecycle.REVISE_FOR_ETHICS_TASK ->
                    "proposals/" + task.proposalId() + "/edit";
            default -> "proposals/" + task.proposalId();
        };
    }
}
