package org.consilium.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.consilium.SignIn;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditVerification;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalStatus;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a restart: does every proposal's status agree with its Camunda process and tasks, with its own
 * tables (versions, voting round, votes, ethics decisions, notifications) and with the audit trail; is
 * every step the driver saw committed still there; is the audit chain intact; are references gap-free?
 * The rules follow {@code workflows/proposal-lifecycle.bpmn}; docs/reliability.md lists them.
 */
final class ConsistencyCheck {

    record Result(int proposals, int claims, long auditEntries, List<String> problems, String stats,
                  String inFlight) {
    }

    /** The statuses with a running process instance (a wait state of the lifecycle the driver reaches). */
    static final Set<String> LIVE = Set.of("SUBMITTED", "RETURNED", "UNDER_REVIEW", "CHANGES_REQUESTED", "APPROVED");

    /** Which audit entry a claimed step must have left. */
    static final Map<String, String> AUDIT_KIND_OF_STEP = Map.ofEntries(
            Map.entry("SUBMIT", "SUBMITTED"),
            Map.entry("RESUBMIT", "RESUBMITTED"),
            Map.entry("ACCEPT", "ACCEPTED_AT_CHECK"),
            Map.entry("RETURN", "RETURNED_FOR_CHANGES"),
            Map.entry("REJECT", "REJECTED_AT_CHECK"),
            Map.entry("DECLARE", "CONFLICT_DECLARED"),
            Map.entry("VOTE", "VOTE_CAST"),
            Map.entry("ETHICS_APPROVE", "ETHICS_APPROVED"),
            Map.entry("ETHICS_CHANGES", "CHANGES_REQUESTED"),
            Map.entry("ETHICS_REJECT", "ETHICS_REJECTED"),
            Map.entry("QUORUM_EXTEND", "VOTING_ROUND_EXTENDED"),
            Map.entry("QUORUM_REJECT", "REJECTED_FOR_LACK_OF_QUORUM"),
            Map.entry("WITHDRAW", "WITHDRAWN"));

    private static final Set<String> ETHICS_KINDS = Set.of("ETHICS_APPROVED", "ETHICS_APPROVED_WITH_CONDITIONS",
            "CHANGES_REQUESTED", "ETHICS_REJECTED");
    private static final Set<String> ETHICS_TASKS = Set.of(ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK,
            ProposalLifecycle.FULL_ETHICS_REVIEW_TASK);
    private static final Set<String> TIMELINE_KINDS = Arrays.stream(ProposalEventKind.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final Pattern REFERENCE = Pattern.compile("CONS-(\\d{4})-(\\d{4})");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final HistoryService history;
    private final AuditService audit;
    private final java.nio.file.Path attachments;
    private final List<String> problems = new ArrayList<>();
    private int ruleChecks;

    ConsistencyCheck(ConfigurableApplicationContext context, java.nio.file.Path attachments) {
        this.attachments = attachments;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.history = context.getBean(HistoryService.class);
        this.audit = context.getBean(AuditService.class);
    }

    // ---------------------------------------------------------------- what is read

    private record Proposal(long id, String reference, String status, int currentVersion, long applicantId,
                            String applicant, String title) {

        String key() {
            return reference == null ? "#" + id : reference;
        }
    }

    private record Round(long id, long proposalId, boolean closed, String outcome, Set<Long> organisations,
                         Set<Long> voted, int declarations) {
    }

    private record OpenTask(String id, String step, String assignee, Long organisationId) {
    }

    private record Claim(String key, String step, String detail, String line) {
    }

    Result run(List<String> claimLines) {
        SignIn.asAdministrator(); // the audit trail is read as the auditors read it
        try {
            return check(claimLines);
        } finally {
            SignIn.out();
        }
    }

    private Result check(List<String> claimLines) {
        AuditVerification chain = audit.verify();
        if (!chain.intact()) {
            problems.add("audit chain: " + chain.message());
        }
        List<AuditEntry> trail = wholeTrail();
        if (trail.size() != chain.entriesChecked() && chain.intact()) {
            problems.add("audit chain: verify() checked " + chain.entriesChecked() + " entries but find() lists "
                    + trail.size());
        }
        Map<String, List<AuditEntry>> auditOf = new HashMap<>();
        trail.stream().filter(e -> "proposal".equals(e.recordType()))
                .forEach(e -> auditOf.computeIfAbsent(e.recordId(), k -> new ArrayList<>()).add(e));

        List<Proposal> proposals = jdbc.query("SELECT p.id, p.reference, p.status, p.current_version, p.applicant_id,"
                        + " a.username, p.title FROM proposal p JOIN person a ON a.id = p.applicant_id ORDER BY p.id",
                (rs, n) -> new Proposal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7)));
        Map<Long, Proposal> byId = proposals.stream().collect(Collectors.toMap(Proposal::id, p -> p));
        Map<String, Proposal> byReference = proposals.stream().filter(p -> p.reference() != null)
                .collect(Collectors.toMap(Proposal::reference, p -> p));

