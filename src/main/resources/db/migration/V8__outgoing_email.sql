-- E-mails wait here, committed with the decision that caused them, until they are sent. A failing
-- server is retried with growing pauses; after the last attempt the e-mail is an incident an
-- administrator sees and can send again.
CREATE TABLE outgoing_email (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    recipient        VARCHAR(320)   NOT NULL,
    subject          VARCHAR(200)   NOT NULL,
    body             VARCHAR(4000)  NOT NULL,
    created_at       DATETIME(6)    NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)    NOT NULL,
    last_error       VARCHAR(1000)  NULL,
    sent_at          DATETIME(6)    NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_outgoing_email_due ON outgoing_email (status, next_attempt_at);
