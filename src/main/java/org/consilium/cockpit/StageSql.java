package org.consilium.cockpit;

/**
 * The SQL that turns the proposal timeline into stays in stages. Each timeline event that changes where a
 * proposal stands starts a stay; the stay ends at the next such event of the same proposal. A resubmission
 * after the ethics board asked for changes goes back to review, any other to the completeness check. Events
 * that end a proposal's way (rejections, withdrawal, cancellation, closure) end the stay before them and
 * start none; the active project (the agreed access period) starts a stay that is not reported.
 *
 * <p>Only stays that ended within the period count, summed per proposal and stage (a proposal returned twice
 * spent the sum of both stays with its applicant). Portable SQL: common table expressions and window
 * functions, which MySQL 8, MariaDB 10.2+ and H2 all run.
 */
final class StageSql {

    /** The kinds of timeline event that change where a proposal stands. */
    static final String MARKERS = "'SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CHANGES', 'ACCEPTED_AT_CHECK',"
            + " 'REVIEW_STARTED', 'CHANGES_REQUESTED', 'APPROVED', 'AGREEMENT_GENERATED', 'AGREEMENT_SENT',"
            + " 'AGREEMENT_EXECUTED', 'ACCESS_EXPIRED', 'REJECTED_AT_CHECK', 'REJECTED', 'ETHICS_REJECTED',"
            + " 'REJECTED_FOR_LACK_OF_QUORUM', 'WITHDRAWN', 'AGREEMENT_CANCELLED', 'CLOSED'";

    private static final String STAGE_OF_EVENT = """
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
              ELSE 'END' END""";

    /**
     * {@code stay_totals(stage, proposal_id, seconds, left_at)}: per proposal and stage, the seconds of its stays
     * that ended in [:from, :to). Proposals are narrowed first to those with a marker event in the period (an
     * index range on occurred_at); only their marker events are then read. Consecutive events of one stage
     * (accepted, then review started; approved, then a first agreement version) make one stay: a stay ends at
     * the first event of another stage.
     */
    static final String STAY_TOTALS = """
            WITH in_period AS (
              SELECT DISTINCT proposal_id FROM proposal_event
              WHERE occurred_at >= :from AND occurred_at < :to AND kind IN (%1$s)
            ),
            marks AS (
              SELECT e.id, e.proposal_id, e.kind, e.occurred_at,
                     LAG(e.kind) OVER (PARTITION BY e.proposal_id ORDER BY e.occurred_at, e.id) AS previous_kind
              FROM proposal_event e JOIN in_period p ON p.proposal_id = e.proposal_id
              WHERE e.kind IN (%1$s)
            ),
            staged AS (
              SELECT id, proposal_id, occurred_at, %2$s AS stage FROM marks
            ),
            changes AS (
              SELECT id, proposal_id, occurred_at, stage,
                     LAG(stage) OVER (PARTITION BY proposal_id ORDER BY occurred_at, id) AS previous_stage
              FROM staged
            ),
            stays AS (
              SELECT proposal_id, stage, occurred_at AS entered_at,
                     LEAD(occurred_at) OVER (PARTITION BY proposal_id ORDER BY occurred_at, id) AS left_at
              FROM changes WHERE previous_stage IS NULL OR previous_stage <> stage
            ),
            stay_totals AS (
              SELECT stage, proposal_id, SUM(TIMESTAMPDIFF(SECOND, entered_at, left_at)) AS seconds,
                     MAX(left_at) AS left_at
              FROM stays
              WHERE left_at >= :from AND left_at < :to AND stage NOT IN ('ACTIVE', 'END')
              GROUP BY stage, proposal_id
            )
            """.formatted(MARKERS, STAGE_OF_EVENT);

    /**
     * Per stage: how many proposals, and the one or two rows around the median and the 90th percentile
     * (positions (n-1)·q + 1, rounded down and up), so that the percentiles can be interpolated from at most
     * four rows a stage instead of reading every stay.
     */
    static final String PERCENTILE_ROWS = STAY_TOTALS + """
            , ranked AS (
              SELECT stage, seconds,
                     ROW_NUMBER() OVER (PARTITION BY stage ORDER BY seconds) AS rn,
                     COUNT(*) OVER (PARTITION BY stage) AS n
              FROM stay_totals
            )
            SELECT stage, n, rn, seconds FROM ranked
            WHERE rn = FLOOR((n - 1) * 0.5) + 1 OR rn = CEILING((n - 1) * 0.5) + 1
               OR rn = FLOOR((n - 1) * 0.9) + 1 OR rn = CEILING((n - 1) * 0.9) + 1
            ORDER BY stage, rn""";

    private StageSql() {
    }
}