        Map<Long, List<String>> timeline = group(jdbc.query(
                "SELECT proposal_id, kind FROM proposal_event ORDER BY id",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))));
        Map<Long, List<String>> ethics = group(jdbc.query(
                "SELECT proposal_id, decision FROM ethics_decision ORDER BY id",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))));
        Map<Long, Integer> versions = new HashMap<>();
        jdbc.query("SELECT proposal_id, COUNT(*) FROM proposal_version GROUP BY proposal_id",
                rs -> {
                    versions.put(rs.getLong(1), rs.getInt(2));
                });
        Map<Long, Round> rounds = rounds();
        Map<Long, String> organisationNames = new HashMap<>();
        jdbc.query("SELECT id, name FROM organisation", rs -> {
            organisationNames.put(rs.getLong(1), rs.getString(2));
        });
        Map<Long, Long> representativeOrganisation = new HashMap<>();
        jdbc.query("SELECT id, organisation_id FROM person", rs -> {
            representativeOrganisation.put(rs.getLong(1), rs.getLong(2));
        });
        Map<Long, Set<Long>> declaredBy = new HashMap<>();
        jdbc.query("SELECT r.proposal_id, d.person_id FROM conflict_declaration d"
                + " JOIN voting_round r ON r.id = d.voting_round_id", rs -> {
            declaredBy.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                    .add(representativeOrganisation.get(rs.getLong(2)));
        });
        Map<Long, List<String>> applicantNotices = group(jdbc.query(
                "SELECT n.proposal_id, n.message FROM notification n JOIN proposal p ON p.id = n.proposal_id"
                        + " WHERE n.person_id = p.applicant_id ORDER BY n.id",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))));

        // The engine's side.
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProposalLifecycle.PROCESS_KEY).list();
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProposalLifecycle.PROCESS_KEY).list();
        Map<String, Object> proposalIdOfInstance = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .variableName(ProposalLifecycle.PROPOSAL_ID).list()) {
            proposalIdOfInstance.put(v.getProcessInstanceId(), v.getValue());
        }
        Map<String, List<OpenTask>> openTasks = new HashMap<>();
        List<Task> allOpen = taskService.createTaskQuery().list();
        Set<String> runningIds = running.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        for (Task t : allOpen) {
            if (!runningIds.contains(t.getProcessInstanceId())) {
                problems.add("task " + t.getTaskDefinitionKey() + " " + t.getId() + " belongs to no running lifecycle");
                continue;
            }
            Object organisation = ProposalLifecycle.CAST_VOTE_TASK.equals(t.getTaskDefinitionKey())
                    ? taskService.getVariable(t.getId(), "organisationId") : null;
            openTasks.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(new OpenTask(t.getId(),
                    t.getTaskDefinitionKey(), t.getAssignee(),
                    organisation == null ? null : ((Number) organisation).longValue()));
        }
        Map<String, Map<String, Integer>> completedTasks = new HashMap<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().finished().list()) {
            if ("completed".equals(t.getDeleteReason())) {
                completedTasks.computeIfAbsent(t.getProcessInstanceId(), k -> new HashMap<>())
                        .merge(t.getTaskDefinitionKey(), 1, Integer::sum);
            }
        }
        long incidents = runtime.createIncidentQuery().count();
        if (incidents > 0) {
            problems.add("the engine has " + incidents + " open incident(s)");
        }

        // Every instance, running or ended, belongs to a proposal that was submitted.
        Map<String, List<HistoricProcessInstance>> instancesOf = new HashMap<>();
        for (HistoricProcessInstance i : instances) {
            instancesOf.computeIfAbsent(i.getBusinessKey(), k -> new ArrayList<>()).add(i);
            Proposal owner = byReference.get(i.getBusinessKey());
            if (owner == null) {
                problems.add("process instance " + i.getId() + " has business key " + i.getBusinessKey()
                        + ", which is no proposal's reference (a submission rolled back but its process stayed?)");
            } else if (!Objects.equals(number(proposalIdOfInstance.get(i.getId())), owner.id())) {
                problems.add(owner.key() + ": its process instance " + i.getId() + " says proposalId "
                        + proposalIdOfInstance.get(i.getId()) + ", not " + owner.id());
            }
        }
        Map<String, List<ProcessInstance>> runningOf = running.stream()
                .collect(Collectors.groupingBy(i -> String.valueOf(i.getBusinessKey())));

        // Each proposal.
        Map<String, Integer> statuses = new TreeMap<>();
        for (Proposal p : proposals) {
            statuses.merge(p.status(), 1, Integer::sum);
            List<AuditEntry> entries = auditOf.getOrDefault(p.reference() != null ? p.reference()
                    : "draft #" + p.id(), List.of()); // how the trail names a proposal
            List<String> kinds = entries.stream().map(AuditEntry::kind).toList();
            List<String> events = timeline.getOrDefault(p.id(), List.of());
            List<String> decisions = ethics.getOrDefault(p.id(), List.of());
            Round round = rounds.get(p.id());
            if (p.status().equals("DRAFT")) {
                checkDraft(p, entries, events, decisions, round, versions, proposalIdOfInstance);
                continue;
            }
            Matcher reference = p.reference() == null ? null : REFERENCE.matcher(p.reference());
            if (reference == null || !reference.matches()) {
                problems.add(p.key() + ": status " + p.status() + " but reference " + p.reference());
                continue;
            }
            List<HistoricProcessInstance> mine = instancesOf.getOrDefault(p.reference(), List.of());
            List<ProcessInstance> mineRunning = runningOf.getOrDefault(p.reference(), List.of());
            boolean live = LIVE.contains(p.status());
            if (mine.size() != 1) {
                problems.add(p.key() + ": " + mine.size() + " process instances, not exactly one");
            }
            if (mineRunning.size() != (live ? 1 : 0)) {
                problems.add(p.key() + ": status " + p.status() + " but " + mineRunning.size() + " running instances");
            }
            if (!live && mine.stream().anyMatch(i -> i.getEndTime() == null)) {
                problems.add(p.key() + ": status " + p.status() + " but its process has not ended");
            }
            String instanceId = mine.isEmpty() ? null : mine.get(0).getId();
            List<OpenTask> tasks = instanceId == null ? List.of() : openTasks.getOrDefault(instanceId, List.of());
            Map<String, Integer> completed = instanceId == null ? Map.of()
                    : completedTasks.getOrDefault(instanceId, Map.of());

            checkTasksAgainstStatus(p, tasks, decisions, round, kinds);
            checkAgainstAudit(p, entries, kinds, events, decisions, round, versions, completed,
                    applicantNotices.getOrDefault(p.id(), List.of()), declaredBy.getOrDefault(p.id(), Set.of()));
        }

        // Audit entries about proposals name existing ones.
        for (String record : auditOf.keySet()) {
            boolean known = record.startsWith("#") ? false
                    : record.startsWith("draft #") ? byId.containsKey(Long.valueOf(record.substring(7)))
                    : byReference.containsKey(record);
            if (!known) {
                problems.add("audit entries name proposal " + record + ", which does not exist");
            }
        }

        String files = checkAttachments(proposals, auditOf);
        checkReferences(proposals);
        List<String> committedLines = claimLines.stream().filter(l -> l.startsWith("COMMITTED ")).toList();
        List<String> inFlightLines = claimLines.stream().filter(l -> l.startsWith("INFLIGHT ")).toList();
        int claims = checkClaims(committedLines, byId, byReference, auditOf, rounds, organisationNames, declaredBy);
        String inFlight = checkInFlight(inFlightLines, committedLines, proposals, byId, byReference, auditOf,
                organisationNames);

        Map<String, Long> claimSteps = claimLines.stream().filter(l -> l.startsWith("COMMITTED "))
                .map(l -> l.split(" ")[2]).collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        String stats = "ruleChecks=" + ruleChecks + " statuses=" + statuses + " claimsByStep=" + claimSteps + " runningInstances=" + running.size()
                + " processInstances=" + instances.size() + " openTasks=" + allOpen.size()
                + " completedTasks=" + completedTasks.values().stream().flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue).sum() + " " + files;
        return new Result(proposals.size(), claims, chain.entriesChecked(), problems, stats, inFlight);
    }

    private void checkDraft(Proposal p, List<AuditEntry> entries, List<String> events, List<String> decisions, Round round,
                            Map<Long, Integer> versions, Map<String, Object> proposalIdOfInstance) {
        if (p.reference() != null || p.currentVersion() != 0 || versions.containsKey(p.id())) {
            problems.add(p.key() + ": a draft with reference " + p.reference() + ", version " + p.currentVersion()
                    + " and " + versions.getOrDefault(p.id(), 0) + " frozen versions");
        }
        if (!events.isEmpty() || !decisions.isEmpty() || round != null) {
            problems.add(p.key() + ": a draft with a timeline " + events + ", ethics decisions " + decisions
                    + " or a voting round");
        }
        if (entries.stream().anyMatch(e -> !e.kind().startsWith("DOCUMENT_"))) {
            problems.add(p.key() + ": a draft with audit entries " + entries.stream().map(AuditEntry::kind).toList());
        }
        if (proposalIdOfInstance.values().stream().anyMatch(v -> Objects.equals(number(v), p.id()))) {
            problems.add(p.key() + ": a draft with a process instance");
        }
    }

    /** What the open tasks must be in each status, from the BPMN's wait states. */
    private void checkTasksAgainstStatus(Proposal p, List<OpenTask> tasks, List<String> decisions, Round round,
                                         List<String> kinds) {
        List<String> steps = tasks.stream().map(OpenTask::step).sorted().toList();
        String latestEthics = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        boolean ethicsApproved = "APPROVE".equals(latestEthics) || "APPROVE_WITH_CONDITIONS".equals(latestEthics);
        String where = p.key() + " (" + p.status() + ", tasks " + steps + ", ethics " + decisions + ", round "
                + (round == null ? "none" : (round.closed() ? "closed " + round.outcome() : "open, voted "
                + round.voted() + " of " + round.organisations())) + "): ";
        switch (p.status()) {
            case "SUBMITTED" -> expect(steps.equals(List.of(ProposalLifecycle.CHECK_COMPLETENESS_TASK)), where,
                    "expected exactly one open completeness check");
            case "RETURNED" -> {
                expect(steps.equals(List.of(ProposalLifecycle.REVISE_PROPOSAL_TASK)), where,
                        "expected exactly one open revision task");
                expect(tasks.stream().allMatch(t -> p.applicant().equals(t.assignee())), where,
                        "the revision is not assigned to the applicant");
            }
            case "UNDER_REVIEW", "CHANGES_REQUESTED" -> {
                boolean changes = p.status().equals("CHANGES_REQUESTED");
                long ethicsTasks = steps.stream().filter(ETHICS_TASKS::contains).count();
                long revisions = steps.stream().filter(ProposalLifecycle.REVISE_FOR_ETHICS_TASK::equals).count();
                List<OpenTask> votes = tasks.stream().filter(t -> t.step().equals(ProposalLifecycle.CAST_VOTE_TASK))
                        .toList();
                long quorum = steps.stream().filter(ProposalLifecycle.DECIDE_ON_QUORUM_TASK::equals).count();
                expect(ethicsTasks + revisions + votes.size() + quorum == steps.size(), where,
                        "tasks that do not belong to the review");
                expect(!steps.isEmpty(), where, "under review without any open task");
                // The ethics branch.
                if (changes) {
                    expect("REQUEST_CHANGES".equals(latestEthics), where, "changes requested, but not by the latest"
                            + " ethics decision");
                    expect(revisions == 1 && ethicsTasks == 0, where, "expected one revision for the ethics board"
                            + " and no ethics task");
                    expect(tasks.stream().filter(t -> t.step().equals(ProposalLifecycle.REVISE_FOR_ETHICS_TASK))
                            .allMatch(t -> p.applicant().equals(t.assignee())), where, "the revision is not the"
                            + " applicant's");
                } else {
                    expect(revisions == 0, where, "a revision for the ethics board while under review");
                    expect(ethicsTasks == (ethicsApproved ? 0 : 1), where, ethicsApproved
                            ? "the ethics board approved, yet an ethics task is open"
                            : "the ethics board has not approved, yet no ethics task is open");
                }
                expect(!"REJECT".equals(latestEthics), where, "rejected by the ethics board, yet still in review");
                // The patients' branch.
                if (round == null) {
                    problems.add(where + "in review without a voting round");
                } else if (!round.closed()) {
                    Set<Long> still = new HashSet<>(round.organisations());
                    still.removeAll(round.voted());
                    Set<Long> votingTasks = votes.stream().map(OpenTask::organisationId).collect(Collectors.toSet());
                    expect(votes.size() == votingTasks.size() && votingTasks.equals(still), where,
                            "vote tasks for organisations " + votingTasks + ", but " + still + " are still to vote");
                    expect(quorum == 0, where, "a quorum decision while the round is open");
                } else {
                    expect(votes.isEmpty(), where, "vote tasks after the round closed");
                    expect(!"REJECTED".equals(round.outcome()), where, "the patients rejected, yet still in review");
                    expect(quorum == ("NO_QUORUM".equals(round.outcome()) ? 1 : 0), where,
                            "the quorum task does not match the round's outcome");
                    expect(!("APPROVED".equals(round.outcome()) && ethicsApproved), where,
                            "both reviews approved, yet not approved");
                }
            }
            case "APPROVED" -> {
                expect(steps.equals(List.of(ProposalLifecycle.PREPARE_AGREEMENT_TASK)), where,
                        "expected exactly one open agreement preparation");
                expect(ethicsApproved, where, "approved without the ethics board's approval");
                expect(round != null && round.closed() && "APPROVED".equals(round.outcome()), where,
                        "approved without the patients' approval");
            }
            case "REJECTED" -> {
                expect(steps.isEmpty(), where, "rejected with open tasks");
                expect(kinds.contains("REJECTED_AT_CHECK") || "REJECT".equals(latestEthics)
                                || kinds.contains("REJECTED_FOR_LACK_OF_QUORUM")
                                || (round != null && "REJECTED".equals(round.outcome())), where,
                        "rejected, but nobody rejected it");
            }
            case "WITHDRAWN" -> {
                expect(steps.isEmpty(), where, "withdrawn with open tasks");
                expect(kinds.contains("WITHDRAWN"), where, "withdrawn without a withdrawal in the audit trail");
            }
            default -> problems.add(where + "a status the driver never reaches");
        }
    }

    /** The status, the proposal's own tables, the engine's history and the audit trail tell the same story. */
    private void checkAgainstAudit(Proposal p, List<AuditEntry> entries, List<String> kinds, List<String> events,
                                   List<String> decisions, Round round, Map<Long, Integer> versions,
                                   Map<String, Integer> completed, List<String> notices, Set<Long> declared) {
        String where = p.key() + " (" + p.status() + "): ";
        // The timeline and the trail hold the same events, in the same order (both written in one transaction).
        List<String> timelineInTrail = kinds.stream().filter(TIMELINE_KINDS::contains).toList();
        expect(timelineInTrail.equals(events), where, "the timeline " + events + " differs from the audit trail "
                + timelineInTrail);
        // The latest status change in the trail is the status.
        List<String> changes = entries.stream().filter(e -> e.kind().equals("STATUS_CHANGED"))
                .map(AuditEntry::summary).toList();
        ProposalStatus status = ProposalStatus.valueOf(p.status());
        if (changes.isEmpty()) {
            expect(status == ProposalStatus.SUBMITTED, where, "no status change in the audit trail");
        } else {
            expect(changes.get(changes.size() - 1).equals("Status: " + status.label()), where,
                    "the audit trail's latest status is \"" + changes.get(changes.size() - 1) + "\"");
        }
        // The applicant heard of every status change but their own resubmission.
        long told = notices.stream().filter(n -> n.startsWith(p.reference() + ": ")).count();
        long changesToTell = changes.stream().filter(c -> !c.equals("Status: " + ProposalStatus.SUBMITTED.label()))
                .count();
        expect(told == changesToTell, where, told + " status notifications to the applicant for " + changesToTell
                + " status changes");
        // One first submission; one frozen version per submission.
        expect(count(kinds, "SUBMITTED") == 1, where, count(kinds, "SUBMITTED") + " SUBMITTED audit entries");
        int submissions = 1 + count(kinds, "RESUBMITTED");
        expect(p.currentVersion() == submissions && versions.getOrDefault(p.id(), 0) == submissions, where,
                "version " + p.currentVersion() + " with " + versions.getOrDefault(p.id(), 0)
                        + " frozen versions after " + submissions + " submissions");
        expect(kinds.contains("WITHDRAWN") == (status == ProposalStatus.WITHDRAWN), where,
                "the withdrawal in the audit trail and the status disagree");
        // The completeness check.
        int checks = count(kinds, "ACCEPTED_AT_CHECK") + count(kinds, "RETURNED_FOR_CHANGES")
                + count(kinds, "REJECTED_AT_CHECK");
        expect(completed.getOrDefault(ProposalLifecycle.CHECK_COMPLETENESS_TASK, 0) == checks, where,
                completed.getOrDefault(ProposalLifecycle.CHECK_COMPLETENESS_TASK, 0) + " completed checks in the"
                        + " engine's history, " + checks + " check decisions in the audit trail");
        expect(completed.getOrDefault(ProposalLifecycle.REVISE_PROPOSAL_TASK, 0)
                        + completed.getOrDefault(ProposalLifecycle.REVISE_FOR_ETHICS_TASK, 0) == count(kinds, "RESUBMITTED"),
                where, "completed revision tasks and RESUBMITTED audit entries differ");
        // The voting round exists exactly when the proposal was accepted.
        expect(count(kinds, "ACCEPTED_AT_CHECK") == (round == null ? 0 : 1), where, count(kinds, "ACCEPTED_AT_CHECK")
                + " acceptances but " + (round == null ? "no" : "a") + " voting round");
        int votes = round == null ? 0 : round.voted().size();
        expect(count(kinds, "VOTE_CAST") == votes, where, votes + " votes but " + count(kinds, "VOTE_CAST")
                + " VOTE_CAST audit entries");
        expect(completed.getOrDefault(ProposalLifecycle.CAST_VOTE_TASK, 0) == votes, where,
                completed.getOrDefault(ProposalLifecycle.CAST_VOTE_TASK, 0) + " completed vote tasks for " + votes
                        + " votes");
        int declarations = round == null ? 0 : round.declarations();
        expect(count(kinds, "CONFLICT_DECLARED") == declarations && declared.size() == declarations, where,
                declarations + " conflict declarations but " + count(kinds, "CONFLICT_DECLARED")
                        + " CONFLICT_DECLARED audit entries");
        if (round != null) {
            expect(round.organisations().containsAll(round.voted()), where, "a vote from outside the round");
            expect(declared.containsAll(round.voted()), where, "a vote without a declaration");
        }
        // The ethics decisions.
        List<String> ethicsInTrail = kinds.stream().filter(ETHICS_KINDS::contains).toList();
        List<String> ethicsInTable = decisions.stream().map(d -> switch (d) {
            case "APPROVE" -> "ETHICS_APPROVED";
            case "APPROVE_WITH_CONDITIONS" -> "ETHICS_APPROVED_WITH_CONDITIONS";
            case "REQUEST_CHANGES" -> "CHANGES_REQUESTED";
            default -> "ETHICS_REJECTED";
        }).toList();
        expect(ethicsInTrail.equals(ethicsInTable), where, "ethics decisions " + decisions
                + " but the audit trail says " + ethicsInTrail);
        int ethicsCompleted = completed.getOrDefault(ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK, 0)
                + completed.getOrDefault(ProposalLifecycle.FULL_ETHICS_REVIEW_TASK, 0);
        expect(ethicsCompleted == decisions.size(), where, ethicsCompleted + " completed ethics tasks for "
                + decisions.size() + " decisions");
        expect(completed.getOrDefault(ProposalLifecycle.DECIDE_ON_QUORUM_TASK, 0)
                        == count(kinds, "VOTING_ROUND_EXTENDED") + count(kinds, "REJECTED_FOR_LACK_OF_QUORUM"), where,
                "completed quorum decisions and their audit entries differ");
    }

    /**
     * Every attachment row's file is on disk, whole (its size and SHA-256 match the row); each upload is in
     * the audit trail; a submitted version freezes the attachments it was submitted with.
     */
    private String checkAttachments(List<Proposal> proposals, Map<String, List<AuditEntry>> auditOf) {
        record Row(long id, long proposalId, String sha256, long size, Integer frozenIn) {
        }
        List<Row> rows = jdbc.query("SELECT id, proposal_id, sha256, size_bytes, frozen_in_version FROM attachment",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        (Integer) rs.getObject(5, Integer.class)));
        Set<String> checkedFiles = new HashSet<>();
        for (Row row : rows) {
            java.nio.file.Path file = attachments.resolve(row.sha256().substring(0, 2)).resolve(row.sha256() + ".pdf");
            try {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                String actual = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                if (bytes.length != row.size() || !actual.equals(row.sha256())) {
                    problems.add("attachment " + row.id() + " of #" + row.proposalId() + ": the file holds "
                            + bytes.length + " bytes with SHA-256 " + actual + ", the row says " + row.size()
                            + " bytes, " + row.sha256());
                }
                checkedFiles.add(row.sha256());
            } catch (java.nio.file.NoSuchFileException missing) {
                problems.add("lost: attachment " + row.id() + " of #" + row.proposalId() + " has no file " + file);
            } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
                problems.add("attachment " + row.id() + ": " + e);
            }
        }
        Map<Long, List<Row>> byProposal = rows.stream().collect(Collectors.groupingBy(Row::proposalId));
        for (Proposal p : proposals) {
            List<Row> mine = byProposal.getOrDefault(p.id(), List.of());
            long uploads = java.util.stream.Stream.of("draft #" + p.id(), p.reference()).filter(Objects::nonNull)
                    .flatMap(record -> auditOf.getOrDefault(record, List.of()).stream())
                    .filter(e -> e.kind().equals("DOCUMENT_UPLOADED")).count();
            expect(uploads == mine.size(), p.key() + " (" + p.status() + "): ", mine.size() + " attachments but "
                    + uploads + " DOCUMENT_UPLOADED audit entries");
            boolean draft = p.status().equals("DRAFT");
            boolean frozenBySubmission = Set.of("SUBMITTED", "UNDER_REVIEW", "APPROVED").contains(p.status());
            for (Row row : mine) {
                expect(!draft || row.frozenIn() == null, p.key() + ": ", "a draft's attachment is frozen");
                expect(!frozenBySubmission || row.frozenIn() != null, p.key() + " (" + p.status() + "): ",
                        "attachment " + row.id() + " is not frozen in a submitted version");
                expect(row.frozenIn() == null || row.frozenIn() <= p.currentVersion(), p.key() + ": ",
                        "attachment " + row.id() + " frozen in version " + row.frozenIn() + " of "
                                + p.currentVersion());
            }
        }
        long leftovers = 0;
        if (java.nio.file.Files.isDirectory(attachments)) {
            try (var stream = java.nio.file.Files.list(attachments)) {
                leftovers = stream.filter(f -> f.getFileName().toString().endsWith(".part")).count();
            } catch (java.io.IOException e) {
                problems.add("cannot list " + attachments + ": " + e);
            }
        }
        return "attachments=" + rows.size() + " attachmentFiles=" + checkedFiles.size()
                + " strayPartialUploads=" + leftovers;
    }

    private void checkReferences(List<Proposal> proposals) {
        Map<Integer, List<Integer>> numbers = new TreeMap<>();
        for (Proposal p : proposals) {
            if (p.reference() == null) {
                continue;
            }
            Matcher m = REFERENCE.matcher(p.reference());
            if (m.matches()) {
                numbers.computeIfAbsent(Integer.valueOf(m.group(1)), k -> new ArrayList<>())
                        .add(Integer.valueOf(m.group(2)));
            }
        }
        Map<Integer, Integer> counters = new HashMap<>();
        jdbc.query("SELECT reference_year, last_number FROM proposal_reference_counter", rs -> {
            counters.put(rs.getInt(1), rs.getInt(2));
        });
        for (Map.Entry<Integer, List<Integer>> year : numbers.entrySet()) {
            List<Integer> sorted = year.getValue().stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i + 1) {
                    problems.add("references of " + year.getKey() + " are not 1.." + sorted.size() + " without gaps"
                            + " or duplicates: " + sorted);
                    break;
                }
            }
            expect(Objects.equals(counters.get(year.getKey()), sorted.size()), "references of " + year.getKey() + ": ",
                    "the counter says " + counters.get(year.getKey()) + " but " + sorted.size() + " were handed out");
        }
    }

    /** Every step the driver saw committed is there, in the order it was taken. */
    private int checkClaims(List<String> lines, Map<Long, Proposal> byId, Map<String, Proposal> byReference,
                            Map<String, List<AuditEntry>> auditOf, Map<Long, Round> rounds,
                            Map<Long, String> organisationNames, Map<Long, Set<Long>> declaredBy) {
        List<Claim> claims = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.strip().split(" ");
            if (parts.length < 3 || !parts[0].equals("COMMITTED")) {
                problems.add("unreadable claim: " + line);
                continue;
            }
            claims.add(new Claim(parts[1], parts[2], parts.length > 3 ? parts[3] : null, line));
        }
        Map<String, List<Claim>> byKey = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (c.key().startsWith("#")) {
                Proposal p = byId.get(Long.valueOf(c.key().substring(1)));
                if (p == null) {
                    problems.add("lost: " + c.line() + " (no such proposal)");
                } else if (c.step().equals("SAVE") && p.title() == null) {
                    problems.add("lost: " + c.line() + " (the draft has no content)");
                } else if (!Set.of("CREATE", "SAVE", "ATTACH").contains(c.step())) {
                    byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
                }
                continue;
            }
            Proposal p = byReference.get(c.key());
            if (p == null) {
                problems.add("lost: " + c.line() + " (no proposal has this reference)");
                continue;
            }
            if (c.step().equals("SUBMIT") && !("#" + p.id()).equals(c.detail())) {
                problems.add("lost: " + c.line() + " (the reference belongs to proposal #" + p.id() + ")");
            }
            if (c.step().equals("VOTE")) {
                Round round = rounds.get(p.id());
                if (round == null || !round.voted().contains(Long.valueOf(c.detail()))) {
                    problems.add("lost: " + c.line() + " (no vote of that organisation)");
                }
            }
            if (c.step().equals("DECLARE") && !declaredBy.getOrDefault(p.id(), Set.of())
                    .contains(Long.valueOf(c.detail()))) {
                problems.add("lost: " + c.line() + " (no declaration of that organisation's representative)");
            }
            byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        // The claimed steps are a subsequence of the trail's (a step may have committed unseen, just before a kill).
        for (Map.Entry<String, List<Claim>> entry : byKey.entrySet()) {
            List<String> claimed = new ArrayList<>();
            for (Claim c : entry.getValue()) {
                String kind = AUDIT_KIND_OF_STEP.get(c.step());
                if (kind == null) {
                    problems.add("unknown step in claim: " + c.line());
                    continue;
                }
                claimed.add(c.detail() != null && Set.of("DECLARE", "VOTE").contains(c.step())
                        ? kind + ":" + organisationNames.get(Long.valueOf(c.detail())) : kind);
            }
            Set<String> relevant = new HashSet<>(AUDIT_KIND_OF_STEP.values());
            List<String> trail = auditOf.getOrDefault(entry.getKey(), List.of()).stream()
                    .filter(e -> relevant.contains(e.kind()))
                    .map(e -> trailToken(e, organisationNames.values())).toList();
            if (!isSubsequence(claimed, trail)) {
                problems.add("lost or reordered: " + entry.getKey() + " was seen committing " + claimed
                        + " but its audit trail holds " + trail);
            }
        }
        return claims.size();
    }

    /**
     * The step each kill interrupted (begun, never seen committed): did it commit or roll back? Either is
     * fine; what may not be is a step that committed unseen without having been in flight at a kill.
     */
    private String checkInFlight(List<String> inFlightLines, List<String> committedLines, List<Proposal> proposals,
                                 Map<Long, Proposal> byId, Map<String, Proposal> byReference,
                                 Map<String, List<AuditEntry>> auditOf, Map<Long, String> organisationNames) {
        int committed = 0;
        int rolledBack = 0;
        int undetermined = 0;
        // Drafts: every proposal was created by the driver, seen or (in flight at a kill) unseen.
        long creates = committedLines.stream().filter(l -> l.split(" ")[2].equals("CREATE")).count();
        long createsInFlight = inFlightLines.stream().filter(l -> l.split(" ")[2].equals("CREATE")).count();
        long unseenCreates = proposals.size() - creates;
        if (unseenCreates < 0 || unseenCreates > createsInFlight) {
            problems.add(proposals.size() + " proposals, but " + creates + " drafts were seen created and "
                    + createsInFlight + " creations were in flight at a kill");
        } else {
            committed += (int) unseenCreates;
            rolledBack += (int) (createsInFlight - unseenCreates);
        }
        // Other steps: count, per proposal and step, what the trail holds beyond what was seen committed.
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> inFlight = new HashMap<>();
        for (String line : committedLines) {
            String token = token(line, byId, byReference, organisationNames);
            if (token != null) {
                seen.merge(token, 1, Integer::sum);
            }
        }
        for (String line : inFlightLines) {
            String[] parts = line.split(" ");
            if (parts[2].equals("CREATE") || parts[2].equals("ATTACH")) {
                continue; // counted apart
            }
            if (parts[2].equals("SAVE")) {
                undetermined++;
                continue;
            }
            String token = token(line, byId, byReference, organisationNames);
            if (token == null) {
                // A submission of a draft that is still a draft: it rolled back.
                rolledBack++;
                continue;
            }
            inFlight.merge(token, 1, Integer::sum);
        }
        Set<String> relevant = new HashSet<>(AUDIT_KIND_OF_STEP.values());
        for (String reference : byReference.keySet()) {
            Map<String, Integer> inTrail = new HashMap<>();
            for (AuditEntry e : auditOf.getOrDefault(reference, List.of())) {
                if (relevant.contains(e.kind())) {
                    inTrail.merge(reference + "|" + trailToken(e, organisationNames.values()), 1, Integer::sum);
                }
            }
            Set<String> tokens = new HashSet<>(inTrail.keySet());
            tokens.addAll(inFlight.keySet().stream().filter(t -> t.startsWith(reference + "|")).toList());
            for (String token : tokens) {
                int unseen = inTrail.getOrDefault(token, 0) - seen.getOrDefault(token, 0);
                int flying = inFlight.getOrDefault(token, 0);
                if (unseen < 0) {
                    continue; // already reported as lost by checkClaims
                }
                if (unseen > flying) {
                    problems.add(token + ": " + unseen + " committed in the trail beyond what was seen, but only "
                            + flying + " were in flight at a kill");
                } else {
                    committed += unseen;
                    rolledBack += flying - unseen;
                }
            }
        }
        // Attachments: rows beyond the uploads seen committed were in flight.
        Map<String, Long> attachClaims = committedLines.stream().filter(l -> l.split(" ")[2].equals("ATTACH"))
                .collect(Collectors.groupingBy(l -> l.split(" ")[1], Collectors.counting()));
        Map<String, Long> attachInFlight = inFlightLines.stream().filter(l -> l.split(" ")[2].equals("ATTACH"))
                .collect(Collectors.groupingBy(l -> l.split(" ")[1], Collectors.counting()));
        Map<String, Long> attachRows = new HashMap<>();
        jdbc.query("SELECT proposal_id, COUNT(*) FROM attachment GROUP BY proposal_id", rs -> {
            attachRows.put("#" + rs.getLong(1), rs.getLong(2));
        });
        Set<String> drafts = new HashSet<>(attachRows.keySet());
        drafts.addAll(attachInFlight.keySet());
        drafts.addAll(attachClaims.keySet());
        for (String draft : drafts) {
            long unseen = attachRows.getOrDefault(draft, 0L) - attachClaims.getOrDefault(draft, 0L);
            long flying = attachInFlight.getOrDefault(draft, 0L);
            if (unseen < 0) {
                problems.add("lost: " + draft + " was seen attaching " + attachClaims.get(draft) + " files but has "
                        + attachRows.getOrDefault(draft, 0L));
            } else if (unseen > flying) {
                problems.add(draft + ": " + unseen + " attachments beyond those seen committed, but only " + flying
                        + " uploads were in flight at a kill");
            } else {
                committed += (int) unseen;
                rolledBack += (int) (flying - unseen);
            }
        }
        return inFlightLines.size() + " steps in flight at a kill: " + committed + " had committed, " + rolledBack
                + " had rolled back, " + undetermined + " undetermined (draft saves)";
    }

    /** reference|AUDIT_KIND[:organisation] for a claimed step; null for a submission that never happened. */
    private static String token(String line, Map<Long, Proposal> byId, Map<String, Proposal> byReference,
                                Map<Long, String> organisationNames) {
        String[] parts = line.strip().split(" ");
        String kind = AUDIT_KIND_OF_STEP.get(parts[2]);
        if (kind == null) {
            return null;
        }
        Proposal p = parts[1].startsWith("#") ? (parts[1].equals("#?") ? null
                : byId.get(Long.valueOf(parts[1].substring(1)))) : byReference.get(parts[1]);
        if (p == null || p.reference() == null) {
            return null;
        }
        boolean organisation = parts.length > 3 && Set.of("DECLARE", "VOTE").contains(parts[2]);
        return p.reference() + "|" + kind + (organisation ? ":" + organisationNames.get(Long.valueOf(parts[3])) : "");
    }

    private static String trailToken(AuditEntry e, Collection<String> organisationNames) {
        return Set.of("CONFLICT_DECLARED", "VOTE_CAST").contains(e.kind())
                ? e.kind() + ":" + organisationIn(e.summary(), organisationNames) : e.kind();
    }

    private Map<Long, Round> rounds() {
        Map<Long, Set<Long>> members = new HashMap<>();
        jdbc.query("SELECT voting_round_id, organisation_id FROM voting_round_organisation", rs -> {
            members.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        Map<Long, Set<Long>> voted = new HashMap<>();
        jdbc.query("SELECT voting_round_id, organisation_id FROM vote", rs -> {
            voted.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        Map<Long, Integer> declarations = new HashMap<>();
        jdbc.query("SELECT voting_round_id, COUNT(*) FROM conflict_declaration GROUP BY voting_round_id", rs -> {
            declarations.put(rs.getLong(1), rs.getInt(2));
        });
        Map<Long, Round> rounds = new HashMap<>();
        jdbc.query("SELECT id, proposal_id, closed_at, outcome FROM voting_round", rs -> {
            long id = rs.getLong(1);
            rounds.put(rs.getLong(2), new Round(id, rs.getLong(2), rs.getObject(3) != null, rs.getString(4),
                    members.getOrDefault(id, Set.of()), voted.getOrDefault(id, Set.of()),
                    declarations.getOrDefault(id, 0)));
        });
        return rounds;
    }

    private List<AuditEntry> wholeTrail() {
        List<AuditEntry> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<AuditEntry> page = audit.find(AuditFilter.none(), offset, 500);
            all.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        all.sort(java.util.Comparator.comparingLong(AuditEntry::seq));
        return all;
    }

    private static String organisationIn(String summary, Collection<String> names) {
        return names.stream().filter(n -> summary.contains(" for " + n)).findFirst().orElse("?");
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String w : whole) {
            if (i < part.size() && part.get(i).equals(w)) {
                i++;
            }
        }
        return i == part.size();
    }

    private static <T> Map<Long, List<T>> group(List<Map.Entry<Long, T>> rows) {
        Map<Long, List<T>> grouped = new HashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue()));
        return grouped;
    }

    private static int count(List<String> kinds, String kind) {
        return (int) kinds.stream().filter(kind::equals).count();
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private void expect(boolean holds, String where, String problem) {
        ruleChecks++;
        if (!holds) {
            problems.add(where + problem);
        }
    }
}
