-- Consilium schema, first cut: members, proposals with their frozen versions and attachments,
-- and the yearly counter behind proposal references. MySQL dialect; runs unchanged on H2 in MODE=MySQL.

CREATE TABLE organisation (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200) NOT NULL,
    country_code  VARCHAR(2)     NOT NULL,
    type          VARCHAR(40)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_organisation_name UNIQUE (name)
);

CREATE TABLE person (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    username         VARCHAR(60)  NOT NULL,
    full_name        VARCHAR(200) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    password_hash    VARCHAR(200) NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_person_username UNIQUE (username),
    CONSTRAINT fk_person_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE person_role (
    person_id  BIGINT      NOT NULL,
    role       VARCHAR(40) NOT NULL,
    PRIMARY KEY (person_id, role),
    CONSTRAINT fk_person_role_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE TABLE proposal (
    id                        BIGINT        NOT NULL AUTO_INCREMENT,
    reference                 VARCHAR(20)   NULL,
    status                    VARCHAR(40)   NOT NULL,
    applicant_id              BIGINT        NOT NULL,
    title                     VARCHAR(300)  NULL,
    acronym                   VARCHAR(30)   NULL,
    lead_organisation_id      BIGINT        NULL,
    principal_investigator_id BIGINT        NULL,
    background                TEXT          NULL,
    objectives                TEXT          NULL,
    methodology               TEXT          NULL,
    lay_summary               TEXT          NULL,
    data_level                VARCHAR(40)   NULL,
    estimated_cohort_size     INT           NULL,
    uses_ai_modelling         BOOLEAN       NOT NULL DEFAULT FALSE,
    ai_modelling_description  VARCHAR(2000) NULL,
    duration_months           INT           NULL,
    funding_source            VARCHAR(500)  NULL,
    commercial_interest       BOOLEAN       NOT NULL DEFAULT FALSE,
    commercial_interest_details VARCHAR(2000) NULL,
    conflicts_of_interest     VARCHAR(4000) NULL,
    current_version           INT           NOT NULL DEFAULT 0,
    created_at                DATETIME(6)   NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    submitted_at              DATETIME(6)   NULL,
    lock_version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_proposal_reference UNIQUE (reference),
    CONSTRAINT fk_proposal_applicant FOREIGN KEY (applicant_id) REFERENCES person (id),
    CONSTRAINT fk_proposal_lead_organisation FOREIGN KEY (lead_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_proposal_principal_investigator FOREIGN KEY (principal_investigator_id) REFERENCES person (id)
);
CREATE INDEX ix_proposal_applicant_updated ON proposal (applicant_id, updated_at);
CREATE INDEX ix_proposal_status ON proposal (status);

CREATE TABLE proposal_team_member (
    proposal_id        BIGINT       NOT NULL,
    position           INT          NOT NULL,
    person_id          BIGINT       NULL,
    full_name          VARCHAR(200) NOT NULL,
    organisation_name  VARCHAR(200) NOT NULL,
    project_role       VARCHAR(100) NOT NULL,
    PRIMARY KEY (proposal_id, position),
    CONSTRAINT fk_team_member_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_team_member_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_team_member_person ON proposal_team_member (person_id);

CREATE TABLE proposal_disease_area (
    proposal_id   BIGINT      NOT NULL,
    disease_area  VARCHAR(40) NOT NULL,
    PRIMARY KEY (proposal_id, disease_area),
    CONSTRAINT fk_disease_area_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

CREATE TABLE proposal_data_category (
    proposal_id    BIGINT      NOT NULL,
    data_category  VARCHAR(40) NOT NULL,
    PRIMARY KEY (proposal_id, data_category),
    CONSTRAINT fk_data_category_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

CREATE TABLE proposal_expected_output (
    proposal_id      BIGINT      NOT NULL,
    expected_output  VARCHAR(40) NOT NULL,
    PRIMARY KEY (proposal_id, expected_output),
    CONSTRAINT fk_expected_output_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

-- A frozen version: the content as submitted, as JSON, never updated.
CREATE TABLE proposal_version (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    proposal_id     BIGINT      NOT NULL,
    version_number  INT         NOT NULL,
    submitted_at    DATETIME(6) NOT NULL,
    submitted_by_id BIGINT      NOT NULL,
    content_json    LONGTEXT    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_proposal_version UNIQUE (proposal_id, version_number),
    CONSTRAINT fk_version_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_version_submitted_by FOREIGN KEY (submitted_by_id) REFERENCES person (id)
);

-- Attachment metadata; the bytes live in the attachment store, named by their SHA-256.
CREATE TABLE attachment (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    proposal_id     BIGINT       NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    page_count      INT          NOT NULL,
    uploaded_by_id  BIGINT       NOT NULL,
    uploaded_at     DATETIME(6)  NOT NULL,
    frozen_in_version INT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_attachment_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_attachment_uploaded_by FOREIGN KEY (uploaded_by_id) REFERENCES person (id)
);
CREATE INDEX ix_attachment_proposal ON attachment (proposal_id);

CREATE TABLE proposal_reference_counter (
    reference_year  INT NOT NULL,
    last_number     INT NOT NULL,
    PRIMARY KEY (reference_year)
);
