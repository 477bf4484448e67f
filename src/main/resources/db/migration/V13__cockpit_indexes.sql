-- The staff cockpit reads the timeline by period and the agreements by state and end of access.
-- The stage times first narrow the proposals to those with an event in the period (a range on occurred_at).
CREATE INDEX ix_proposal_event_occurred ON proposal_event (occurred_at);
CREATE INDEX ix_agreement_status_ends ON agreement (status, access_ends_at);
