-- The open vote tasks of the load proposals (those of load.researcher), for the Gatling feeder:
-- task id, the organisation whose vote it is, the proposal.
SELECT t.ID_ AS taskId, SUBSTRING(i.GROUP_ID_, 22) AS organisationId, v.LONG_ AS proposalId
FROM ACT_RU_TASK t
JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ LIKE 'PATIENT\_ORGANISATION\_%'
JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = t.PROC_INST_ID_ AND v.NAME_ = 'proposalId'
JOIN proposal p ON p.id = v.LONG_
JOIN person a ON a.id = p.applicant_id AND a.username = 'load.researcher'
WHERE t.TASK_DEF_KEY_ = 'CastVoteTask' AND t.ASSIGNEE_ IS NULL
ORDER BY p.id, organisationId;
