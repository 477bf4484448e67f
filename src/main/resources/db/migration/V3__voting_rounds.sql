-- Patient review: one voting round per proposal, one vote per patient organisation, and the conflict
-- declarations that come before a representative may read the proposal.
CREATE TABLE voting_round (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    proposal_id   BIGINT       NOT NULL,
    opened_at     DATETIME(6)  NOT NULL,
    deadline      DATETIME(6)  NOT NULL,
    extended      BOOLEAN      NOT NULL DEFAULT FALSE,
    closed_at     DATETIME(6)  NULL,
    outcome       VARCHAR(20)  NULL,
    lock_version  BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_voting_round_proposal UNIQUE (proposal_id),
    CONSTRAINT fk_voting_round_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

-- The organisations entitled to vote: the active patient organisations when the round opened.
CREATE TABLE voting_round_organisation (
    voting_round_id  BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (voting_round_id, organisation_id),
    CONSTRAINT fk_round_organisation_round FOREIGN KEY (voting_round_id) REFERENCES voting_round (id),
    CONSTRAINT fk_round_organisation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE vote (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    voting_round_id  BIGINT        NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    voter_id         BIGINT        NOT NULL,
    choice           VARCHAR(40)   NOT NULL,
    comment          VARCHAR(4000) NULL,
    cast_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    -- exactly one vote per organisation: two representatives voting at once leave one vote
    CONSTRAINT uk_vote_round_organisation UNIQUE (voting_round_id, organisation_id),
    CONSTRAINT fk_vote_round FOREIGN KEY (voting_round_id) REFERENCES voting_round (id),
    CONSTRAINT fk_vote_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_vote_voter FOREIGN KEY (voter_id) REFERENCES person (id)
);

CREATE TABLE conflict_declaration (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    voting_round_id  BIGINT        NOT NULL,
    person_id        BIGINT        NOT NULL,
    has_conflict     BOOLEAN       NOT NULL,
    details          VARCHAR(2000) NULL,
    declared_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_conflict_round_person UNIQUE (voting_round_id, person_id),
    CONSTRAINT fk_conflict_round FOREIGN KEY (voting_round_id) REFERENCES voting_round (id),
    CONSTRAINT fk_conflict_person FOREIGN KEY (person_id) REFERENCES person (id)
);
