-- The append-only audit trail. Each entry holds the hash of the one before it; the head row holds the
-- last sequence number and hash, so that removing entries at the end is detected too. The application
-- only ever inserts into audit_entry (docs/security.md shows how to deny UPDATE and DELETE on it).
CREATE TABLE audit_entry (
    seq            BIGINT         NOT NULL,
    occurred_at    DATETIME(6)    NOT NULL,
    actor_id       BIGINT         NULL,
    actor_name     VARCHAR(200)   NOT NULL,
    kind           VARCHAR(60)    NOT NULL,
    record_type    VARCHAR(40)    NULL,
    record_id      VARCHAR(100)   NULL,
    summary        VARCHAR(1000)  NOT NULL,
    reason         VARCHAR(4000)  NULL,
    previous_hash  VARCHAR(64)    NOT NULL,
    hash           VARCHAR(64)    NOT NULL,
    PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_name, occurred_at);
CREATE INDEX ix_audit_entry_record ON audit_entry (record_id, occurred_at);
CREATE INDEX ix_audit_entry_kind ON audit_entry (kind, occurred_at);

CREATE TABLE audit_chain_head (
    id         INT          NOT NULL,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
