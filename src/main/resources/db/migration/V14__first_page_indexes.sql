-- Indexes for first pages with many proposals (docs/performance.md, "First pages with 100,000 proposals").
-- The cockpit's proposal list, latest change first: read in index order, stopping after one page.
CREATE INDEX ix_proposal_updated ON proposal (updated_at);
-- The cockpit's agreement list orders by each agreement's latest sending: read from the index alone.
CREATE INDEX ix_agreement_version_sent ON agreement_version (agreement_id, sent_at);
-- The cockpit's stage times: the timeline's marker events of a period, read from the index alone.
CREATE INDEX ix_proposal_event_period ON proposal_event (occurred_at, kind, proposal_id);
