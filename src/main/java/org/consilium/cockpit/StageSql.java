package org.consilium.cockpit;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The cockpit's SQL on {@code stage_stay}, the proposals' stays in stages that {@link StageStays} keeps as the
 * timeline is written. Only stays that ended within the period count, summed per proposal and stage (a proposal
 * returned twice spent the sum of both stays with its applicant); active projects' stays are never reported.
 */
final class StageSql {

    /**
     * {@code (proposal_id, seconds, left_at)}: per proposal, the seconds of its stays in {@code :stage} that ended
     * in [:from, :to); read from the period index alone (V15).
     */
    static final String STAY_TOTALS = stayTotals(":stage");

    private static String stayTotals(String stage) {
        return "SELECT proposal_id, SUM(seconds) AS seconds, MAX(left_at) AS left_at FROM stage_stay"
                + " WHERE stage = " + stage + " AND left_at >= :from AND left_at < :to GROUP BY proposal_id";
    }

    /**
     * Per stage reported (the {@link Stage}s; active projects' stays are not): how many proposals, and the one or
     * two rows around the median and the 90th percentile (positions (n-1)·q + 1, rounded down and up), so that
     * the percentiles can be interpolated from at most four rows a stage instead of reading every stay. One
     * branch per stage: grouping and ranking all stages at once needed temporary tables too large for memory on
     * MariaDB (1.6 s instead of 0.24 s at 100,000 proposals, docs/performance.md).
     */
    static final String PERCENTILE_ROWS = Arrays.stream(Stage.values()).map(stage -> """
            SELECT '%s' AS stage, n, rn, seconds FROM (
              SELECT seconds, ROW_NUMBER() OVER (ORDER BY seconds) AS rn, COUNT(*) OVER () AS n
              FROM (%s) t
            ) ranked
            WHERE rn = FLOOR((n - 1) * 0.5) + 1 OR rn = CEILING((n - 1) * 0.5) + 1
               OR rn = FLOOR((n - 1) * 0.9) + 1 OR rn = CEILING((n - 1) * 0.9) + 1
            """.formatted(stage.name(), stayTotals("'" + stage.name() + "'")))
            .collect(Collectors.joining("UNION ALL\n", "", "ORDER BY stage, rn"));

    /**
     * The stays of every proposal that has none yet, from its whole timeline, by the rules of {@link StageStays}
     * (the same statement as V15__stage_stays.sql's backfill): for data written around the services (tests'
     * and the benchmark's generators). Portable SQL: derived tables and window functions, which MariaDB 10.2+,
     * MySQL 8 and H2 all run; whole seconds computed from microseconds, as {@code TIMESTAMPDIFF(SECOND, ...)}
     * counts differently in H2 (second boundaries crossed) and MariaDB (whole seconds elapsed).
     */
    static final String REBUILD = """
            INSERT INTO stage_stay (proposal_id, stage, entered_at, left_at, seconds)
            SELECT proposal_id, stage, entered_at, left_at,
                   FLOOR(TIMESTAMPDIFF(MICROSECOND, entered_at, left_at) / 1000000) AS seconds
            FROM (
              SELECT proposal_id, stage, occurred_at AS entered_at,
                     LEAD(occurred_at) OVER (PARTITION BY proposal_id ORDER BY occurred_at, id) AS left_at
              FROM (
                SELECT id, proposal_id, occurred_at, stage,
                       LAG(stage) OVER (PARTITION BY proposal_id ORDER BY occurred_at, id) AS previous_stage
                FROM (
                  SELECT id, proposal_id, occurred_at,
                         CASE kind
                           WHEN 'SUBMITTED' THEN 'COMPLETENESS_CHECK'
                           WHEN 'RESUBMITTED' THEN CASE WHEN previous_kind = 'CHANGES_REQUESTED' THEN 'REVIEW'
                                                        ELSE 'COMPLETENESS_CHECK' END
                           WHEN 'RETURNED_FOR_CHANGES' THEN 'RETURNED'
                           WHEN 'ACCEPTED_AT_CHECK' THEN 'REVIEW'
                           WHEN 'REVIEW_STARTED' THEN 'REVIEW'
                           WHEN 'CHANGES_REQUESTED' THEN 'CHANGES_REQUESTED'
                           WHEN 'APPROVED' THEN 'AGREEMENT_PREPARATION'
                           WHEN 'AGREEMENT_GENERATED' THEN 'AGREEMENT_PREPARATION'
                           WHEN 'AGREEMENT_SENT' THEN 'SIGNATURE'
                           WHEN 'AGREEMENT_EXECUTED' THEN 'ACTIVE'
                           WHEN 'ACCESS_EXPIRED' THEN 'AWAITING_CLOSURE'
                           ELSE 'END' END AS stage
                  FROM (
                    SELECT e.id, e.proposal_id, e.kind, e.occurred_at,
                           LAG(e.kind) OVER (PARTITION BY e.proposal_id ORDER BY e.occurred_at, e.id) AS previous_kind
                    FROM proposal_event e
                    WHERE e.kind IN ('SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CHANGES', 'ACCEPTED_AT_CHECK', 'REVIEW_STARTED',
                                     'CHANGES_REQUESTED', 'APPROVED', 'AGREEMENT_GENERATED', 'AGREEMENT_SENT',
                                     'AGREEMENT_EXECUTED', 'ACCESS_EXPIRED', 'REJECTED_AT_CHECK', 'REJECTED', 'ETHICS_REJECTED',
                                     'REJECTED_FOR_LACK_OF_QUORUM', 'WITHDRAWN', 'AGREEMENT_CANCELLED', 'CLOSED')
                      AND NOT EXISTS (SELECT 1 FROM stage_stay s WHERE s.proposal_id = e.proposal_id)
                  ) marks
                ) staged
              ) changes
              WHERE previous_stage IS NULL OR previous_stage <> stage
            ) stays
            WHERE stage <> 'END'""";

    private StageSql() {
    }
}
