-- The public register: what the public may know of each project whose agreement was executed, copied when it
-- was executed and kept up to date as the project ends. No person, no review, no document: only these columns.
CREATE TABLE register_entry (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id        BIGINT        NOT NULL,
    reference          VARCHAR(20)   NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    acronym            VARCHAR(30)   NULL,
    lay_summary        TEXT          NOT NULL,
    lead_organisation  VARCHAR(200)  NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    approved_at        DATETIME(6)   NULL,
    executed_at        DATETIME(6)   NOT NULL,
    access_starts_at   DATETIME(6)   NOT NULL,
    access_ends_at     DATETIME(6)   NOT NULL,
    closed_at          DATETIME(6)   NULL,
    published_at       DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    lock_version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_register_entry_proposal UNIQUE (proposal_id),
    CONSTRAINT uk_register_entry_reference UNIQUE (reference),
    CONSTRAINT fk_register_entry_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_register_entry_status ON register_entry (status, executed_at);
CREATE INDEX ix_register_entry_executed ON register_entry (executed_at);

CREATE TABLE register_entry_disease_area (
    entry_id      BIGINT       NOT NULL,
    disease_area  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (entry_id, disease_area),
    CONSTRAINT fk_register_disease_area_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id)
);
CREATE INDEX ix_register_disease_area ON register_entry_disease_area (disease_area, entry_id);

-- Projects executed before the register existed are published now, as the application would have.
INSERT INTO register_entry (proposal_id, reference, title, acronym, lay_summary, lead_organisation, status,
                            approved_at, executed_at, access_starts_at, access_ends_at, closed_at, published_at,
                            updated_at, lock_version)
SELECT p.id, p.reference, COALESCE(p.title, ''), p.acronym, COALESCE(p.lay_summary, ''), o.name,
       CASE p.status WHEN 'ACTIVE' THEN 'ACTIVE' WHEN 'EXPIRED' THEN 'ACCESS_ENDED' ELSE 'CLOSED' END,
       (SELECT MAX(e.occurred_at) FROM proposal_event e WHERE e.proposal_id = p.id AND e.kind = 'APPROVED'),
       a.executed_at, a.executed_at,
       CASE WHEN a.closed_at IS NOT NULL AND a.closed_at < a.access_ends_at THEN a.closed_at ELSE a.access_ends_at END,
       CASE WHEN p.status = 'CLOSED' THEN a.closed_at ELSE NULL END,
       a.executed_at, a.executed_at, 0
FROM proposal p
JOIN agreement a ON a.proposal_id = p.id
JOIN organisation o ON o.id = p.lead_organisation_id
WHERE p.status IN ('ACTIVE', 'EXPIRED', 'CLOSED') AND a.status = 'EXECUTED' AND p.reference IS NOT NULL
  AND a.executed_at IS NOT NULL AND a.access_ends_at IS NOT NULL;

INSERT INTO register_entry_disease_area (entry_id, disease_area)
SELECT r.id, d.disease_area
FROM register_entry r
JOIN proposal_disease_area d ON d.proposal_id = r.proposal_id;
