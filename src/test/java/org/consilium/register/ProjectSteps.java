package org.consilium.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.SignIn;
import org.consilium.agreement.AgreementService;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.TeamMemberEntry;
import org.consilium.review.VoteChoice;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.AgreementTaskService;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drives proposals through the real services and engine to the states the register cares about: submitted,
 * approved, agreement generated, sent, executed, extended, expired, closed, withdrawn, cancelled. The people who
 * act are registered here, one set per instance; the review runs for real as far as one patient organisation and
 * the ethics board, then ends as approved (other tests' organisations, sharing the database, never vote).
 * The single steps ({@link #checked}, {@link #voted}, {@link #ethicsReviewed}, {@link #signed}) walk the whole
 * review as the screens do, one call per screen action; the lifecycle benchmark drives them from several threads.
 */
public class ProjectSteps {

    private final ProposalService proposals;
    private final GovernanceTaskService governance;
    private final EthicsReviewService ethics;
    private final AgreementService agreements;
    private final AgreementTaskService agreementTasks;
    private final UserDetailsService users;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private SignIn signIn;
    private final MemberFixtures fixtures;
    private final Map<Long, String> references = new ConcurrentHashMap<>();

    public final OrganisationSummary patients;
    public final String staff;
    public final String ethicsReviewer;
    public final String representative;
    public final String foundationSignatory;

    /** Registers a patient organisation with its representative, staff, an ethics reviewer and a foundation signatory. */
    public ProjectSteps(ApplicationContext context, MemberFixtures fixtures, Map<String, String> names) {
        proposals = context.getBean(ProposalService.class);
        governance = context.getBean(GovernanceTaskService.class);
        ethics = context.getBean(EthicsReviewService.class);
        agreements = context.getBean(AgreementService.class);
        agreementTasks = context.getBean(AgreementTaskService.class);
        users = context.getBean(UserDetailsService.class);
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        management = context.getBean(ManagementService.class);
        MemberService members = context.getBean(MemberService.class);
        signIn = new SignIn(users);
        this.fixtures = fixtures;
        patients = fixtures.organisation(names.getOrDefault("patients", "Register Patients"),
                OrganisationType.PATIENT_ORGANISATION);
        SignIn.asAdministrator();
        OrganisationSummary foundation = members.foundation().orElse(null);
        SignIn.out();
        if (foundation == null) {
            foundation = fixtures.organisation("Register Foundation", OrganisationType.FOUNDATION);
        }
        staff = fixtures.person(names.getOrDefault("staff", "Sabine Stafford"), foundation, Role.STAFF);
        ethicsReviewer = fixtures.person(names.getOrDefault("ethics", "Edwina Ethelbert"), foundation,
                Role.ETHICS_REVIEWER);
        representative = fixtures.person(names.getOrDefault("representative", "Pavel Patientov"), patients,
                Role.PATIENT_REPRESENTATIVE);
        foundationSignatory = fixtures.person(names.getOrDefault("foundationSignatory", "Fenella Foundsign"),
                foundation, Role.SIGNATORY);
    }

    /**
     * Signs each person in once and keeps their principal, as a browser session does, instead of loading the
     * person again for every step (the benchmark measures the steps, not the sign-in).
     */
    public ProjectSteps signingInOnce() {
        Map<String, UserDetails> sessions = new ConcurrentHashMap<>();
        signIn = new SignIn(username -> sessions.computeIfAbsent(username, users::loadUserByUsername));
        return this;
    }

    /** What the applicant writes; the rest of the content is {@link ProposalContents#complete}'s. */
    public record Draft(String title, String acronym, String laySummary, Set<DiseaseArea> areas,
                        List<TeamMemberEntry> team, String conflicts) {
    }

    public Long draft(String applicant, OrganisationSummary lead, Draft draft) {
        return draft(applicant, lead, draft, content -> { });
    }

    /** The same, with more of the content changed (e.g. the data level, which chooses the ethics route). */
    public Long draft(String applicant, OrganisationSummary lead, Draft draft, Consumer<ProposalContent> more) {
        signIn.as(applicant);
        try {
            Long id = proposals.createDraft();
            ProposalContent content = ProposalContents.complete(lead, summaryOf(applicant));
            content.setTitle(draft.title());
            content.setAcronym(draft.acronym());
            content.setLaySummary(draft.laySummary());
            content.setDiseaseAreas(java.util.EnumSet.copyOf(draft.areas()));
            content.setTeam(draft.team());
            content.setConflictsOfInterest(draft.conflicts());
            more.accept(content);
            proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
            return id;
        } finally {
            SignIn.out();
        }
    }

    public Long submit(String applicant, Long id) {
        signIn.as(applicant);
        try {
            ProposalDraft d = proposals.openDraft(id);
            references.put(id, proposals.submit(id, d.lockVersion(), d.content()).reference());
            return id;
        } finally {
            SignIn.out();
        }
    }

    /** Through the completeness check, one organisation's vote and the ethics decision, with the texts given. */
    public Long approved(String applicant, Long id, String voteComment, String ethicsConditions, String ethicsComment) {
        submit(applicant, id);
        try {
            signIn.as(staff);
            governance.checkCompleteness(task(id, ProposalLifecycle.CHECK_COMPLETENESS_TASK),
                    CompletenessDecision.ACCEPT, null);
            signIn.as(representative);
            String vote = tasks.createTaskQuery().processInstanceBusinessKey(reference(id))
                    .taskDefinitionKey(ProposalLifecycle.CAST_VOTE_TASK)
                    .taskCandidateGroup(ProposalLifecycle.patientOrganisationGroup(patients.id())).active()
                    .singleResult().getId();
            governance.declareConflicts(vote, false, null);
            governance.castVote(vote, VoteChoice.APPROVE_WITH_RECOMMENDATIONS, voteComment);
            signIn.as(ethicsReviewer);
            ethics.decide(id, EthicsRoute.EXPEDITED, EthicsOutcome.APPROVE_WITH_CONDITIONS, ethicsConditions,
                    ethicsComment);
        } finally {
            SignIn.out();
        }
        runtime.createProcessInstanceModification(instanceOf(id)).cancelAllForActivity("GovernanceReviewSubProcess")
                .startBeforeActivity("MarkApprovedTask").execute();
        return id;
    }

    /** Staff open the completeness check and accept the proposal. */
    public Long checked(Long id) {
        as(staff, () -> {
            String task = task(id, ProposalLifecycle.CHECK_COMPLETENESS_TASK);
            governance.proposalOfCompletenessCheck(task);
            governance.checkCompleteness(task, CompletenessDecision.ACCEPT, null);
        });
        return id;
    }

    /**
     * A representative finds their organisation's vote, opens it, declares no conflict and votes: three screen
     * actions, three transactions.
     */
    public Long voted(Long id, String representative, Long organisationId, VoteChoice choice, String comment) {
        as(representative, () -> {
            String vote = tasks.createTaskQuery().processInstanceBusinessKey(reference(id))
                    .taskDefinitionKey(ProposalLifecycle.CAST_VOTE_TASK)
                    .taskCandidateGroup(ProposalLifecycle.patientOrganisationGroup(organisationId)).active()
                    .singleResult().getId();
            governance.openVote(vote);
            governance.declareConflicts(vote, false, null);
            governance.castVote(vote, choice, comment);
        });
        return id;
    }

    /** The ethics reviewer opens the review on whichever route the decision table chose, and decides. */
    public Long ethicsReviewed(Long id, EthicsOutcome outcome, String conditions, String comment) {
        as(ethicsReviewer, () -> {
            String task = tasks.createTaskQuery().processInstanceBusinessKey(reference(id))
                    .taskDefinitionKeyIn(ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK,
                            ProposalLifecycle.FULL_ETHICS_REVIEW_TASK).active().singleResult().getId();
            governance.reviewEthics(governance.openEthicsReview(task).taskId(), outcome, conditions, comment);
        });
        return id;
    }

    /** Staff open the preparation task and generate a version; returns its number. */
    public int prepared(Long id, int accessMonths) {
        int[] number = new int[1];
        as(staff, () -> {
            Long proposalId = agreementTasks.proposalOfStaffTask(task(id, ProposalLifecycle.PREPARE_AGREEMENT_TASK),
                    ProposalLifecycle.PREPARE_AGREEMENT_TASK);
            number[0] = agreements.generate(proposalId, accessMonths, 0);
        });
        return number[0];
    }

    /**
     * One signatory opens their signing task, reads what they sign and signs the latest version with their
     * password; {@code step} is the lead organisation's or the foundation's signing task.
     */
    public Long signed(Long id, String signatory, String step) {
        as(signatory, () -> {
            String task = task(id, step);
            AgreementTaskService.SigningTask signing = agreementTasks.openSigning(task);
            int version = agreements.toSign(signing.proposalId(), signing.party()).version();
            agreementTasks.sign(task, version, fixtures.password(), true);
        });
        return id;
    }

    public Long generated(Long id) {
        as(staff, () -> agreements.generate(id, 24));
        return id;
    }

    public Long sent(Long id) {
        as(staff, () -> agreementTasks.sendForSignature(task(id, ProposalLifecycle.PREPARE_AGREEMENT_TASK)));
        return id;
    }

    /** The lead organisation's signatory, then the foundation's, sign version 1. */
    public Long executed(Long id, String leadSignatory) {
        as(leadSignatory, () -> agreementTasks.sign(task(id, ProposalLifecycle.LEAD_SIGNATURE_TASK), 1,
                fixtures.password(), true));
        as(foundationSignatory, () -> agreementTasks.sign(task(id, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK), 1,
                fixtures.password(), true));
        return id;
    }

    public void extend(Long id, LocalDate newEnd, String reason) {
        as(staff, () -> agreements.extend(id, newEnd, reason));
    }

    public void expire(Long id) {
        fire(id, "AccessEndNoticeTimer");
        fire(id, "AccessEndTimer");
    }

    public void close(String applicant, Long id, String note) {
        as(applicant, () -> agreements.requestClosure(id));
        as(staff, () -> agreementTasks.closeProject(task(id, ProposalLifecycle.CLOSE_PROJECT_TASK), note));
    }

    public void withdraw(String applicant, Long id, String reason) {
        as(applicant, () -> proposals.withdraw(id, reason));
    }

    public void cancel(Long id, String reason) {
        fire(id, "SignatureChaseTimer");
        as(staff, () -> agreementTasks.chaseOrCancel(task(id, ProposalLifecycle.CHASE_OR_CANCEL_TASK), true, reason));
    }

    public String reference(Long id) {
        return references.get(id);
    }

    public Long personId(String username) {
        return ((ConsiliumUser) users.loadUserByUsername(username)).personId();
    }

    private PersonSummary summaryOf(String username) {
        ConsiliumUser u = (ConsiliumUser) users.loadUserByUsername(username);
        return new PersonSummary(u.personId(), u.fullName(), u.organisationId(), u.organisationName());
    }

    private void as(String username, Runnable action) {
        signIn.as(username);
        try {
            action.run();
        } finally {
            SignIn.out();
        }
    }

    private void fire(Long id, String timer) {
        management.executeJob(management.createJobQuery().processInstanceId(instanceOf(id)).activityId(timer)
                .singleResult().getId());
    }

    private String instanceOf(Long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference(id)).singleResult().getId();
    }

    private String task(Long id, String step) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference(id)).taskDefinitionKey(step).active()
                .singleResult();
        return task == null ? null : task.getId();
    }
}
