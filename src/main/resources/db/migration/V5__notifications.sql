-- In-portal notifications: a task assigned, a decision taken, a deadline approaching.
CREATE TABLE notification (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    person_id    BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    proposal_id  BIGINT       NULL,
    message      VARCHAR(500) NOT NULL,
    read_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_notification_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_notification_person_unread ON notification (person_id, read_at, created_at);
