package org.consilium.perf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.consilium.ethics.EthicsRoute;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts each generated proposal of an open stage where its process would wait: a real instance of
 * {@code proposal-lifecycle}, started before the activities of its stage, with the engine's clock set to
 * when that stage began (so tasks show how long they have waited). The engine then evaluates the same
 * expressions as in production (candidate groups, assignees, vote collections, due dates, timers), which
 * read the rows the generator wrote.
 */
public final class OpenProcesses {

    /** One proposal to place. */
    public record Placement(long proposalId, String reference, Story.Stage stage, long stageBegan, EthicsRoute route,
                            String patientOutcome) {
    }

    private static final int PER_TRANSACTION = 25;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate transactions;
    private final Date now;
    /** Per stage: instances started, milliseconds spent, SQL statements sent. */
    private final java.util.Map<Story.Stage, long[]> costs = new java.util.EnumMap<>(Story.Stage.class);

    public OpenProcesses(RuntimeService runtime, ManagementService management, PlatformTransactionManager transactions,
                         java.time.Instant now) {
        this.runtime = runtime;
        this.management = management;
        this.now = Date.from(now);
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Starts one instance per placement; returns how many. */
    public int place(List<Placement> placements) {
        List<Placement> ordered = new ArrayList<>(placements);
        ordered.sort(Comparator.comparingLong(Placement::stageBegan));
        try {
            for (int from = 0; from < ordered.size(); from += PER_TRANSACTION) {
                List<Placement> batch = ordered.subList(from, Math.min(ordered.size(), from + PER_TRANSACTION));
                transactions.executeWithoutResult(status -> batch.forEach(this::start));
            }
        } finally {
            ClockUtil.reset();
        }
        return ordered.size();
    }

    /** What placing cost, per stage: instances, total ms, total SQL statements. */
    public String costs() {
        StringBuilder out = new StringBuilder();
        costs.forEach((stage, c) -> out.append(String.format(java.util.Locale.ROOT,
                "  %-26s %,7d instances  %6.1f ms and %5.1f statements each%n", stage, c[0], c[1] / 1e6 / c[0],
                (double) c[2] / c[0])));
        return out.toString();
    }

    private void start(Placement p) {
        long began = System.nanoTime();
        SqlCounter.Recording recording = SqlCounter.start();
        try {
            instantiate(p);
        } finally {
            SqlCounter.stop();
            long[] c = costs.computeIfAbsent(p.stage(), s -> new long[3]);
            c[0]++;
            c[1] += System.nanoTime() - began;
            c[2] += recording.count();
        }
    }

    private void instantiate(Placement p) {
        ClockUtil.setCurrentTime(new Date(p.stageBegan() * 1000));
        ProcessInstantiationBuilder builder = runtime.createProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY)
                .businessKey(p.reference()).setVariable(ProposalLifecycle.PROPOSAL_ID, p.proposalId());
        if (p.route() != null && p.stage().ordinal() >= Story.Stage.VOTE_AND_ETHICS.ordinal()) {
            builder.setVariable("ethicsRoute", p.route().name());
        }
        if (p.patientOutcome() != null) {
            builder.setVariable("patientOutcome", p.patientOutcome());
        }
        for (String activity : activities(p)) {
            builder.startBeforeActivity(activity);
        }
        String instance = builder.execute().getId();
        // A reminder whose time has passed was sent then (the story recorded it): its timer no longer waits.
        management.createJobQuery().processInstanceId(instance).activityId("VotingReminderTimer").duedateLowerThan(now)
                .list().forEach(job -> management.deleteJob(job.getId()));
    }

    static List<String> activities(Placement p) {
        String ethics = p.route() == EthicsRoute.FULL ? ProposalLifecycle.FULL_ETHICS_REVIEW_TASK
                : ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK;
        String votes = ProposalLifecycle.CAST_VOTE_TASK + "#multiInstanceBody";
        String join = "ReviewJoinGateway";
        return switch (p.stage()) {
            case CHECK -> List.of(ProposalLifecycle.CHECK_COMPLETENESS_TASK);
            case REVISE -> List.of(ProposalLifecycle.REVISE_PROPOSAL_TASK);
            case VOTE_AND_ETHICS -> List.of(votes, ethics);
            case ETHICS_AFTER_VOTE -> List.of(ethics, join);
            case QUORUM_AND_ETHICS -> List.of(ProposalLifecycle.DECIDE_ON_QUORUM_TASK, ethics);
            case REVISE_FOR_ETHICS_VOTING -> List.of(ProposalLifecycle.REVISE_FOR_ETHICS_TASK, votes);
            case REVISE_FOR_ETHICS_VOTED -> List.of(ProposalLifecycle.REVISE_FOR_ETHICS_TASK, join);
            case PREPARE_AGREEMENT -> List.of(ProposalLifecycle.PREPARE_AGREEMENT_TASK);
            case LEAD_SIGNATURE -> List.of(ProposalLifecycle.LEAD_SIGNATURE_TASK);
            case FOUNDATION_SIGNATURE -> List.of(ProposalLifecycle.FOUNDATION_SIGNATURE_TASK);
            case CHASE -> List.of(ProposalLifecycle.CHASE_OR_CANCEL_TASK);
            case ACCESS_NOTICE_TIMER -> List.of("AccessEndNoticeTimer");
            case ACCESS_END_TIMER -> List.of("AccessEndTimer");
            case REPORT_OUTPUTS -> List.of(ProposalLifecycle.REPORT_OUTPUTS_TASK);
            case CLOSE_PROJECT -> List.of(ProposalLifecycle.CLOSE_PROJECT_TASK);
            case NONE -> List.of();
        };
    }
}
