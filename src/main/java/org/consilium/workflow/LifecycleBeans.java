package org.consilium.workflow;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.consilium.agreement.AgreementDeadlines;
import org.consilium.agreement.AgreementSteps;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalStatus;
import org.consilium.review.VotingRoundSteps;
import org.springframework.stereotype.Component;

/**
 * The beans that proposal-lifecycle.bpmn calls by name. Each adapts the engine's world (execution,
 * variables, dates) to a feature's steps; none holds logic of its own. The classes are public because
 * the engine's expression language only calls public methods of public classes.
 */
public final class LifecycleBeans {

    private LifecycleBeans() {
    }

    static Long proposalId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ProposalLifecycle.PROPOSAL_ID)).longValue();
    }

    @Component("proposalStatus")
    public static class ProposalStatusBean {

        private final ProposalLifecycleSteps steps;

        ProposalStatusBean(ProposalLifecycleSteps steps) {
            this.steps = steps;
        }

        public void change(Long proposalId, String status) {
            steps.changeStatus(proposalId, ProposalStatus.valueOf(status));
        }
    }

    @Component("proposalParties")
    public static class ProposalPartiesBean {

        private final ProposalLifecycleSteps steps;

        ProposalPartiesBean(ProposalLifecycleSteps steps) {
            this.steps = steps;
        }

        public String applicant(Long proposalId) {
            return steps.applicantUsername(proposalId);
        }
    }

    @Component("ethicsReview")
    public static class EthicsReviewBean {

        private final ProposalLifecycleSteps steps;

        EthicsReviewBean(ProposalLifecycleSteps steps) {
            this.steps = steps;
        }

        /** Sets the inputs of the decision table ethics-route as transient variables. */
        public void prepareRoute(DelegateExecution execution) {
            ProposalLifecycleSteps.DataRequest request = steps.dataRequested(proposalId(execution));
            execution.setVariable("dataLevel", Variables.stringValue(request.level().name(), true));
            execution.setVariable("genomicData", Variables.booleanValue(request.genomicData(), true));
        }
    }

    @Component("governanceNotices")
    public static class GovernanceNoticesBean {

        private final ProposalLifecycleSteps steps;
        private final VotingRoundSteps votingRound;
        private final TaskNotifications notifications;

        GovernanceNoticesBean(ProposalLifecycleSteps steps, VotingRoundSteps votingRound,
                              TaskNotifications notifications) {
            this.steps = steps;
            this.votingRound = votingRound;
            this.notifications = notifications;
        }

        /** Three days before the deadline: the representatives of organisations still to vote are reminded. */
        public void votingDeadlineApproaching(Long proposalId) {
            steps.recordWorkflowEvent(proposalId, ProposalEventKind.VOTING_REMINDER);
            notifications.votingDeadlineApproaching(proposalId, votingRound.organisationsStillToVote(proposalId),
                    votingRound.deadline(proposalId));
        }
    }

    @Component("votingRound")
    public static class VotingRoundBean {

        private final VotingRoundSteps steps;
        private final ProposalLifecycleSteps proposals;

        VotingRoundBean(VotingRoundSteps steps, ProposalLifecycleSteps proposals) {
            this.steps = steps;
            this.proposals = proposals;
        }

        public void open(Long proposalId) {
            steps.open(proposalId);
        }

        public List<Long> organisationsStillToVote(Long proposalId) {
            return steps.organisationsStillToVote(proposalId);
        }

        public Date deadline(Long proposalId) {
            return Date.from(steps.deadline(proposalId));
        }

        public Date reminderTime(Long proposalId) {
            return Date.from(steps.reminderTime(proposalId));
        }

        /** Closes the round and sets the inputs of patient-review-outcome as transient variables. */
        public void close(DelegateExecution execution) {
            VotingRoundSteps.Tally tally = steps.close(proposalId(execution));
            execution.setVariable("organisations", Variables.integerValue(tally.organisations(), true));
            execution.setVariable("nonAbstainingVotes", Variables.integerValue(tally.nonAbstainingVotes(), true));
            execution.setVariable("approvals", Variables.integerValue(tally.approvals(), true));
            execution.setVariable("rejections", Variables.integerValue(tally.rejections(), true));
        }

        public void recordOutcome(Long proposalId, String outcome) {
            steps.recordOutcome(proposalId, outcome);
            proposals.recordWorkflowEvent(proposalId, ProposalEventKind.VOTING_ROUND_CLOSED, switch (outcome) {
                case "APPROVED" -> "Outcome: approved";
                case "REJECTED" -> "Outcome: rejected";
                default -> "Outcome: no quorum";
            });
        }

        public void extend(Long proposalId) {
            steps.extend(proposalId);
        }
    }

    @Component("agreementParties")
    public static class AgreementPartiesBean {

        private final AgreementSteps steps;

        AgreementPartiesBean(AgreementSteps steps) {
            this.steps = steps;
        }

        public String leadSignatories(Long proposalId) {
            return ProposalLifecycle.signatoryGroup(steps.leadOrganisationId(proposalId));
        }

        public String foundationSignatories(Long proposalId) {
            return ProposalLifecycle.signatoryGroup(steps.foundationId(proposalId));
        }
    }

    /**
     * Due dates of the person-facing steps, as ISO-8601 durations: the engine adds them to its own clock when it
     * creates the task, as it does for the timers.
     */
    @Component("stepDeadlines")
    public static class StepDeadlinesBean {

        private final StepDeadlines deadlines;

        StepDeadlinesBean(StepDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        public String completenessCheck() {
            return deadlines.completenessCheck().toString();
        }

        public String expeditedEthicsReview() {
            return deadlines.expeditedEthicsReview().toString();
        }

        public String fullEthicsReview() {
            return deadlines.fullEthicsReview().toString();
        }

        public String quorumDecision() {
            return deadlines.quorumDecision().toString();
        }

        public String agreementPreparation() {
            return deadlines.agreementPreparation().toString();
        }

        public String signature() {
            return deadlines.signature().toString();
        }

        public String chaseDecision() {
            return deadlines.chaseDecision().toString();
        }

        public String projectClosure() {
            return deadlines.projectClosure().toString();
        }
    }

    /** The agreement's timers: durations as ISO-8601 text, dates as the engine's {@link Date}. */
    @Component("agreementSchedule")
    public static class AgreementScheduleBean {

        private final AgreementSteps steps;
        private final AgreementDeadlines deadlines;

        AgreementScheduleBean(AgreementSteps steps, AgreementDeadlines deadlines) {
            this.steps = steps;
            this.deadlines = deadlines;
        }

        public String signatureReminderAfter() {
            return deadlines.signatureReminderAfter().toString();
        }

        public String signatureChaseAfter() {
            return deadlines.signatureChaseAfter().toString();
        }

        public Date endNoticeTime(Long proposalId) {
            return Date.from(steps.endNoticeTime(proposalId));
        }

        public Date accessEnd(Long proposalId) {
            return Date.from(steps.accessEnd(proposalId));
        }
    }
}
