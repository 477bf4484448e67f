package org.consilium.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consilium.proposal.ProposalStatus;

/**
 * The cockpit's figures at one moment.
 *
 * @param proposalsByStatus every status a submitted proposal can have (drafts are the applicant's), in the
 *                          enum's order, with zero where there is none
 * @param tasksByStep       per step with a deadline: its open tasks overdue and due soon; only steps with some
 * @param stageTimes        every stage, in order, for the period
 */
public record CockpitFigures(Instant asOf, ReportingPeriod period, Map<ProposalStatus, Long> proposalsByStatus,
                             long overdueTasks, long tasksDueSoon, List<StepTasks> tasksByStep,
                             List<StageTime> stageTimes, long awaitingSignature, long expiringSoon,
                             Duration dueSoonWindow, Duration expiringWindow) {

    /** Open tasks of one step: overdue, and due soon. */
    public record StepTasks(String step, long overdue, long dueSoon) {
    }

    public long proposals(ProposalStatus status) {
        return proposalsByStatus.getOrDefault(status, 0L);
    }

    public StageTime stageTime(Stage stage) {
        return stageTimes.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
