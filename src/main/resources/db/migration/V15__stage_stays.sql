-- Each proposal's stays in the stages of its way (org.consilium.cockpit.StageStays), kept as the timeline is
-- written, so that the cockpit's stage times and stage lists read an index range instead of deriving the stays
-- from the whole timeline with window functions (docs/performance.md, "First pages with 100,000 proposals").
-- A stay is open while left_at is NULL; seconds are whole seconds from entered_at to left_at.
CREATE TABLE stage_stay (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    proposal_id BIGINT       NOT NULL,
    stage       VARCHAR(40)  NOT NULL,
    entered_at  DATETIME(6)  NOT NULL,
    left_at     DATETIME(6)  NULL,
    seconds     BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_stage_stay_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
-- A proposal's open stay, found when its timeline moves on.
CREATE INDEX ix_stage_stay_proposal ON stage_stay (proposal_id, left_at);
-- The stays of a stage that ended in a period, read from the index alone.
CREATE INDEX ix_stage_stay_period ON stage_stay (stage, left_at, proposal_id, seconds);

-- The stays of the timelines written so far, by the rules StageStays applies event by event (the same
-- statement as StageSql.REBUILD): marker events start a stay, consecutive events of one stage make one stay, a
-- resubmission after the ethics board's changes goes back to review, END events end a stay and start none.
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
WHERE stage <> 'END';
