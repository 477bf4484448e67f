-- Data-access agreements (steps 6-8): versions as PDFs, signatures, the access period, extensions and outputs.
CREATE TABLE agreement (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id           BIGINT        NOT NULL,
    lead_organisation_id  BIGINT        NOT NULL,
    foundation_id         BIGINT        NOT NULL,
    status                VARCHAR(30)   NOT NULL,
    access_months         INT           NOT NULL,
    executed_at           DATETIME(6)   NULL,
    access_ends_at        DATETIME(6)   NULL,
    executed_document_id  BIGINT        NULL,
    closure_requested_at  DATETIME(6)   NULL,
    closed_at             DATETIME(6)   NULL,
    lock_version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_proposal UNIQUE (proposal_id),
    CONSTRAINT fk_agreement_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_agreement_lead FOREIGN KEY (lead_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_agreement_foundation FOREIGN KEY (foundation_id) REFERENCES organisation (id)
);

-- The PDFs themselves, kept with the signatures that refer to them (one transaction).
CREATE TABLE agreement_document (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    sha256      VARCHAR(64)  NOT NULL,
    size_bytes  INT          NOT NULL,
    content     LONGBLOB     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_agreement_document_sha256 ON agreement_document (sha256);

ALTER TABLE agreement ADD CONSTRAINT fk_agreement_executed_document
    FOREIGN KEY (executed_document_id) REFERENCES agreement_document (id);

CREATE TABLE agreement_version (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    agreement_id  BIGINT       NOT NULL,
    number        INT          NOT NULL,
    state         VARCHAR(30)  NOT NULL,
    document_id   BIGINT       NOT NULL,
    generated_by  BIGINT       NOT NULL,
    generated_at  DATETIME(6)  NOT NULL,
    sent_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_version UNIQUE (agreement_id, number),
    CONSTRAINT fk_agreement_version_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT fk_agreement_version_document FOREIGN KEY (document_id) REFERENCES agreement_document (id),
    CONSTRAINT fk_agreement_version_generated_by FOREIGN KEY (generated_by) REFERENCES person (id)
);

-- One signature per party and version: nobody signs twice, and the unique key settles a race.
CREATE TABLE agreement_signature (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    version_id         BIGINT         NOT NULL,
    party              VARCHAR(20)    NOT NULL,
    signer_id          BIGINT         NOT NULL,
    signer_name        VARCHAR(200)   NOT NULL,
    organisation_id    BIGINT         NOT NULL,
    organisation_name  VARCHAR(200)   NOT NULL,
    meaning            VARCHAR(500)   NOT NULL,
    signed_at          DATETIME(6)    NOT NULL,
    document_sha256    VARCHAR(64)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_signature UNIQUE (version_id, party),
    CONSTRAINT fk_agreement_signature_version FOREIGN KEY (version_id) REFERENCES agreement_version (id),
    CONSTRAINT fk_agreement_signature_signer FOREIGN KEY (signer_id) REFERENCES person (id),
    CONSTRAINT fk_agreement_signature_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE access_extension (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    agreement_id  BIGINT         NOT NULL,
    previous_end  DATETIME(6)    NOT NULL,
    new_end       DATETIME(6)    NOT NULL,
    reason        VARCHAR(2000)  NOT NULL,
    approved_by   BIGINT         NOT NULL,
    approved_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_access_extension_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT fk_access_extension_approved_by FOREIGN KEY (approved_by) REFERENCES person (id)
);

-- What a project produced, as its applicant reports it at closure.
CREATE TABLE project_output (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    proposal_id  BIGINT         NOT NULL,
    kind         VARCHAR(30)    NOT NULL,
    title        VARCHAR(500)   NOT NULL,
    doi          VARCHAR(200)   NULL,
    description  VARCHAR(2000)  NULL,
    reported_by  BIGINT         NOT NULL,
    reported_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_project_output_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_project_output_reported_by FOREIGN KEY (reported_by) REFERENCES person (id)
);
CREATE INDEX ix_project_output_proposal ON project_output (proposal_id, reported_at);
