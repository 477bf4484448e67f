package org.consilium.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import java.time.Instant;
import org.consilium.member.MemberService;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalRow;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks the signed-in person may act on: those offered to one of their roles (candidate groups are
 * role names) and those assigned to them. Pages come from the engine's tables; two queries a page, whatever its
 * size, and no count.
 * Task names are given in the reader's language by step ({@code task.<step id>}), else as the BPMN names them.
 */
@Service
@Transactional(readOnly = true)
public class TaskInboxService {

    private final TaskService tasks;
    private final EngineTables tables;
    private final ProposalService proposals;
    private final CurrentUser currentUser;
    private final MemberService members;
    private final Translations translations;
    private final NamedParameterJdbcTemplate jdbc;

    TaskInboxService(TaskService tasks, EngineTables tables, ProposalService proposals,
                     CurrentUser currentUser, MemberService members, Translations translations,
                     NamedParameterJdbcTemplate jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.members = members;
        this.translations = translations;
        this.tasks = tasks;
        this.proposals = proposals;
        this.currentUser = currentUser;
    }

    @PreAuthorize("isAuthenticated()")
    public List<InboxTask> myTasks(int offset, int limit) {
        // One statement for the page and each task's proposal (the process instance's variable), read as rows: the
        // engine's native task query and variable query mapped fifty task and variable entities through MyBatis.
        List<PageRow> page = jdbc.query("SELECT M.ID_, M.NAME_, M.TASK_DEF_KEY_, M.CREATE_TIME_, M.DUE_DATE_,"
                        + " M.ASSIGNEE_, V.LONG_ FROM (" + mine(PAGE_COLUMNS)
                        + " ORDER BY CREATE_TIME_ ASC, ID_ ASC LIMIT :limit OFFSET :offset) M LEFT JOIN " + tables.variable()
                        + " V ON V.EXECUTION_ID_ = M.PROC_INST_ID_ AND V.NAME_ = :proposalId"
                        + " ORDER BY M.CREATE_TIME_ ASC, M.ID_ ASC",
                mineParameters(currentUser.require(), Map.of("limit", limit, "offset", offset, "proposalId",
                        ProposalLifecycle.PROPOSAL_ID)),
                (rs, i) -> new PageRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7)));
        // Only proposals of the engine's own tasks for this person: no record check needed beyond the query.
        Map<Long, ProposalRow> rows = proposals.rowsForTasks(page.stream().map(PageRow::proposalId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return page.stream().map(task -> {
            ProposalRow row = task.proposalId() == null ? null : rows.get(task.proposalId());
            return new InboxTask(task.id(), nameOf(task.name(), task.stepKey()), task.stepKey(), task.created(),
                    task.due(), task.assignee(), task.proposalId(), row == null ? null : row.reference(),
                    row == null ? null : row.displayTitle());
        }).toList();
    }

    /** The task columns an inbox page shows, from both halves of {@link #mine}. */
    private static final String PAGE_COLUMNS = "T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.CREATE_TIME_, T.DUE_DATE_,"
            + " T.ASSIGNEE_, T.PROC_INST_ID_";

    private record PageRow(String id, String name, String stepKey, Instant created, Instant due, String assignee,
                           Long proposalId) {
    }

    /**
     * The person's open tasks as SQL: those assigned to them, and the unassigned ones offered to one of their
     * groups, as two indexed reads joined by a UNION. The engine's own query (an OR over a LEFT JOIN of the
     * identity links) served by no index: it read every open task for each inbox page.
     * The username and the groups are bound as parameters ({@link #mineParameters}), so that the statement's text is
     * the same for everyone with as many groups, and Connector/J's cache of parsed statements serves them all.
     */
    private String mine(String columns) {
        String task = tables.task();
        String link = tables.identityLink();
        return "SELECT " + columns + " FROM " + task + " T WHERE T.SUSPENSION_STATE_ = 1 AND T.ASSIGNEE_ = :username"
                + " UNION SELECT " + columns + " FROM " + task + " T JOIN " + link
                + " I ON I.TASK_ID_ = T.ID_ WHERE T.SUSPENSION_STATE_ = 1 AND T.ASSIGNEE_ IS NULL"
                + " AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (:groups)";
    }

    /** The values of {@link #mine}'s parameters for the person, with the page's own. */
    private Map<String, Object> mineParameters(ConsiliumUser user, Map<String, Object> more) {
        Map<String, Object> parameters = new java.util.HashMap<>(more);
        parameters.put("username", user.getUsername());
        List<String> groups = groupsOf(user);
        // IN () is no SQL: a person without a role is offered no group's task
        parameters.put("groups", groups.isEmpty() ? List.of("") : groups);
        return parameters;
    }

    /** Takes a task offered to one of the person's groups, so that colleagues see it is being handled. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void claim(String taskId) {
        ConsiliumUser user = currentUser.require();
        if (query(user).taskId(taskId).taskUnassigned().count() == 0) {
            throw new TaskGone();
        }
        try {
            tasks.claim(taskId, user.getUsername());
        } catch (org.camunda.bpm.engine.TaskAlreadyClaimedException | org.camunda.bpm.engine.OptimisticLockingException e) {
            throw new TaskGone();
        }
    }

    /** Gives a claimed task back to the group it was offered to. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void release(String taskId) {
        ConsiliumUser user = currentUser.require();
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.getUsername()).singleResult();
        if (task == null || tasks.getIdentityLinksForTask(taskId).stream().noneMatch(l -> l.getGroupId() != null)) {
            throw new TaskGone();
        }
        tasks.setAssignee(taskId, null);
    }

    /** An open task of a proposal, for its page: who holds it, or which group it is offered to. */
    public record OpenTask(String name, String heldBy, Instant due) {
    }

    /** The open tasks of a proposal the caller may already read (the proposal page checked that). */
    @PreAuthorize("isAuthenticated()")
    public List<OpenTask> openTasksOf(String reference) {
        List<ProposalTask> open = proposalTasks(reference);
        if (open.isEmpty()) {
            return List.of();
        }
        Set<Long> organisationIds = new java.util.HashSet<>();
        open.stream().map(ProposalTask::group).filter(java.util.Objects::nonNull).distinct().forEach(g -> {
            if (g.startsWith(ProposalLifecycle.PATIENT_ORGANISATION_GROUP)) {
                organisationIds.add(Long.valueOf(g.substring(ProposalLifecycle.PATIENT_ORGANISATION_GROUP.length())));
            } else if (g.startsWith(ProposalLifecycle.SIGNATORY_GROUP)) {
                organisationIds.add(Long.valueOf(g.substring(ProposalLifecycle.SIGNATORY_GROUP.length())));
            }
        });
        Map<Long, String> organisationNames = members.organisationNames(organisationIds);
        ConsiliumUser viewer = currentUser.require();
        if (!viewer.hasRole(Role.STAFF) && !viewer.hasRole(Role.ADMINISTRATOR)) {
            // Which organisations have not voted yet is for staff only: others see the round as one line.
            List<OpenTask> shown = new java.util.ArrayList<>();
            open.stream().filter(t -> !ProposalLifecycle.CAST_VOTE_TASK.equals(t.stepKey()))
                    .map(t -> openTask(t, organisationNames)).forEach(shown::add);
            open.stream().filter(t -> ProposalLifecycle.CAST_VOTE_TASK.equals(t.stepKey())).findFirst()
                    .ifPresent(t -> shown.add(new OpenTask(translations.translate("workflow.openTasks.vote"),
                            translations.translate("workflow.openTasks.sealed"), t.due())));
            return shown;
        }
        return open.stream().map(t -> openTask(t, organisationNames)).toList();
    }

    private OpenTask openTask(ProposalTask task, Map<Long, String> organisationNames) {
        return new OpenTask(nameOf(task.name(), task.stepKey()), task.assignee() != null ? task.assignee()
                : offeredTo(task.group(), organisationNames), task.due());
    }

    /** An open task of a proposal and the first group it is offered to (a vote's: its organisation's). */
    private record ProposalTask(String id, String name, String stepKey, String assignee, Instant due, String group) {
    }

    /**
     * The proposal's open tasks, oldest first, with their candidate groups: one statement over the engine's tables
     * (the process instance by its business key, its tasks, their identity links). The engine's task query by
     * business key, its variable query and one identity-link lookup per task (four statements each) made the
     * proposal page the slowest screen under load.
     */
    private List<ProposalTask> proposalTasks(String reference) {
        Map<String, ProposalTask> byId = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.ASSIGNEE_, T.DUE_DATE_, I.GROUP_ID_ FROM "
                        + tables.execution() + " E JOIN " + tables.task() + " T ON T.PROC_INST_ID_ = E.ID_ LEFT JOIN "
                        + tables.identityLink()
                        + " I ON I.TASK_ID_ = T.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL"
                        + " WHERE E.BUSINESS_KEY_ = :reference AND E.ID_ = E.PROC_INST_ID_ AND T.SUSPENSION_STATE_ = 1"
                        + " ORDER BY T.CREATE_TIME_ ASC, T.ID_ ASC, I.GROUP_ID_ ASC",
                Map.of("reference", reference), rs -> {
                    byId.putIfAbsent(rs.getString(1), new ProposalTask(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(6)));
                });
        return List.copyOf(byId.values());
    }

    private String nameOf(String name, String stepKey) {
        return translations.translateOr(name, "task." + stepKey);
    }

    private String offeredTo(String group, Map<Long, String> organisationNames) {
        if (group == null) {
            return "";
        }
        if (group.startsWith(ProposalLifecycle.PATIENT_ORGANISATION_GROUP)) {
            return translations.translate("workflow.offeredTo.representatives", organisationNames.get(
                    Long.valueOf(group.substring(ProposalLifecycle.PATIENT_ORGANISATION_GROUP.length()))));
        }
        if (group.startsWith(ProposalLifecycle.SIGNATORY_GROUP)) {
            Long id = Long.valueOf(group.substring(ProposalLifecycle.SIGNATORY_GROUP.length()));
            return translations.translate("workflow.offeredTo.signatories", organisationNames.getOrDefault(id,
                    translations.translate("workflow.offeredTo.organisationNumber", Long.toString(id))));
        }
        Role role = Role.valueOf(group);
        return translations.translateOr(role.label(), "workflow.offeredTo.role." + role.name());
    }

    private TaskQuery query(ConsiliumUser user) {
        return tasks.createTaskQuery().active()
                .or().taskCandidateGroupIn(groupsOf(user)).taskAssignee(user.getUsername()).endOr();
    }

    private static List<String> groupsOf(ConsiliumUser user) {
        List<String> groups = new java.util.ArrayList<>(user.roles().stream().map(Role::name).toList());
        if (user.hasRole(Role.PATIENT_REPRESENTATIVE)) {
            groups.add(ProposalLifecycle.patientOrganisationGroup(user.organisationId()));
        }
        if (user.hasRole(Role.SIGNATORY)) {
            groups.add(ProposalLifecycle.signatoryGroup(user.organisationId()));
        }
        return groups;
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
