-- The ethics board's decisions on a proposal; conditions are carried into the data-access agreement.
CREATE TABLE ethics_decision (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id  BIGINT        NOT NULL,
    reviewer_id  BIGINT        NOT NULL,
    route        VARCHAR(20)   NOT NULL,
    decision     VARCHAR(40)   NOT NULL,
    conditions   VARCHAR(4000) NULL,
    comment      VARCHAR(4000) NULL,
    decided_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ethics_decision_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_ethics_decision_reviewer FOREIGN KEY (reviewer_id) REFERENCES person (id)
);
CREATE INDEX ix_ethics_decision_proposal ON ethics_decision (proposal_id, decided_at);
