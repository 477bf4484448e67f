package org.consilium.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the portal beans the BPMN calls, so that process tests run on the bare engine. They
 * record what the process asked of them and answer what the test scripted.
 */
final class LifecycleStandIns {

    final ProposalStatusStandIn proposalStatus = new ProposalStatusStandIn();
    final VotingRoundStandIn votingRound = new VotingRoundStandIn();
    final EthicsReviewStandIn ethicsReview = new EthicsReviewStandIn();
    final NoticesStandIn governanceNotices = new NoticesStandIn();
    final AgreementStepsStandIn agreementSteps = new AgreementStepsStandIn();

    void register() {
        Mocks.register("proposalStatus", proposalStatus);
        Mocks.register("proposalParties", new PartiesStandIn());
        Mocks.register("votingRound", votingRound);
        Mocks.register("ethicsReview", ethicsReview);
        Mocks.register("governanceNotices", governanceNotices);
        Mocks.register("agreementSteps", agreementSteps);
        Mocks.register("agreementParties", new AgreementPartiesStandIn());
        Mocks.register("agreementSchedule", new AgreementScheduleStandIn(agreementSteps));
        Mocks.register("stepDeadlines", new StepDeadlinesStandIn());
    }

    public static class ProposalStatusStandIn {
        final List<String> changes = new ArrayList<>();

        public void change(Long proposalId, String status) {
            changes.add(status);
        }

        String current() {
            return changes.isEmpty() ? "SUBMITTED" : changes.get(changes.size() - 1);
        }
    }

    public static class PartiesStandIn {
        public String applicant(Long proposalId) {
            return "researcher";
        }
    }

    public static class VotingRoundStandIn {
        List<Long> stillToVote = List.of(1L, 2L, 3L);
        int organisations = 3;
        int approvals;
        int rejections;
        int abstentions;
        int opened;
        int extended;
        final List<String> outcomes = new ArrayList<>();

        private Date openedAt;

        public void open(Long proposalId) {
            opened++;
            openedAt = ClockUtil.getCurrentTime();
        }

        public List<Long> organisationsStillToVote(Long proposalId) {
            return stillToVote;
        }

        public Date deadline(Long proposalId) {
            return new Date(openedAt.getTime() + 14L * 24 * 3600 * 1000);
        }

        public Date reminderTime(Long proposalId) {
            return new Date(openedAt.getTime() + 11L * 24 * 3600 * 1000);
        }

        public void close(DelegateExecution execution) {
            execution.setVariable("organisations", Variables.integerValue(organisations, true));
            execution.setVariable("nonAbstainingVotes", Variables.integerValue(approvals + rejections, true));
            execution.setVariable("approvals", Variables.integerValue(approvals, true));
            execution.setVariable("rejections", Variables.integerValue(rejections, true));
        }

        public void recordOutcome(Long proposalId, String outcome) {
            outcomes.add(outcome);
        }

        public void extend(Long proposalId) {
            extended++;
        }

        void tally(int approvals, int rejections, int abstentions) {
            this.approvals = approvals;
            this.rejections = rejections;
            this.abstentions = abstentions;
        }
    }

    public static class EthicsReviewStandIn {
        String dataLevel = "AGGREGATED";
        boolean genomicData;

        public void prepareRoute(DelegateExecution execution) {
            execution.setVariable("dataLevel", Variables.stringValue(dataLevel, true));
            execution.setVariable("genomicData", Variables.booleanValue(genomicData, true));
        }
    }

    public static class NoticesStandIn {
        int votingReminders;

        public void votingDeadlineApproaching(Long proposalId) {
            votingReminders++;
        }
    }

    static final long DAY = 24L * 3600 * 1000;

    public static class AgreementStepsStandIn {
        boolean leadSigned;
        int executed;
        int reminders;
        int cancelled;
        int notices;
        int expired;
        int closed;
        Date accessEnd;

        public boolean leadSigned(Long proposalId) {
            return leadSigned;
        }

        public void execute(Long proposalId) {
            executed++;
            accessEnd = new Date(ClockUtil.getCurrentTime().getTime() + 730 * DAY);
        }

        public void remindSignatories(Long proposalId) {
            reminders++;
        }

        public void cancel(Long proposalId) {
            cancelled++;
        }

        public void noticeAccessEnding(Long proposalId) {
            notices++;
        }

        public void expire(Long proposalId) {
            expired++;
        }

        public void close(Long proposalId) {
            closed++;
        }
    }

    public static class AgreementPartiesStandIn {
        public String leadSignatories(Long proposalId) {
            return "SIGNATORY_7";
        }

        public String foundationSignatories(Long proposalId) {
            return "SIGNATORY_1";
        }
    }

    public static class AgreementScheduleStandIn {
        private final AgreementStepsStandIn steps;

        AgreementScheduleStandIn(AgreementStepsStandIn steps) {
            this.steps = steps;
        }

        public String signatureReminderAfter() {
            return "P30D";
        }

        public String signatureChaseAfter() {
            return "P60D";
        }

        public Date endNoticeTime(Long proposalId) {
            return new Date(steps.accessEnd.getTime() - 30 * DAY);
        }

        public Date accessEnd(Long proposalId) {
            return steps.accessEnd;
        }
    }

    /** The defaults of consilium.deadlines, written as the portal's bean writes them (java.time.Duration text). */
    public static class StepDeadlinesStandIn {
        public String completenessCheck() {
            return "PT120H";
        }

        public String expeditedEthicsReview() {
            return "PT240H";
        }

        public String fullEthicsReview() {
            return "PT720H";
        }

        public String quorumDecision() {
            return "PT72H";
        }

        public String agreementPreparation() {
            return "PT240H";
        }

        public String signature() {
            return "PT720H";
        }

        public String chaseDecision() {
            return "PT120H";
        }

        public String projectClosure() {
            return "PT336H";
        }
    }
}
