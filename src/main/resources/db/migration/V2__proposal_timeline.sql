-- The proposal's timeline: every step and decision, who took it, when, and why.
-- (The hash-chained audit trail of the whole portal is a separate table, to come.)
CREATE TABLE proposal_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id     BIGINT        NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    actor_id        BIGINT        NULL,
    actor_name      VARCHAR(200)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    version_number  INT           NULL,
    reason          VARCHAR(4000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_proposal_event_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_proposal_event_actor FOREIGN KEY (actor_id) REFERENCES person (id)
);
CREATE INDEX ix_proposal_event_proposal ON proposal_event (proposal_id, occurred_at);
