-- The open vote tasks of the load proposals (those of load.researcher), for the Gatling feeder:
-- task id, the organisation whose vote it is, the proposal. Leaves out the tasks on which someone of the
-- organisation has already declared (a run that ended between declaration and vote): the simulation expects to
-- declare first.
SELECT t.ID_ AS taskId, SUBSTRING(i.GROUP_ID_, 22) AS organisationId, v.LONG_ AS proposalId
FROM ACT_RU_TASK t
JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ LIKE 'PATIENT\_ORGANISATION\_%'
JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = t.PROC_INST_ID_ AND v.NAME_ = 'proposalId'
JOIN proposal p ON p.id = v.LONG_
JOIN person a ON a.id = p.applicant_id AND a.username = 'load.researcher'
WHERE t.TASK_DEF_KEY_ = 'CastVoteTask' AND t.ASSIGNEE_ IS NULL
  AND NOT EXISTS (SELECT 1 FROM conflict_declaration d JOIN voting_round r ON r.id = d.voting_round_id
                  JOIN person q ON q.id = d.person_id
                  WHERE r.proposal_id = p.id AND q.organisation_id = SUBSTRING(i.GROUP_ID_, 22))
ORDER BY p.id, organisationId;
