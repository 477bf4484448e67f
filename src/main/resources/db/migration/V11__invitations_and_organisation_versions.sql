-- Invitations: an administrator invites a person by e-mail; the link carries a one-time token of which only
-- the SHA-256 is kept here. The invitee chooses a username and password and becomes an active person.
CREATE TABLE invitation (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    token_hash       VARCHAR(64)   NOT NULL,
    email            VARCHAR(254)  NOT NULL,
    full_name        VARCHAR(200)  NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    language         VARCHAR(8)    NULL,
    invited_by       BIGINT        NULL,
    invited_by_name  VARCHAR(200)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    used_at          DATETIME(6)   NULL,
    person_id        BIGINT        NULL,
    revoked_at       DATETIME(6)   NULL,
    revoked_by_name  VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_invitation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_invitation_invited_by FOREIGN KEY (invited_by) REFERENCES person (id),
    CONSTRAINT fk_invitation_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_invitation_open ON invitation (used_at, revoked_at, created_at);
CREATE INDEX ix_invitation_email ON invitation (email);

CREATE TABLE invitation_role (
    invitation_id  BIGINT       NOT NULL,
    role           VARCHAR(40)  NOT NULL,
    PRIMARY KEY (invitation_id, role),
    CONSTRAINT fk_invitation_role_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id)
);

-- Two administrators editing one organisation: the second save is refused instead of silently overwriting.
ALTER TABLE organisation ADD COLUMN lock_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_organisation_type_active ON organisation (type, active);
