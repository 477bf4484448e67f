package org.consilium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.InUi;
import org.consilium.SignIn;
import org.consilium.TestPdfs;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.agreement.OutputKind;
import org.consilium.agreement.SigningParty;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.cockpit.AgreementShow;
import org.consilium.cockpit.CockpitService;
import org.consilium.cockpit.Lines;
import org.consilium.cockpit.Paging;
import org.consilium.cockpit.ReportingPeriod;
import org.consilium.cockpit.Stage;
import org.consilium.cockpit.TaskDue;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.member.InvitationRefused;
import org.consilium.member.InvitationService;
import org.consilium.member.IssuedInvitation;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberNotValid;
import org.consilium.member.MemberService;
import org.consilium.member.PreferenceService;
import org.consilium.member.Preferences;
import org.consilium.member.NewInvitation;
import org.consilium.member.NewPerson;
import org.consilium.member.OrganisationFilter;
import org.consilium.member.OrganisationSort;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.notification.NotificationItem;
import org.consilium.notification.MailOutbox;
import org.consilium.notification.NotificationService;
import org.consilium.proposal.AttachmentKind;
import org.consilium.proposal.ProposalAccessDenied;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalRow;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.TeamMemberEntry;
import org.consilium.register.RegisterFilter;
import org.consilium.register.RegisterRow;
import org.consilium.register.RegisterService;
import org.consilium.review.PatientReviewService;
import org.consilium.review.RoundResults;
import org.consilium.review.VoteChoice;
import org.consilium.review.VoteRefused;
import org.consilium.workflow.AgreementTaskService;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.DeadlineTasks;
import org.consilium.workflow.EngineIncidents;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.InboxTask;
import org.consilium.workflow.ProposalLifecycle;
import org.consilium.workflow.TaskGone;
import org.consilium.workflow.TaskInboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access-control matrix, cell by cell: every public action of the services (and the views that
 * call them) × every role and anonymous × own record or another's. Each cell is one dynamic test named
 * {@code action | ROLE | record → verdict}, run in a transaction that is rolled back, so that an allowed
 * change (a vote, a signature, a withdrawal) leaves the shared records as they were for the next cell.
 * docs/security.md shows the same matrix; {@link #the_documented_matrix_is_the_tested_one()} keeps the
 * two equal. Holes found are {@code @Disabled("HOLE: …")} tests at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String ANONYMOUS = "ANONYMOUS";

    @Autowired
    ProposalService proposals;
    @Autowired
    TaskInboxService inbox;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    PatientReviewService patientReview;
    @Autowired
    EthicsReviewService ethicsReview;
    @Autowired
    AgreementService agreements;
    @Autowired
    AgreementTaskService agreementTasks;
    @Autowired
    AuditService audit;
    @Autowired
    RegisterService register;
    @Autowired
    MemberService members;
    @Autowired
    NotificationService notifications;
    @Autowired
    PreferenceService preferences;
    @Autowired
    EngineIncidents incidents;
    @Autowired
    CockpitService cockpit;
    @Autowired
    DeadlineTasks deadlineTasks;
    @Autowired
    InvitationService invitations;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    AutowireCapableBeanFactory beanFactory;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @LocalServerPort
    int port;

    SignIn signIn;
    MemberFixtures fixtures;
    OrganisationSummary hospital;
    OrganisationSummary elsewhere;
    OrganisationSummary patientsA;
    OrganisationSummary patientsB;
    OrganisationSummary foundation;

    // ---- people: one role each, named for what they are to the records below ----------------------
    String researcher;          // applicant of every proposal below except otherDraft
    String teamMember;          // researcher of another organisation, on the applicant's team
    String otherResearcher;     // researcher of another organisation, on no team; applicant of otherDraft
    String colleague;           // researcher of the applicant's own organisation, on no team
    String patientA;            // representative of organisation A, declared no conflict on `review`
    String patientAConflicted;  // representative of organisation A, declared a conflict on `review`
    String patientB;            // representative of organisation B, has not declared on `review`
    String patientLate;         // representative of an organisation registered after the rounds opened
    String ethics;
    String ethics2;
    String leadSignatory;       // signatory of the lead organisation (the applicant's hospital)
    String leadColleague;       // another signatory of the lead organisation
    String otherSignatory;      // signatory of another organisation
    String foundationSignatory; // signatory of the foundation, without the staff role
    String staff;
    String staff2;
    String director;            // staff and signatory of the foundation, like the demo director
    String admin;

    // ---- records: one proposal in every state a cell needs -----------------------------------------
    Long draft;                 // the applicant's draft, with the team member and one attachment
    Long otherDraft;            // otherResearcher's draft
    Long submitted;             // submitted; its completeness check is claimed by staff2
    Long review;                // under patient and ethics review (full route), round open
    Long quorum;                // round closed without quorum: staff decide
    Long approved;              // approved, agreement version 1 generated, not sent
    Long out;                   // agreement version 1 out for signature
    Long chasing;               // unsigned after 60 days: staff chase or cancel
    Long active;                // agreement executed, access running
    Long expired;               // access ended, the applicant reports outputs
    Long draftAttachment;
    Long reviewAttachment;
    byte[] executedPdf;
    final Map<Long, String> references = new HashMap<>();
    String pendingToken;        // an invitation waiting to be used
    Long pendingInvitation;
    String usedToken;           // an invitation already used
    Long usedInvitation;
    String revokedToken;        // an invitation revoked
    String expiredToken;        // an invitation past its expiry

    final Map<String, List<Cell>> matrix = new LinkedHashMap<>();

    static final String APPLICANTS_NOTE = "Matrix: for the applicant only";

    // =================================================================================================
    // The world
    // =================================================================================================

    @BeforeAll
    void world() {
        signIn = new SignIn(users);
        fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Matrix Hospital", OrganisationType.HOSPITAL);
        elsewhere = fixtures.organisation("Matrix Clinic", OrganisationType.HOSPITAL);
        patientsA = fixtures.organisation("Matrix Patients A", OrganisationType.PATIENT_ORGANISATION);
        patientsB = fixtures.organisation("Matrix Patients B", OrganisationType.PATIENT_ORGANISATION);
        SignIn.asAdministrator();
        foundation = members.foundation().orElse(null);
        SignIn.out();
        if (foundation == null) {
            foundation = fixtures.organisation("Matrix Foundation", OrganisationType.FOUNDATION);
        }
        researcher = fixtures.person("Rita Researcher", hospital, Role.RESEARCHER);
        teamMember = fixtures.person("Tom Team", elsewhere, Role.RESEARCHER);
        otherResearcher = fixtures.person("Otto Other", elsewhere, Role.RESEARCHER);
        colleague = fixtures.person("Carla Colleague", hospital, Role.RESEARCHER);
        patientA = fixtures.person("Paula Patient", patientsA, Role.PATIENT_REPRESENTATIVE);
        patientAConflicted = fixtures.person("Conrad Conflicted", patientsA, Role.PATIENT_REPRESENTATIVE);
        patientB = fixtures.person("Bert Patient", patientsB, Role.PATIENT_REPRESENTATIVE);
        ethics = fixtures.person("Erik Ethics", foundation, Role.ETHICS_REVIEWER);
        ethics2 = fixtures.person("Edda Ethics", foundation, Role.ETHICS_REVIEWER);
        leadSignatory = fixtures.person("Lars Lead", hospital, Role.SIGNATORY);
        leadColleague = fixtures.person("Lena Lead", hospital, Role.SIGNATORY);
        otherSignatory = fixtures.person("Olaf Other", elsewhere, Role.SIGNATORY);
        foundationSignatory = fixtures.person("Frida Foundation", foundation, Role.SIGNATORY);
        staff = fixtures.person("Stan Staff", foundation, Role.STAFF);
        staff2 = fixtures.person("Stella Staff", foundation, Role.STAFF);
        director = fixtures.person("Dora Director", foundation, Role.STAFF, Role.SIGNATORY);
        admin = fixtures.person("Ada Admin", foundation, Role.ADMINISTRATOR);

        draft = draftOf(researcher, hospital);
        draftAttachment = attach(researcher, draft, AttachmentKind.OTHER);
        otherDraft = draftOf(otherResearcher, elsewhere);
        signIn.as(otherResearcher);
        ProposalDraft others = proposals.openDraft(otherDraft);
        others.content().setTeam(List.of());
        proposals.saveDraft(otherDraft, others.lockVersion(), others.content());
        SignIn.out();

        submitted = submit(draftOf(researcher, hospital));
        signIn.as(staff2);
        inbox.claim(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK));

        review = draftOf(researcher, hospital);
        reviewAttachment = attach(researcher, review, AttachmentKind.PROTOCOL);
        submit(review);
        accept(review);
        signIn.as(patientA);
        governance.declareConflicts(voteTask(review, patientsA), false, null);
        signIn.as(patientAConflicted);
        governance.declareConflicts(voteTask(review, patientsA), true, "I advise the study's funder.");

        quorum = submit(draftOf(researcher, hospital));
        accept(quorum);
        fire(quorum, "VotingDeadlineTimer");

        approved = approvedWithAgreement();
        out = sent(approvedWithAgreement());
        chasing = sent(approvedWithAgreement());
        fire(chasing, "SignatureChaseTimer");
        active = executed(sent(approvedWithAgreement()));
        expired = executed(sent(approvedWithAgreement()));
        fire(expired, "AccessEndNoticeTimer");
        fire(expired, "AccessEndTimer");

        signIn.as(staff);
        executedPdf = agreements.executed(active).content();
        SignIn.out();

        OrganisationSummary late = fixtures.organisation("Matrix Patients Late", OrganisationType.PATIENT_ORGANISATION);
        patientLate = fixtures.person("Lotte Late", late, Role.PATIENT_REPRESENTATIVE);
        notifications.notify(List.of(personId(researcher)), review, APPLICANTS_NOTE);

        invitationsOfTheWorld();

        assertThat(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)).isNotNull();
        assertThat(task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)).isNotNull();
        assertThat(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)).isNotNull();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private void invitationsOfTheWorld() {
        SignIn.asAdministrator();
        IssuedInvitation pending = invite("matrix-pending");
        pendingInvitation = pending.id();
        pendingToken = tokenOf(pending);
        IssuedInvitation used = invite("matrix-used");
        usedInvitation = used.id();
        usedToken = tokenOf(used);
        IssuedInvitation revoked = invite("matrix-revoked");
        revokedToken = tokenOf(revoked);
        invitations.revoke(revoked.id(), "Access matrix");
        IssuedInvitation expired = invite("matrix-expired");
        expiredToken = tokenOf(expired);
        jdbc.update("UPDATE invitation SET expires_at = ? WHERE id = ?", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .minusDays(1), expired.id());
        SignIn.out();
        invitations.accept(usedToken, "matrix-invitee-" + usedInvitation, "Correct-Horse-Battery-9", null);
    }

    private IssuedInvitation invite(String name) {
        return invitations.invite(new NewInvitation(name + "-" + System.nanoTime() + "@test.example", "Ivo Invitee",
                hospital.id(), EnumSet.of(Role.RESEARCHER), "en"));
    }

    private static String tokenOf(IssuedInvitation issued) {
        return issued.link().substring(issued.link().lastIndexOf('/') + 1);
    }

    private Long draftOf(String applicant, OrganisationSummary lead) {
        signIn.as(applicant);
        Long id = proposals.createDraft();
        ProposalContent content = ProposalContents.complete(lead, summaryOf(applicant));
        content.setTeam(List.of(new TeamMemberEntry(personId(teamMember), "Tom Team", "Matrix Clinic", "Statistician")));
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
        SignIn.out();
        return id;
    }

    private Long attach(String applicant, Long id, AttachmentKind kind) {
        signIn.as(applicant);
        try {
            return proposals.attach(id, kind, "matrix.pdf",
                    new ByteArrayInputStream(TestPdfs.realPdf("Access matrix", 1))).id();
        } finally {
            SignIn.out();
        }
    }

    private Long submit(Long id) {
        signIn.as(researcher);
        ProposalDraft d = proposals.openDraft(id);
        references.put(id, proposals.submit(id, d.lockVersion(), d.content()).reference());
        SignIn.out();
        return id;
    }

    private void accept(Long id) {
        signIn.as(staff);
        governance.checkCompleteness(task(id, ProposalLifecycle.CHECK_COMPLETENESS_TASK), CompletenessDecision.ACCEPT, null);
        SignIn.out();
    }

    /** Submitted, accepted, then both reviews end as if approved (the reviews are tested elsewhere). */
    private Long approvedWithAgreement() {
        Long id = submit(draftOf(researcher, hospital));
        accept(id);
        runtime.createProcessInstanceModification(instanceOf(id)).cancelAllForActivity("GovernanceReviewSubProcess")
                .startBeforeActivity("MarkApprovedTask").execute();
        signIn.as(staff);
        agreements.generate(id, 24);
        SignIn.out();
        return id;
    }

    private Long sent(Long id) {
        signIn.as(staff);
        agreementTasks.sendForSignature(task(id, ProposalLifecycle.PREPARE_AGREEMENT_TASK));
        SignIn.out();
        return id;
    }

    private Long executed(Long id) {
        signIn.as(leadSignatory);
        agreementTasks.sign(task(id, ProposalLifecycle.LEAD_SIGNATURE_TASK), 1, fixtures.password(), true);
        signIn.as(foundationSignatory);
        agreementTasks.sign(task(id, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK), 1, fixtures.password(), true);
        SignIn.out();
        return id;
    }

    private void fire(Long id, String timer) {
        management.executeJob(management.createJobQuery().processInstanceId(instanceOf(id)).activityId(timer)
                .singleResult().getId());
    }

    private String instanceOf(Long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(references.get(id)).singleResult().getId();
    }

    /** The open task of a step of the proposal (the engine's query, no user involved). */
    String task(Long id, String step) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(references.get(id)).taskDefinitionKey(step)
                .active().singleResult();
        return task == null ? null : task.getId();
    }

    String voteTask(Long id, OrganisationSummary organisation) {
        return tasks.createTaskQuery().processInstanceBusinessKey(references.get(id))
                .taskDefinitionKey(ProposalLifecycle.CAST_VOTE_TASK)
                .taskCandidateGroup(ProposalLifecycle.patientOrganisationGroup(organisation.id())).active()
                .singleResult().getId();
    }

    ConsiliumUser user(String username) {
        return (ConsiliumUser) users.loadUserByUsername(username);
    }

    Long personId(String username) {
        return user(username).personId();
    }

    PersonSummary summaryOf(String username) {
        ConsiliumUser u = user(username);
        return new PersonSummary(u.personId(), u.fullName(), u.organisationId(), u.organisationName());
    }

    /** Who acts in a role's cells unless a cell names someone else. */
    String actorOf(String role) {
        return switch (role) {
            case "RESEARCHER" -> researcher;
            case "PATIENT_REPRESENTATIVE" -> patientA;
            case "ETHICS_REVIEWER" -> ethics;
            case "SIGNATORY" -> leadSignatory;
            case "STAFF" -> staff;
            case "ADMINISTRATOR" -> admin;
            default -> null;
        };
    }

    // =================================================================================================
    // Cells
    // =================================================================================================

    @FunctionalInterface
    interface Action {
        Object run() throws Exception;
    }

    /** One cell of the matrix: who, on which record, does what, and what must happen. */
    record Cell(String factory, String action, String role, String record, String actor, Expect expect,
                Action setup, Action call) {

        String name() {
            return action + " | " + role + " | " + record + " → " + expect.label();
        }
    }

    /** What must happen in a cell. */
    record Expect(String symbol, String label, String because, String issue, BiConsumer<Object, Throwable> check) {
    }

    static Expect allowed() {
        return new Expect("✓", "allowed", null, null, (result, thrown) -> noFailure(thrown));
    }

    /** Allowed, and what comes back must satisfy the condition (e.g. only the caller's own records). */
    static Expect allowed(String what, Predicate<Object> condition) {
        return new Expect("✓", "allowed, " + what, null, null, (result, thrown) -> {
            noFailure(thrown);
            assertThat(condition.test(result)).as("the answer: %s (was %s)", what, result).isTrue();
        });
    }

    /** Not refused, but nothing comes back: the record is hidden from this person. */
    static Expect hidden() {
        return new Expect("∅", "hidden (empty answer)", "hidden", null, (result, thrown) -> {
            noFailure(thrown);
            assertThat(result instanceof Optional<?> o ? o.isEmpty() : ((Collection<?>) result).isEmpty())
                    .as("nothing shown, was %s", result).isTrue();
        });
    }

    /** The role check of {@code @PreAuthorize}. */
    static Expect role() {
        return refusedWith(AuthorizationDeniedException.class, "role");
    }

    /** Nobody signed in: {@code @PreAuthorize} finds no authentication at all. */
    static Expect signIn() {
        return refusedWith(AuthenticationCredentialsNotFoundException.class, "sign-in");
    }

    static Expect refused(Class<? extends Throwable> type) {
        return refusedWith(type, ABBREVIATIONS.getOrDefault(type, type.getSimpleName()));
    }

    private static Expect refusedWith(Class<? extends Throwable> type, String because) {
        String label = "role".equals(because) ? "refused (role)" : "sign-in".equals(because) ? "refused (not signed in)"
                : "refused (" + type.getSimpleName() + ")";
        return new Expect("✗", label, because, null, (result, thrown) -> {
            assertThat(thrown).as("refused, but it was allowed and answered %s", result).isNotNull();
            if (thrown.getClass() != type) {
                throw new AssertionError("refused with " + type.getSimpleName() + " expected, was " + thrown, thrown);
            }
        });
    }

    /** Answered without any record check: the service trusts its caller (see docs/security.md). */
    static Expect unchecked(Predicate<Object> revealed) {
        return new Expect("≈", "answered, no record check (the caller checks)", "unchecked", null,
                (result, thrown) -> {
                    noFailure(thrown);
                    assertThat(revealed.test(result)).as("answered with the record (was %s)", result).isTrue();
                });
    }

    /** Should be refused and is not: the named {@code @Disabled("HOLE: …")} test shows it. */
    static Expect hole(String test) {
        return new Expect("⚠", "HOLE, see " + test, "HOLE", test, (result, thrown) -> { });
    }

    /** Should be allowed and fails instead (over-restricted): the named {@code @Disabled("BUG: …")} test shows it. */
    static Expect bug(String test) {
        return new Expect("‼", "BUG, see " + test, "BUG", test, (result, thrown) -> { });
    }

    static final Map<Class<?>, String> ABBREVIATIONS = Map.of(ProposalAccessDenied.class, "PAD",
            VoteRefused.class, "VR", TaskGone.class, "TG", AgreementRefused.class, "AR",
            AccessDeniedException.class, "ADE");

    private static void noFailure(Throwable thrown) {
        if (thrown != null) {
            throw new AssertionError("allowed expected, was refused or failed with " + thrown, thrown);
        }
    }

    /** Collects the cells of one factory. */
    final class Cells {

        private final String factory;
        private final List<Cell> cells = new ArrayList<>();
        private String action;
        private Action setup;

        Cells(String factory) {
            this.factory = factory;
        }

        Cells action(String name) {
            action = name;
            setup = null;
            return this;
        }

        /** Runs before every following cell of the action, in the cell's transaction. */
        Cells given(Action before) {
            setup = before;
            return this;
        }

        Cells cell(Role role, String record, String actor, Expect expect, Action call) {
            cells.add(new Cell(factory, action, role.name(), record, actor, expect, setup, call));
            return this;
        }

        Cells cell(Role role, String record, Expect expect, Action call) {
            return cell(role, record, actorOf(role.name()), expect, call);
        }

        /** The roles that {@code @PreAuthorize} refuses, each acting as its usual person. */
        Cells roles(Action call, Role... roles) {
            for (Role role : roles) {
                cell(role, "any", role(), call);
            }
            return this;
        }

        /** Every role except those given is refused by {@code @PreAuthorize}. */
        Cells rolesExcept(Action call, Role... allowed) {
            EnumSet<Role> refused = EnumSet.allOf(Role.class);
            refused.removeAll(List.of(allowed));
            return roles(call, refused.toArray(Role[]::new));
        }

        Cells anonymous(Action call) {
            return anonymous("any", signIn(), call);
        }

        /** Nobody signed in, and what must happen (the public register, an invitation link). */
        Cells anonymous(String record, Expect expect, Action call) {
            cells.add(new Cell(factory, action, ANONYMOUS, record, null, expect, setup, call));
            return this;
        }

        Stream<DynamicTest> tests() {
            matrix.put(factory, List.copyOf(cells));
            return cells.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
        }
    }

    /** Runs a cell as its actor, in a transaction that is always rolled back. */
    void run(Cell cell) {
        Assumptions.assumeTrue(cell.expect().issue() == null, () -> cell.expect().because() + ": see AccessMatrixTest#"
                + cell.expect().issue());
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                if (cell.setup() != null) {
                    cell.setup().run();
                }
                as(cell.actor());
                Object result = null;
                Throwable thrown = null;
                try {
                    result = cell.call().run();
                } catch (Throwable t) {
                    thrown = t;
                }
                cell.expect().check().accept(result, thrown);
            } catch (Exception e) {
                throw new IllegalStateException("The cell's set-up failed", e);
            } finally {
                SignIn.out();
            }
        });
    }

    void as(String username) {
        if (username == null) {
            SignIn.out();
        } else {
            signIn.as(username);
        }
    }

    // =================================================================================================
    // ProposalService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> proposals() {
        Cells c = new Cells("proposals");
        c.action("proposal.createDraft")
                .cell(Role.RESEARCHER, "new", allowed(), () -> proposals.createDraft())
                .rolesExcept(() -> proposals.createDraft(), Role.RESEARCHER)
                .anonymous(() -> proposals.createDraft());

        c.action("proposal.openDraft")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> proposals.openDraft(draft))
                .cell(Role.RESEARCHER, "own under review", refused(ProposalAccessDenied.class), () -> proposals.openDraft(review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, refused(ProposalAccessDenied.class), () -> proposals.openDraft(draft))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.openDraft(draft))
                .rolesExcept(() -> proposals.openDraft(draft), Role.RESEARCHER)
                .anonymous(() -> proposals.openDraft(draft));

        c.action("proposal.saveDraft")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> save(draft))
                .cell(Role.RESEARCHER, "own under review", refused(ProposalAccessDenied.class), () -> save(review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, refused(ProposalAccessDenied.class), () -> save(draft))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> save(draft))
                .rolesExcept(() -> save(draft), Role.RESEARCHER)
                .anonymous(() -> save(draft));

        c.action("proposal.submit")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> submitNow(draft))
                .cell(Role.RESEARCHER, "own under review", refused(ProposalAccessDenied.class), () -> submitNow(review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, refused(ProposalAccessDenied.class), () -> submitNow(draft))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> submitNow(draft))
                .rolesExcept(() -> submitNow(draft), Role.RESEARCHER)
                .anonymous(() -> submitNow(draft));

        c.action("proposal.details")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> proposals.details(draft))
                .cell(Role.RESEARCHER, "own submitted", allowed(), () -> proposals.details(review))
                .cell(Role.RESEARCHER, "team's", teamMember, allowed(), () -> proposals.details(review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.RESEARCHER, "colleague's (same organisation)", colleague, refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.details(draft))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed(), () -> proposals.details(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "not yet declared", patientB, refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "organisation not in round", patientLate, refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "draft", refused(ProposalAccessDenied.class), () -> proposals.details(draft))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed(), () -> proposals.details(review))
                .cell(Role.ETHICS_REVIEWER, "draft", refused(ProposalAccessDenied.class), () -> proposals.details(draft))
                .cell(Role.SIGNATORY, "lead organisation with agreement", allowed(), () -> proposals.details(active))
                .cell(Role.SIGNATORY, "lead organisation before agreement", refused(ProposalAccessDenied.class), () -> proposals.details(review))
                .cell(Role.SIGNATORY, "other organisation's agreement", otherSignatory, refused(ProposalAccessDenied.class), () -> proposals.details(active))
                .cell(Role.SIGNATORY, "foundation signatory (not staff)", foundationSignatory, refused(ProposalAccessDenied.class), () -> proposals.details(active))
                .cell(Role.STAFF, "submitted", allowed(), () -> proposals.details(review))
                .cell(Role.STAFF, "draft", refused(ProposalAccessDenied.class), () -> proposals.details(draft))
                .cell(Role.ADMINISTRATOR, "submitted", allowed(), () -> proposals.details(review))
                .cell(Role.ADMINISTRATOR, "draft", refused(ProposalAccessDenied.class), () -> proposals.details(draft))
                .anonymous(() -> proposals.details(review));

        c.action("proposal.changes")
                .cell(Role.RESEARCHER, "own", allowed(), () -> proposals.changes(review, 1, 1))
                .cell(Role.RESEARCHER, "team's", teamMember, allowed(), () -> proposals.changes(review, 1, 1))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.changes(review, 1, 1))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed(), () -> proposals.changes(review, 1, 1))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, refused(ProposalAccessDenied.class), () -> proposals.changes(review, 1, 1))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed(), () -> proposals.changes(review, 1, 1))
                .cell(Role.SIGNATORY, "lead organisation with agreement", allowed(), () -> proposals.changes(active, 1, 1))
                .cell(Role.SIGNATORY, "other organisation's agreement", otherSignatory, refused(ProposalAccessDenied.class), () -> proposals.changes(active, 1, 1))
                .cell(Role.STAFF, "submitted", allowed(), () -> proposals.changes(review, 1, 1))
                .cell(Role.ADMINISTRATOR, "submitted", allowed(), () -> proposals.changes(review, 1, 1))
                .anonymous(() -> proposals.changes(review, 1, 1));

        c.action("proposal.withdraw")
                .cell(Role.RESEARCHER, "own under review", allowed(), () -> withdraw(review))
                .cell(Role.RESEARCHER, "own draft", refused(ProposalAccessDenied.class), () -> withdraw(draft))
                .cell(Role.RESEARCHER, "team's", teamMember, refused(ProposalAccessDenied.class), () -> withdraw(review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> withdraw(review))
                .rolesExcept(() -> withdraw(review), Role.RESEARCHER)
                .anonymous(() -> withdraw(review));

        c.action("proposal.attach")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> attachNow(draft))
                .cell(Role.RESEARCHER, "own under review", refused(ProposalAccessDenied.class), () -> attachNow(review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, refused(ProposalAccessDenied.class), () -> attachNow(draft))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> attachNow(draft))
                .rolesExcept(() -> attachNow(draft), Role.RESEARCHER)
                .anonymous(() -> attachNow(draft));

        c.action("proposal.removeAttachment")
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> remove(draft, draftAttachment))
                .cell(Role.RESEARCHER, "own submitted file", refused(ProposalAccessDenied.class), () -> remove(review, reviewAttachment))
                .cell(Role.RESEARCHER, "own draft with another proposal's file", refused(ProposalAccessDenied.class), () -> remove(draft, reviewAttachment))
                .cell(Role.RESEARCHER, "team's draft", teamMember, refused(ProposalAccessDenied.class), () -> remove(draft, draftAttachment))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, refused(ProposalAccessDenied.class), () -> remove(draft, draftAttachment))
                .rolesExcept(() -> remove(draft, draftAttachment), Role.RESEARCHER)
                .anonymous(() -> remove(draft, draftAttachment));

        c.action("proposal.download")
                .cell(Role.RESEARCHER, "own", allowed(), () -> proposals.download(reviewAttachment))
                .cell(Role.RESEARCHER, "own draft", allowed(), () -> proposals.download(draftAttachment))
                .cell(Role.RESEARCHER, "team's", teamMember, allowed(), () -> proposals.download(reviewAttachment))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.download(reviewAttachment))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed(), () -> proposals.download(reviewAttachment))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, refused(ProposalAccessDenied.class), () -> proposals.download(reviewAttachment))
                .cell(Role.PATIENT_REPRESENTATIVE, "not yet declared", patientB, refused(ProposalAccessDenied.class), () -> proposals.download(reviewAttachment))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed(), () -> proposals.download(reviewAttachment))
                .cell(Role.ETHICS_REVIEWER, "draft", refused(ProposalAccessDenied.class), () -> proposals.download(draftAttachment))
                .cell(Role.SIGNATORY, "lead organisation before agreement", refused(ProposalAccessDenied.class), () -> proposals.download(reviewAttachment))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(ProposalAccessDenied.class), () -> proposals.download(reviewAttachment))
                .cell(Role.STAFF, "submitted", allowed(), () -> proposals.download(reviewAttachment))
                .cell(Role.STAFF, "draft", refused(ProposalAccessDenied.class), () -> proposals.download(draftAttachment))
                .cell(Role.ADMINISTRATOR, "submitted", allowed(), () -> proposals.download(reviewAttachment))
                .anonymous(() -> proposals.download(reviewAttachment));

        Predicate<Object> ownOnly = rows -> ids(rows).containsAll(List.of(draft, review)) && !ids(rows).contains(otherDraft);
        c.action("proposal.myProposals")
                .cell(Role.RESEARCHER, "own and team's only", allowed("own and team's only", ownOnly), () -> myProposals())
                .cell(Role.RESEARCHER, "team's only", teamMember, allowed("team's, not others'",
                        rows -> ids(rows).contains(review) && !ids(rows).contains(otherDraft)), () -> myProposals())
                .rolesExcept(() -> myProposals(), Role.RESEARCHER)
                .anonymous(() -> myProposals());

        c.action("proposal.countMyProposals")
                .cell(Role.RESEARCHER, "own", allowed("own and team's", n -> (Long) n >= 2), () -> proposals.countMyProposals())
                .rolesExcept(() -> proposals.countMyProposals(), Role.RESEARCHER)
                .anonymous(() -> proposals.countMyProposals());

        c.action("proposal.standing")
                .cell(Role.RESEARCHER, "own", allowed(), () -> proposals.standing(review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> proposals.standing(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed(), () -> proposals.standing(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, refused(ProposalAccessDenied.class), () -> proposals.standing(review))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed(), () -> proposals.standing(review))
                .cell(Role.ETHICS_REVIEWER, "draft", refused(ProposalAccessDenied.class), () -> proposals.standing(draft))
                .cell(Role.SIGNATORY, "lead organisation with agreement", allowed(), () -> proposals.standing(active))
                .cell(Role.SIGNATORY, "other organisation's agreement", otherSignatory, refused(ProposalAccessDenied.class), () -> proposals.standing(active))
                .cell(Role.STAFF, "submitted", allowed(), () -> proposals.standing(review))
                .cell(Role.STAFF, "draft", refused(ProposalAccessDenied.class), () -> proposals.standing(draft))
                .cell(Role.ADMINISTRATOR, "submitted", allowed(), () -> proposals.standing(review))
                .anonymous(() -> proposals.standing(review));

        Expect present = allowed("present", o -> ((Optional<?>) o).isPresent());
        c.action("proposal.findStanding")
                .cell(Role.RESEARCHER, "own", present, () -> proposals.findStanding(review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, hidden(), () -> proposals.findStanding(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", present, () -> proposals.findStanding(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, hidden(), () -> proposals.findStanding(review))
                .cell(Role.ETHICS_REVIEWER, "submitted", present, () -> proposals.findStanding(review))
                .cell(Role.ETHICS_REVIEWER, "draft", hidden(), () -> proposals.findStanding(draft))
                .cell(Role.SIGNATORY, "lead organisation with agreement", present, () -> proposals.findStanding(active))
                .cell(Role.SIGNATORY, "other organisation's agreement", otherSignatory, hidden(), () -> proposals.findStanding(active))
                .cell(Role.STAFF, "submitted", present, () -> proposals.findStanding(review))
                .cell(Role.STAFF, "draft", hidden(), () -> proposals.findStanding(draft))
                .cell(Role.ADMINISTRATOR, "submitted", present, () -> proposals.findStanding(review))
                .anonymous(() -> proposals.findStanding(review));

        c.action("proposal.rowsForTasks");
        for (Role role : Role.values()) {
            c.cell(role, "another's draft", role == Role.RESEARCHER ? otherResearcher : actorOf(role.name()),
                    unchecked(rows -> ((Map<?, ?>) rows).containsKey(draft)), () -> proposals.rowsForTasks(List.of(draft)));
        }
        c.anonymous(() -> proposals.rowsForTasks(List.of(draft)));
        return c.tests();
    }

    private Object save(Long id) {
        ProposalContent content = ProposalContents.complete(hospital, summaryOf(researcher));
        return proposals.saveDraft(id, lockVersionOf(id), content);
    }

    private Object submitNow(Long id) {
        ProposalContent content = ProposalContents.complete(hospital, summaryOf(researcher));
        return proposals.submit(id, lockVersionOf(id), content);
    }

    private long lockVersionOf(Long id) {
        // Read as the applicant, so that the version is right whoever then tries to save.
        var actor = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            signIn.as(researcher);
            ProposalDraft d = proposals.openDraft(id);
            return d.lockVersion();
        } catch (ProposalAccessDenied notEditable) {
            return 0;
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(actor);
        }
    }

    private Object withdraw(Long id) {
        proposals.withdraw(id, "Access matrix");
        return null;
    }

    private Object attachNow(Long id) {
        return proposals.attach(id, AttachmentKind.OTHER, "more.pdf",
                new ByteArrayInputStream(TestPdfs.realPdf("More", 1)));
    }

    private Object remove(Long id, Long attachment) {
        proposals.removeAttachment(id, attachment);
        return null;
    }

    private Object myProposals() {
        return proposals.myProposals(PageRequest.of(0, 1000));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Object rows) {
        return ((List<ProposalRow>) rows).stream().map(ProposalRow::id).toList();
    }

    // =================================================================================================
    // TaskInboxService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> inbox() {
        Cells c = new Cells("inbox");
        c.action("inbox.myTasks");
        for (Role role : Role.values()) {
            c.cell(role, "own only", allowed("only tasks offered to them or held by them",
                    list -> onlyOwn(actorOf(role.name()), list)), () -> inbox.myTasks(0, 1000));
        }
        c.cell(Role.PATIENT_REPRESENTATIVE, "not another organisation's vote", patientB, allowed("not organisation A's vote",
                        list -> onlyOwn(patientB, list) && taskIds(list).contains(voteTask(review, patientsB))
                                && !taskIds(list).contains(voteTask(review, patientsA))), () -> inbox.myTasks(0, 1000))
                .cell(Role.SIGNATORY, "not another organisation's signature", otherSignatory, allowed("not the lead's signing task",
                        list -> !taskIds(list).contains(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK))), () -> inbox.myTasks(0, 1000))
                .anonymous(() -> inbox.myTasks(0, 1000));

        c.action("inbox.claim")
                .cell(Role.STAFF, "offered to staff", allowed(), () -> claim(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> claim(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.RESEARCHER, "offered to staff", refused(TaskGone.class), () -> claim(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.ADMINISTRATOR, "offered to staff", refused(TaskGone.class), () -> claim(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation's vote", allowed(), () -> claim(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation's vote", patientB, refused(TaskGone.class), () -> claim(voteTask(review, patientsA)))
                .cell(Role.ETHICS_REVIEWER, "offered to ethics", allowed(), () -> claim(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .cell(Role.ETHICS_REVIEWER, "offered to staff", refused(TaskGone.class), () -> claim(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.SIGNATORY, "own organisation's signature", allowed(), () -> claim(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "other organisation's signature", otherSignatory, refused(TaskGone.class), () -> claim(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .anonymous(() -> claim(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)));

        c.action("inbox.release")
                .cell(Role.STAFF, "held by self", staff2, allowed(), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.RESEARCHER, "held by staff", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.RESEARCHER, "own personal task (report outputs)", refused(TaskGone.class), () -> release(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)))
                .cell(Role.PATIENT_REPRESENTATIVE, "held by staff", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.ETHICS_REVIEWER, "held by staff", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.SIGNATORY, "held by staff", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.ADMINISTRATOR, "held by staff", refused(TaskGone.class), () -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .anonymous(() -> release(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)));

        c.action("inbox.openTasksOf")
                .cell(Role.STAFF, "any", allowed("who has still to vote", list -> heldBy(list).stream().anyMatch(h -> h.startsWith("representatives of"))),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.RESEARCHER, "own", allowed("the round as one sealed line", list -> heldBy(list).stream().noneMatch(h -> h.startsWith("representatives of"))),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.RESEARCHER, "another's", otherResearcher, unchecked(list -> !((List<?>) list).isEmpty()),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed("the round as one sealed line", list -> heldBy(list).stream().noneMatch(h -> h.startsWith("representatives of"))),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, unchecked(list -> !((List<?>) list).isEmpty()),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed("the round as one sealed line", list -> heldBy(list).stream().noneMatch(h -> h.startsWith("representatives of"))),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, unchecked(list -> !((List<?>) list).isEmpty()),
                        () -> inbox.openTasksOf(references.get(review)))
                .cell(Role.ADMINISTRATOR, "any", allowed("who has still to vote", list -> heldBy(list).stream().anyMatch(h -> h.startsWith("representatives of"))),
                        () -> inbox.openTasksOf(references.get(review)))
                .anonymous(() -> inbox.openTasksOf(references.get(review)));
        return c.tests();
    }

    private Object claim(String taskId) {
        inbox.claim(taskId);
        return null;
    }

    private Object release(String taskId) {
        inbox.release(taskId);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> taskIds(Object list) {
        return ((List<InboxTask>) list).stream().map(InboxTask::taskId).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> heldBy(Object list) {
        return ((List<TaskInboxService.OpenTask>) list).stream().map(TaskInboxService.OpenTask::heldBy).toList();
    }

    /** Every task listed is offered to one of the person's groups or held by them. */
    @SuppressWarnings("unchecked")
    private boolean onlyOwn(String username, Object list) {
        ConsiliumUser u = user(username);
        Set<String> groups = u.roles().stream().map(Role::name).collect(Collectors.toSet());
        if (u.hasRole(Role.PATIENT_REPRESENTATIVE)) {
            groups.add(ProposalLifecycle.patientOrganisationGroup(u.organisationId()));
        }
        if (u.hasRole(Role.SIGNATORY)) {
            groups.add(ProposalLifecycle.signatoryGroup(u.organisationId()));
        }
        return ((List<InboxTask>) list).stream().allMatch(t -> username.equals(t.assignee())
                || tasks.getIdentityLinksForTask(t.taskId()).stream().anyMatch(l -> groups.contains(l.getGroupId())));
    }

    // =================================================================================================
    // GovernanceTaskService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> governance() {
        Cells c = new Cells("governance");
        c.action("governance.checkCompleteness")
                .cell(Role.STAFF, "held by self", staff2, allowed(), () -> check(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> check(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "task of another step", refused(TaskGone.class), () -> check(voteTask(review, patientsA)))
                .cell(Role.RESEARCHER, "own proposal's task", role(),
                        () -> check(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .roles(() -> check(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)),
                        Role.PATIENT_REPRESENTATIVE, Role.ETHICS_REVIEWER, Role.SIGNATORY, Role.ADMINISTRATOR)
                .anonymous(() -> check(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)));

        c.action("governance.proposalOfCompletenessCheck")
                .cell(Role.STAFF, "held by self", staff2, allowed(), () -> governance.proposalOfCompletenessCheck(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> governance.proposalOfCompletenessCheck(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .rolesExcept(() -> governance.proposalOfCompletenessCheck(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)), Role.STAFF)
                .anonymous(() -> governance.proposalOfCompletenessCheck(task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)));

        c.action("governance.openVote")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation's vote", allowed(), () -> governance.openVote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation's vote with conflict", patientAConflicted, allowed(), () -> governance.openVote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation's vote", patientB, refused(TaskGone.class), () -> governance.openVote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "organisation not in round", patientLate, refused(TaskGone.class), () -> governance.openVote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "task of another step", refused(TaskGone.class), () -> governance.openVote(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .rolesExcept(() -> governance.openVote(voteTask(review, patientsA)), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> governance.openVote(voteTask(review, patientsA)));

        c.action("governance.declareConflicts")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation's vote", patientB, allowed(), () -> declare(voteTask(review, patientsB)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own already declared", refused(VoteRefused.class), () -> declare(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation's vote", patientB, refused(TaskGone.class), () -> declare(voteTask(review, patientsA)))
                .rolesExcept(() -> declare(voteTask(review, patientsB)), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> declare(voteTask(review, patientsB)));

        c.action("governance.castVote")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation without conflict", allowed(), () -> vote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation with conflict", patientAConflicted, refused(VoteRefused.class), () -> vote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation not yet declared", patientB, refused(VoteRefused.class), () -> vote(voteTask(review, patientsB)))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation's vote", patientB, refused(TaskGone.class), () -> vote(voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "organisation not in round", patientLate, refused(TaskGone.class), () -> vote(voteTask(review, patientsA)))
                .rolesExcept(() -> vote(voteTask(review, patientsA)), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> vote(voteTask(review, patientsA)));

        c.action("governance.proposalOfQuorumDecision")
                .cell(Role.STAFF, "any", allowed(), () -> governance.proposalOfQuorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)))
                .rolesExcept(() -> governance.proposalOfQuorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)), Role.STAFF)
                .anonymous(() -> governance.proposalOfQuorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)));

        c.action("governance.decideOnQuorum")
                .cell(Role.STAFF, "any", allowed(), () -> quorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)))
                .cell(Role.STAFF, "task of another step", refused(TaskGone.class), () -> quorumDecision(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .given(() -> claimAs(staff2, task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> quorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)))
                .given(null)
                .rolesExcept(() -> quorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)), Role.STAFF)
                .anonymous(() -> quorumDecision(task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)));

        c.action("governance.openEthicsReview")
                .cell(Role.ETHICS_REVIEWER, "any", allowed(), () -> governance.openEthicsReview(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .cell(Role.ETHICS_REVIEWER, "task of another step", refused(TaskGone.class), () -> governance.openEthicsReview(voteTask(review, patientsA)))
                .rolesExcept(() -> governance.openEthicsReview(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)), Role.ETHICS_REVIEWER)
                .anonymous(() -> governance.openEthicsReview(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)));

        c.action("governance.reviewEthics")
                .cell(Role.ETHICS_REVIEWER, "any", allowed(), () -> ethicsDecision(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .given(() -> claimAs(ethics2, task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .cell(Role.ETHICS_REVIEWER, "held by a colleague", refused(TaskGone.class), () -> ethicsDecision(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .given(null)
                .rolesExcept(() -> ethicsDecision(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)), Role.ETHICS_REVIEWER)
                .anonymous(() -> ethicsDecision(task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)));
        return c.tests();
    }

    private Object check(String taskId) {
        governance.checkCompleteness(taskId, CompletenessDecision.ACCEPT, null);
        return null;
    }

    private Object declare(String taskId) {
        governance.declareConflicts(taskId, false, null);
        return null;
    }

    private Object vote(String taskId) {
        governance.castVote(taskId, VoteChoice.APPROVE, null);
        return null;
    }

    private Object quorumDecision(String taskId) {
        governance.decideOnQuorum(taskId, true, null);
        return null;
    }

    private Object ethicsDecision(String taskId) {
        governance.reviewEthics(taskId, EthicsOutcome.REQUEST_CHANGES, null, "Attach the institution's ethics approval.");
        return null;
    }

    private Object claimAs(String username, String taskId) {
        signIn.as(username);
        inbox.claim(taskId);
        SignIn.out();
        return null;
    }

    // =================================================================================================
    // PatientReviewService, EthicsReviewService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> reviews() {
        Cells c = new Cells("reviews");
        c.action("patientReview.results")
                .cell(Role.RESEARCHER, "own", allowed("votes sealed", r -> ((RoundResults) r).votes().isEmpty()
                        && ((RoundResults) r).organisationsVoted().isEmpty()), () -> patientReview.results(review))
                .cell(Role.RESEARCHER, "team's", teamMember, refused(VoteRefused.class), () -> patientReview.results(review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(VoteRefused.class), () -> patientReview.results(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", allowed("votes sealed",
                        r -> ((RoundResults) r).votes().isEmpty() && ((RoundResults) r).organisationsVoted().isEmpty()), () -> patientReview.results(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, refused(VoteRefused.class), () -> patientReview.results(review))
                .cell(Role.PATIENT_REPRESENTATIVE, "not yet declared", patientB, refused(VoteRefused.class), () -> patientReview.results(review))
                .cell(Role.ETHICS_REVIEWER, "submitted", allowed("votes sealed", r -> ((RoundResults) r).votes().isEmpty()
                        && ((RoundResults) r).organisationsVoted().isEmpty()), () -> patientReview.results(review))
                .cell(Role.STAFF, "any", allowed(), () -> patientReview.results(review))
                .cell(Role.ADMINISTRATOR, "any", allowed(), () -> patientReview.results(review))
                .cell(Role.SIGNATORY, "lead organisation (may read the proposal, not the round)", leadSignatory,
                        refused(VoteRefused.class), () -> patientReview.results(active))
                .anonymous(() -> patientReview.results(review));

        c.action("patientReview.declaration")
                .cell(Role.PATIENT_REPRESENTATIVE, "own", allowed(), () -> patientReview.declaration(review))
                .rolesExcept(() -> patientReview.declaration(review), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> patientReview.declaration(review));

        c.action("patientReview.declare")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation", patientB, allowed(), () -> declareDirectly(review, patientsB))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation", patientB, refused(VoteRefused.class), () -> declareDirectly(review, patientsA))
                .cell(Role.PATIENT_REPRESENTATIVE, "organisation not in round", patientLate, refused(VoteRefused.class), () -> declareDirectly(review, patientsA))
                .rolesExcept(() -> declareDirectly(review, patientsB), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> declareDirectly(review, patientsB));

        c.action("patientReview.castVote")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation without conflict", allowed(), () -> voteDirectly(review, patientsA))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation with conflict", patientAConflicted, refused(VoteRefused.class), () -> voteDirectly(review, patientsA))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation", patientB, refused(VoteRefused.class), () -> voteDirectly(review, patientsA))
                .rolesExcept(() -> voteDirectly(review, patientsA), Role.PATIENT_REPRESENTATIVE)
                .anonymous(() -> voteDirectly(review, patientsA));

        c.action("ethicsReview.decide")
                .cell(Role.ETHICS_REVIEWER, "under ethics review", allowed(), () -> decide(review))
                .cell(Role.ETHICS_REVIEWER, "draft (no ethics review)", refused(ProposalNotValid.class), () -> decide(draft))
                .cell(Role.ETHICS_REVIEWER, "approved (review over)", refused(ProposalNotValid.class), () -> decide(approved))
                .rolesExcept(() -> decide(review), Role.ETHICS_REVIEWER)
                .anonymous(() -> decide(review));
        return c.tests();
    }

    private Object declareDirectly(Long id, OrganisationSummary organisation) {
        patientReview.declare(id, organisation.id(), false, null);
        return null;
    }

    private Object voteDirectly(Long id, OrganisationSummary organisation) {
        patientReview.castVote(id, organisation.id(), VoteChoice.APPROVE, null);
        return null;
    }

    private Object decide(Long id) {
        ethicsReview.decide(id, EthicsRoute.EXPEDITED, EthicsOutcome.APPROVE_WITH_CONDITIONS, "Matrix conditions", null);
        return null;
    }

    // =================================================================================================
    // AgreementService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> agreements() {
        Cells c = new Cells("agreements");
        c.action("agreement.overview")
                .cell(Role.RESEARCHER, "own", present(), () -> agreements.overview(active))
                .cell(Role.RESEARCHER, "team's", teamMember, present(), () -> agreements.overview(active))
                .cell(Role.RESEARCHER, "another's", otherResearcher, hidden(), () -> agreements.overview(active))
                .cell(Role.PATIENT_REPRESENTATIVE, "any", hidden(), () -> agreements.overview(active))
                .cell(Role.ETHICS_REVIEWER, "any", hidden(), () -> agreements.overview(active))
                .cell(Role.SIGNATORY, "lead organisation", present(), () -> agreements.overview(active))
                .cell(Role.SIGNATORY, "foundation", foundationSignatory, present(), () -> agreements.overview(active))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, hidden(), () -> agreements.overview(active))
                .cell(Role.STAFF, "any", present(), () -> agreements.overview(active))
                .cell(Role.ADMINISTRATOR, "any", present(), () -> agreements.overview(active))
                .anonymous(() -> agreements.overview(active));

        for (String action : List.of("agreement.version", "agreement.executed")) {
            Action call = action.endsWith("version") ? () -> agreements.version(active, 1) : () -> agreements.executed(active);
            c.action(action)
                    .cell(Role.RESEARCHER, "own", allowed(), call)
                    .cell(Role.RESEARCHER, "team's", teamMember, allowed(), call)
                    .cell(Role.RESEARCHER, "another's", otherResearcher, refused(AccessDeniedException.class), call)
                    .cell(Role.PATIENT_REPRESENTATIVE, "any", refused(AccessDeniedException.class), call)
                    .cell(Role.ETHICS_REVIEWER, "any", refused(AccessDeniedException.class), call)
                    .cell(Role.SIGNATORY, "lead organisation", allowed(), call)
                    .cell(Role.SIGNATORY, "foundation", foundationSignatory, allowed(), call)
                    .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(AccessDeniedException.class), call)
                    .cell(Role.STAFF, "any", allowed(), call)
                    .cell(Role.ADMINISTRATOR, "any", allowed(), call)
                    .anonymous(call);
        }

        c.action("agreement.generate")
                .cell(Role.STAFF, "approved", allowed(), () -> agreements.generate(approved, 24))
                .cell(Role.STAFF, "under review", refused(AgreementRefused.class), () -> agreements.generate(review, 24))
                .cell(Role.STAFF, "draft", refused(ProposalAccessDenied.class), () -> agreements.generate(draft, 24))
                .rolesExcept(() -> agreements.generate(approved, 24), Role.STAFF)
                .anonymous(() -> agreements.generate(approved, 24));

        c.action("agreement.send")
                .cell(Role.STAFF, "approved with draft version", allowed(), () -> send(approved))
                .cell(Role.STAFF, "already sent", refused(AgreementRefused.class), () -> send(out))
                .rolesExcept(() -> send(approved), Role.STAFF)
                .anonymous(() -> send(approved));

        c.action("agreement.toSign")
                .cell(Role.SIGNATORY, "lead organisation", allowed(), () -> agreements.toSign(out, SigningParty.LEAD_ORGANISATION))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(AccessDeniedException.class), () -> agreements.toSign(out, SigningParty.LEAD_ORGANISATION))
                .cell(Role.SIGNATORY, "foundation signing for the lead", foundationSignatory, refused(AccessDeniedException.class), () -> agreements.toSign(out, SigningParty.LEAD_ORGANISATION))
                .cell(Role.SIGNATORY, "lead signing for the foundation", refused(AccessDeniedException.class), () -> agreements.toSign(out, SigningParty.FOUNDATION))
                .rolesExcept(() -> agreements.toSign(out, SigningParty.LEAD_ORGANISATION), Role.SIGNATORY)
                .anonymous(() -> agreements.toSign(out, SigningParty.LEAD_ORGANISATION));

        c.action("agreement.sign")
                .cell(Role.SIGNATORY, "lead organisation", allowed(), () -> signDirectly(out, SigningParty.LEAD_ORGANISATION, fixtures.password()))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(AccessDeniedException.class), () -> signDirectly(out, SigningParty.LEAD_ORGANISATION, fixtures.password()))
                .cell(Role.SIGNATORY, "lead signing for the foundation", refused(AccessDeniedException.class), () -> signDirectly(out, SigningParty.FOUNDATION, fixtures.password()))
                .cell(Role.SIGNATORY, "foundation before the lead", foundationSignatory, refused(AgreementRefused.class), () -> signDirectly(out, SigningParty.FOUNDATION, fixtures.password()))
                .cell(Role.SIGNATORY, "lead organisation with wrong password", refused(AgreementRefused.class), () -> signDirectly(out, SigningParty.LEAD_ORGANISATION, "wrong"))
                .cell(Role.SIGNATORY, "other organisation with wrong password", otherSignatory,
                        refused(AccessDeniedException.class),
                        () -> signDirectly(out, SigningParty.LEAD_ORGANISATION, "wrong"))
                .rolesExcept(() -> signDirectly(out, SigningParty.LEAD_ORGANISATION, fixtures.password()), Role.SIGNATORY)
                .anonymous(() -> signDirectly(out, SigningParty.LEAD_ORGANISATION, fixtures.password()));

        c.action("agreement.extend")
                .cell(Role.STAFF, "active", allowed(), () -> extend(active))
                .cell(Role.STAFF, "not active (expired)", refused(AgreementRefused.class), () -> extend(expired))
                .rolesExcept(() -> extend(active), Role.STAFF)
                .anonymous(() -> extend(active));

        c.action("agreement.reportOutput")
                .cell(Role.RESEARCHER, "own", allowed(), () -> report(active))
                .cell(Role.RESEARCHER, "team's", teamMember, allowed(), () -> report(active))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> report(active))
                .cell(Role.RESEARCHER, "colleague's (same organisation)", colleague, refused(ProposalAccessDenied.class), () -> report(active))
                .cell(Role.RESEARCHER, "own not yet active", refused(AgreementRefused.class), () -> report(approved))
                .rolesExcept(() -> report(active), Role.RESEARCHER)
                .anonymous(() -> report(active));

        c.action("agreement.requestClosure")
                .cell(Role.RESEARCHER, "own", allowed(), () -> requestClosure(active))
                .cell(Role.RESEARCHER, "team's", teamMember, refused(AgreementRefused.class), () -> requestClosure(active))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(ProposalAccessDenied.class), () -> requestClosure(active))
                .rolesExcept(() -> requestClosure(active), Role.RESEARCHER)
                .anonymous(() -> requestClosure(active));

        c.action("agreement.outputCount")
                .cell(Role.STAFF, "any", allowed(), () -> agreements.outputCount(active))
                .rolesExcept(() -> agreements.outputCount(active), Role.STAFF)
                .anonymous(() -> agreements.outputCount(active));

        c.action("agreement.verify");
        for (Role role : Role.values()) {
            c.cell(role, "any PDF", allowed(), () -> agreements.verify(executedPdf));
        }
        c.anonymous(() -> agreements.verify(executedPdf));
        return c.tests();
    }

    private static Expect present() {
        return allowed("shown", o -> ((Optional<?>) o).isPresent());
    }

    private Object send(Long id) {
        agreements.send(id);
        return null;
    }

    private Object signDirectly(Long id, SigningParty party, String password) {
        return agreements.sign(id, party, 1, password, true);
    }

    private Object extend(Long id) {
        agreements.extend(id, LocalDate.now().plusYears(30), "Access matrix");
        return null;
    }

    private Object report(Long id) {
        agreements.reportOutput(id, OutputKind.OTHER, "Access matrix output", null, null);
        return null;
    }

    private Object requestClosure(Long id) {
        agreements.requestClosure(id);
        return null;
    }

    // =================================================================================================
    // AgreementTaskService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> agreementTasks() {
        Cells c = new Cells("agreementTasks");
        c.action("agreementTasks.proposalOfStaffTask")
                .cell(Role.STAFF, "any", allowed(), () -> agreementTasks.proposalOfStaffTask(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK), ProposalLifecycle.PREPARE_AGREEMENT_TASK))
                .cell(Role.STAFF, "task of another step", refused(TaskGone.class), () -> agreementTasks.proposalOfStaffTask(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK), ProposalLifecycle.LEAD_SIGNATURE_TASK))
                .rolesExcept(() -> agreementTasks.proposalOfStaffTask(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK), ProposalLifecycle.PREPARE_AGREEMENT_TASK), Role.STAFF)
                .anonymous(() -> agreementTasks.proposalOfStaffTask(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK), ProposalLifecycle.PREPARE_AGREEMENT_TASK));

        c.action("agreementTasks.sendForSignature")
                .cell(Role.STAFF, "any", allowed(), () -> sendForSignature(approved))
                .given(() -> claimAs(staff2, task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.STAFF, "held by a colleague", refused(TaskGone.class), () -> sendForSignature(approved))
                .given(null)
                .rolesExcept(() -> sendForSignature(approved), Role.STAFF)
                .anonymous(() -> sendForSignature(approved));

        c.action("agreementTasks.openSigning")
                .cell(Role.SIGNATORY, "lead organisation", allowed(), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "lead organisation colleague", leadColleague, allowed(), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(TaskGone.class), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "foundation on the lead's task", foundationSignatory, refused(TaskGone.class), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .given(() -> signAs(leadSignatory, out))
                .cell(Role.SIGNATORY, "foundation's task", foundationSignatory, allowed(), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "lead on the foundation's task", refused(TaskGone.class), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)))
                .given(() -> claimAs(leadColleague, task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "held by a colleague", refused(TaskGone.class), () -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .given(null)
                .rolesExcept(() -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)), Role.SIGNATORY)
                .anonymous(() -> agreementTasks.openSigning(task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)));

        c.action("agreementTasks.sign")
                .cell(Role.SIGNATORY, "lead organisation", allowed(), () -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, refused(TaskGone.class), () -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK))
                .cell(Role.SIGNATORY, "foundation on the lead's task", foundationSignatory, refused(TaskGone.class), () -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK))
                .given(() -> signAs(leadSignatory, out))
                .cell(Role.SIGNATORY, "foundation's task", foundationSignatory, allowed(), () -> sign(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK))
                .cell(Role.SIGNATORY, "lead on the foundation's task", refused(TaskGone.class), () -> sign(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK))
                .given(() -> claimAs(leadColleague, task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "held by a colleague", refused(TaskGone.class), () -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK))
                .given(null)
                .rolesExcept(() -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK), Role.SIGNATORY)
                .anonymous(() -> sign(out, ProposalLifecycle.LEAD_SIGNATURE_TASK));

        c.action("agreementTasks.chaseOrCancel")
                .cell(Role.STAFF, "any", allowed(), () -> chase(task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)))
                .cell(Role.STAFF, "task of another step", refused(TaskGone.class), () -> chase(task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .rolesExcept(() -> chase(task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)), Role.STAFF)
                .anonymous(() -> chase(task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)));

        c.action("agreementTasks.closeProject")
                .given(() -> closureRequested(active))
                .cell(Role.STAFF, "closure requested", allowed(), () -> close(task(active, ProposalLifecycle.CLOSE_PROJECT_TASK)))
                .rolesExcept(() -> close(task(active, ProposalLifecycle.CLOSE_PROJECT_TASK)), Role.STAFF)
                .anonymous(() -> close(task(active, ProposalLifecycle.CLOSE_PROJECT_TASK)))
                .given(null)
                .cell(Role.STAFF, "task of another step", refused(TaskGone.class), () -> close(task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)));

        c.action("agreementTasks.proposalOfOutputsReport")
                .cell(Role.RESEARCHER, "own", allowed(), () -> agreementTasks.proposalOfOutputsReport(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)))
                .cell(Role.RESEARCHER, "team's", teamMember, refused(TaskGone.class), () -> agreementTasks.proposalOfOutputsReport(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)))
                .cell(Role.RESEARCHER, "another's", otherResearcher, refused(TaskGone.class), () -> agreementTasks.proposalOfOutputsReport(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)))
                .rolesExcept(() -> agreementTasks.proposalOfOutputsReport(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)), Role.RESEARCHER)
                .anonymous(() -> agreementTasks.proposalOfOutputsReport(task(expired, ProposalLifecycle.REPORT_OUTPUTS_TASK)));
        return c.tests();
    }

    private Object sendForSignature(Long id) {
        agreementTasks.sendForSignature(task(id, ProposalLifecycle.PREPARE_AGREEMENT_TASK));
        return null;
    }

    private Object sign(Long id, String step) {
        return agreementTasks.sign(task(id, step), 1, fixtures.password(), true);
    }

    private Object signAs(String username, Long id) {
        signIn.as(username);
        agreementTasks.sign(task(id, ProposalLifecycle.LEAD_SIGNATURE_TASK), 1, fixtures.password(), true);
        SignIn.out();
        return null;
    }

    private Object chase(String taskId) {
        agreementTasks.chaseOrCancel(taskId, false, null);
        return null;
    }

    private Object close(String taskId) {
        agreementTasks.closeProject(taskId, null);
        return null;
    }

    private Object closureRequested(Long id) {
        signIn.as(researcher);
        agreements.requestClosure(id);
        SignIn.out();
        return null;
    }

    // =================================================================================================
    // AuditService, MemberService, NotificationService
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> administration() {
        Cells c = new Cells("administration");
        Map<String, Action> auditActions = new LinkedHashMap<>();
        auditActions.put("audit.find", () -> audit.find(AuditFilter.none(), 0, 10));
        auditActions.put("audit.count", () -> audit.count(AuditFilter.none()));
        auditActions.put("audit.kinds", () -> audit.kinds());
        auditActions.put("audit.exportCsv", () -> {
            audit.exportCsv(AuditFilter.none(), new StringWriter());
            return null;
        });
        auditActions.put("audit.verify", () -> audit.verify());
        auditActions.forEach((name, call) -> c.action(name)
                .cell(Role.STAFF, "whole trail", allowed(), call)
                .cell(Role.ADMINISTRATOR, "whole trail", allowed(), call)
                .rolesExcept(call, Role.STAFF, Role.ADMINISTRATOR)
                .anonymous(call));

        c.action("member.registerOrganisation")
                .cell(Role.ADMINISTRATOR, "new", allowed(), () -> members.registerOrganisation("Matrix New Org", "NL", OrganisationType.SME))
                .rolesExcept(() -> members.registerOrganisation("Matrix New Org", "NL", OrganisationType.SME), Role.ADMINISTRATOR)
                .anonymous(() -> members.registerOrganisation("Matrix New Org", "NL", OrganisationType.SME));

        c.action("member.registerPerson")
                .cell(Role.ADMINISTRATOR, "new", allowed(), () -> registerPerson())
                .rolesExcept(() -> registerPerson(), Role.ADMINISTRATOR)
                .anonymous(() -> registerPerson());

        c.action("member.people")
                .cell(Role.ADMINISTRATOR, "everyone", allowed(), () -> members.people("", 0, 10))
                .rolesExcept(() -> members.people("", 0, 10), Role.ADMINISTRATOR)
                .anonymous(() -> members.people("", 0, 10));

        c.action("member.countPeople")
                .cell(Role.ADMINISTRATOR, "everyone", allowed(), () -> members.countPeople(""))
                .rolesExcept(() -> members.countPeople(""), Role.ADMINISTRATOR)
                .anonymous(() -> members.countPeople(""));

        c.action("member.changeRoles")
                .cell(Role.ADMINISTRATOR, "another person", allowed(), () -> changeRoles(colleague))
                .cell(Role.ADMINISTRATOR, "self", allowed(), () -> changeRoles(admin))
                .rolesExcept(() -> changeRoles(colleague), Role.ADMINISTRATOR)
                .anonymous(() -> changeRoles(colleague));

        c.action("member.deactivate")
                .cell(Role.ADMINISTRATOR, "another person", allowed(), () -> deactivate(colleague))
                .cell(Role.ADMINISTRATOR, "self", refused(MemberNotValid.class), () -> deactivate(admin))
                .rolesExcept(() -> deactivate(colleague), Role.ADMINISTRATOR)
                .anonymous(() -> deactivate(colleague));

        Map<String, Action> organisationActions = new LinkedHashMap<>();
        organisationActions.put("member.organisations", () -> members.organisations(OrganisationFilter.none(),
                OrganisationSort.NAME, false, 0, 10));
        organisationActions.put("member.countOrganisations", () -> members.countOrganisations(OrganisationFilter.none()));
        organisationActions.forEach((name, call) -> c.action(name)
                .cell(Role.ADMINISTRATOR, "all", allowed(), call)
                .rolesExcept(call, Role.ADMINISTRATOR)
                .anonymous(call));

        c.action("member.updateOrganisation")
                .cell(Role.ADMINISTRATOR, "any", allowed(), () -> renameOrganisation(elsewhere))
                .rolesExcept(() -> renameOrganisation(elsewhere), Role.ADMINISTRATOR)
                .anonymous(() -> renameOrganisation(elsewhere));

        c.action("member.deactivateOrganisation")
                .cell(Role.ADMINISTRATOR, "another organisation", allowed(), () -> members.deactivateOrganisation(elsewhere.id(), "Access matrix"))
                .cell(Role.ADMINISTRATOR, "own organisation", refused(MemberNotValid.class), () -> members.deactivateOrganisation(foundation.id(), "Access matrix"))
                .rolesExcept(() -> members.deactivateOrganisation(elsewhere.id(), "Access matrix"), Role.ADMINISTRATOR)
                .anonymous(() -> members.deactivateOrganisation(elsewhere.id(), "Access matrix"));

        c.action("member.reactivateOrganisation")
                .given(() -> deactivateAsAdministrator(elsewhere))
                .cell(Role.ADMINISTRATOR, "deactivated", allowed(), () -> reactivate(elsewhere))
                .rolesExcept(() -> reactivate(elsewhere), Role.ADMINISTRATOR)
                .anonymous(() -> reactivate(elsewhere))
                .given(null);

        c.action("invitations.invite")
                .cell(Role.ADMINISTRATOR, "new", allowed(), () -> invite("matrix-new"))
                .rolesExcept(() -> invite("matrix-new"), Role.ADMINISTRATOR)
                .anonymous(() -> invite("matrix-new"));

        c.action("invitations.invitations")
                .cell(Role.ADMINISTRATOR, "all", allowed(), () -> invitations.invitations(true, 0, 10))
                .rolesExcept(() -> invitations.invitations(true, 0, 10), Role.ADMINISTRATOR)
                .anonymous(() -> invitations.invitations(true, 0, 10));

        c.action("invitations.countInvitations")
                .cell(Role.ADMINISTRATOR, "all", allowed(), () -> invitations.countInvitations(true))
                .rolesExcept(() -> invitations.countInvitations(true), Role.ADMINISTRATOR)
                .anonymous(() -> invitations.countInvitations(true));

        c.action("invitations.resend")
                .cell(Role.ADMINISTRATOR, "pending", allowed(), () -> invitations.resend(pendingInvitation))
                .cell(Role.ADMINISTRATOR, "used", refused(MemberNotValid.class), () -> invitations.resend(usedInvitation))
                .rolesExcept(() -> invitations.resend(pendingInvitation), Role.ADMINISTRATOR)
                .anonymous(() -> invitations.resend(pendingInvitation));

        c.action("invitations.revoke")
                .cell(Role.ADMINISTRATOR, "pending", allowed(), () -> revokeInvitation(pendingInvitation))
                .cell(Role.ADMINISTRATOR, "used", refused(MemberNotValid.class), () -> revokeInvitation(usedInvitation))
                .rolesExcept(() -> revokeInvitation(pendingInvitation), Role.ADMINISTRATOR)
                .anonymous(() -> revokeInvitation(pendingInvitation));

        // The link's holder is not signed in: the token is the key, whoever holds it.
        c.action("invitations.open");
        for (Role role : Role.values()) {
            c.cell(role, "valid link", allowed(), () -> invitations.open(pendingToken));
        }
        c.anonymous("valid link", allowed(), () -> invitations.open(pendingToken))
                .anonymous("unknown link", refused(InvitationRefused.class), () -> invitations.open("x".repeat(43)))
                .anonymous("used link", refused(InvitationRefused.class), () -> invitations.open(usedToken))
                .anonymous("revoked link", refused(InvitationRefused.class), () -> invitations.open(revokedToken))
                .anonymous("expired link", refused(InvitationRefused.class), () -> invitations.open(expiredToken));

        c.action("invitations.accept");
        for (Role role : Role.values()) {
            c.cell(role, "valid link", allowed(), () -> acceptInvitation(pendingToken));
        }
        c.anonymous("valid link", allowed(), () -> acceptInvitation(pendingToken))
                .anonymous("unknown link", refused(InvitationRefused.class), () -> acceptInvitation("x".repeat(43)))
                .anonymous("used link", refused(InvitationRefused.class), () -> acceptInvitation(usedToken))
                .anonymous("revoked link", refused(InvitationRefused.class), () -> acceptInvitation(revokedToken))
                .anonymous("expired link", refused(InvitationRefused.class), () -> acceptInvitation(expiredToken));

        Map<String, Action> workflowActions = new LinkedHashMap<>();
        workflowActions.put("incidents.overview", () -> incidents.overview());
        workflowActions.put("incidents.instancesAt", () -> incidents.instancesAt(ProposalLifecycle.CAST_VOTE_TASK, 0, 10));
        workflowActions.put("incidents.countInstancesAt", () -> incidents.countInstancesAt(ProposalLifecycle.CAST_VOTE_TASK));
        workflowActions.put("incidents.countOpen", () -> incidents.countOpen());
        workflowActions.forEach((name, call) -> c.action(name)
                .cell(Role.ADMINISTRATOR, "all", allowed(), call)
                .rolesExcept(call, Role.ADMINISTRATOR)
                .anonymous(call));

        c.action("incidents.open")
                .cell(Role.ADMINISTRATOR, "all", allowed(), () -> incidents.open(10))
                .rolesExcept(() -> incidents.open(10), Role.ADMINISTRATOR)
                .anonymous(() -> incidents.open(10));

        c.action("incidents.retry")
                .cell(Role.ADMINISTRATOR, "no such incident", refused(TaskGone.class), () -> retryIncident())
                .rolesExcept(() -> retryIncident(), Role.ADMINISTRATOR)
                .anonymous(() -> retryIncident());

        c.action("outbox.incidents")
                .cell(Role.ADMINISTRATOR, "all", allowed(), () -> outbox.incidents(10))
                .rolesExcept(() -> outbox.incidents(10), Role.ADMINISTRATOR)
                .anonymous(() -> outbox.incidents(10));

        c.action("outbox.retry")
                .cell(Role.ADMINISTRATOR, "no such e-mail", refused(IllegalArgumentException.class), () -> outbox.retry(-1L))
                .rolesExcept(() -> outbox.retry(-1L), Role.ADMINISTRATOR)
                .anonymous(() -> outbox.retry(-1L));

        Map<String, Action> directory = new LinkedHashMap<>();
        directory.put("member.activeOrganisations", () -> members.activeOrganisations());
        directory.put("member.findPeopleWithRole", () -> members.findPeopleWithRole(Role.RESEARCHER, "", 0, 10));
        directory.put("member.countPeopleWithRole", () -> members.countPeopleWithRole(Role.RESEARCHER, ""));
        directory.put("member.summaries", () -> members.summaries(List.of(personId(researcher))));
        directory.put("member.person", () -> members.person(personId(researcher)).getFullName());
        directory.put("member.organisation", () -> members.organisation(hospital.id()).getName());
        directory.forEach((name, call) -> {
            c.action(name);
            for (Role role : Role.values()) {
                c.cell(role, "directory", allowed(), call);
            }
            c.anonymous(call);
        });

        c.action("notification.latest");
        for (Role role : Role.values()) {
            String actor = actorOf(role.name());
            c.cell(role, "own only", allowed("own only", list -> ((List<?>) list).stream().anyMatch(n ->
                    ((NotificationItem) n).message().equals(APPLICANTS_NOTE)) == actor.equals(researcher)),
                    () -> notifications.latest(1000));
        }
        c.anonymous(() -> notifications.latest(1000));
        c.action("notification.unreadCount");
        for (Role role : Role.values()) {
            String actor = actorOf(role.name());
            c.cell(role, "own", allowed("own count", n -> !actor.equals(researcher) || (Long) n > 0),
                    () -> notifications.unreadCount());
        }
        c.anonymous(() -> notifications.unreadCount());
        c.action("notification.markAllRead");
        for (Role role : Role.values()) {
            c.cell(role, "own", allowed(), () -> markAllRead());
        }
        c.anonymous(() -> markAllRead());

        c.action("preferences.mine");
        for (Role role : Role.values()) {
            c.cell(role, "own", allowed(), () -> preferences.mine());
        }
        c.anonymous(() -> preferences.mine());
        c.action("preferences.choose");
        for (Role role : Role.values()) {
            c.cell(role, "own record", allowed("kept on the chooser's record",
                    p -> p.equals(new Preferences("fr", "Europe/Paris"))), () -> chooseAndRestore("fr", "Europe/Paris"));
        }
        c.cell(Role.RESEARCHER, "unknown language", refused(MemberNotValid.class), () -> chooseAndRestore("xx", "UTC"))
                .cell(Role.RESEARCHER, "unknown time zone", refused(MemberNotValid.class),
                        () -> chooseAndRestore("fr", "Mars/Olympus_Mons"))
                .anonymous(() -> chooseAndRestore("fr", "UTC"));
        return c.tests();
    }

    private Object markAllRead() {
        notifications.markAllRead();
        return null;
    }

    private Object changeRoles(String username) {
        members.changeRoles(personId(username), EnumSet.of(Role.RESEARCHER, Role.SIGNATORY), "Access matrix");
        return null;
    }

    private Object deactivate(String username) {
        members.deactivate(personId(username), "Access matrix");
        return null;
    }

    private Object renameOrganisation(OrganisationSummary organisation) {
        var row = members.organisations(new OrganisationFilter(organisation.name(), null, null, null),
                OrganisationSort.NAME, false, 0, 10).get(0);
        return members.updateOrganisation(organisation.id(), row.lockVersion(), organisation.name() + " (renamed)",
                "BE", row.type());
    }

    private Object deactivateAsAdministrator(OrganisationSummary organisation) {
        SignIn.asAdministrator();
        members.deactivateOrganisation(organisation.id(), "Access matrix");
        return null;
    }

    private Object reactivate(OrganisationSummary organisation) {
        members.reactivateOrganisation(organisation.id(), "Access matrix");
        return null;
    }

    private Object revokeInvitation(Long id) {
        invitations.revoke(id, "Access matrix");
        return null;
    }

    private Object acceptInvitation(String token) {
        return invitations.accept(token, "matrix-invitee-" + System.nanoTime(), "Correct-Horse-Battery-9", null);
    }

    private Object retryIncident() {
        incidents.retry("no-such-incident");
        return null;
    }

    private Object registerPerson() {
        OrganisationSummary organisation = hospital;
        return members.registerPerson(new NewPerson("matrix-new-" + System.nanoTime(), "Nina New", "nina@test.example",
                "Correct-Horse-Battery-9", organisation.id(), EnumSet.of(Role.RESEARCHER)));
    }

    // =================================================================================================
    // RegisterService: the public register, open to everyone, signed in or not
    // =================================================================================================

    static final String PUBLISHED = "agreement executed, not before";

    @TestFactory
    Stream<DynamicTest> register() {
        Cells c = new Cells("register");
        Expect published = allowed("executed agreements only", found -> found.equals(List.of(references.get(active),
                references.get(expired))));
        c.action("register.search");
        for (Role role : Role.values()) {
            c.cell(role, PUBLISHED, published, () -> registerSearch());
        }
        c.anonymous(PUBLISHED, published, () -> registerSearch());

        Expect counted = allowed("executed agreements only", n -> n.equals(List.of(1L, 1L, 0L, 0L)));
        c.action("register.count");
        for (Role role : Role.values()) {
            c.cell(role, PUBLISHED, counted, () -> registerCount());
        }
        c.anonymous(PUBLISHED, counted, () -> registerCount());

        Expect projects = allowed("executed agreements only", shown -> shown.equals(List.of(true, true, false, false)));
        c.action("register.project");
        for (Role role : Role.values()) {
            c.cell(role, PUBLISHED, projects, () -> registerProjects());
        }
        c.anonymous(PUBLISHED, projects, () -> registerProjects());
        return c.tests();
    }

    /** The references found when searching for each of: active, expired, approved (unsigned), out for signature. */
    private Object registerSearch() {
        List<String> found = new ArrayList<>();
        for (Long id : List.of(active, expired, approved, out)) {
            register.search(new RegisterFilter(references.get(id), null, null), PageRequest.of(0, 10)).stream()
                    .map(RegisterRow::reference).forEach(found::add);
        }
        return found;
    }

    private Object registerCount() {
        return Stream.of(active, expired, approved, out)
                .map(id -> register.count(new RegisterFilter(references.get(id), null, null))).toList();
    }

    private Object registerProjects() {
        return Stream.of(active, expired, approved, out).map(id -> register.project(references.get(id)).isPresent())
                .toList();
    }

    // =================================================================================================
    // CockpitService, DeadlineTasks: the staff cockpit reads everything submitted, for staff and administrators
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> cockpit() {
        Cells c = new Cells("cockpit");
        ReportingPeriod year = ReportingPeriod.lastTwelveMonths(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC);
        Paging page = Paging.first(10);
        Map<String, Action> actions = new LinkedHashMap<>();
        actions.put("cockpit.figures", () -> cockpit.figures(year));
        actions.put("cockpit.proposals", () -> cockpit.proposals(new Lines.ProposalFilter(null, null), page));
        actions.put("cockpit.countProposals", () -> cockpit.countProposals(new Lines.ProposalFilter(null, null)));
        actions.put("cockpit.exportProposals", () -> {
            cockpit.exportProposals(new Lines.ProposalFilter(null, null), null, true, new StringWriter());
            return null;
        });
        actions.put("cockpit.tasks", () -> cockpit.tasks(new Lines.TaskFilter(TaskDue.ALL, null, null), page));
        actions.put("cockpit.countTasks", () -> cockpit.countTasks(new Lines.TaskFilter(TaskDue.ALL, null, null)));
        actions.put("cockpit.exportTasks", () -> {
            cockpit.exportTasks(new Lines.TaskFilter(TaskDue.ALL, null, null), null, true, new StringWriter());
            return null;
        });
        actions.put("cockpit.agreements", () -> cockpit.agreements(new Lines.AgreementFilter(AgreementShow.ALL, null), page));
        actions.put("cockpit.countAgreements", () -> cockpit.countAgreements(new Lines.AgreementFilter(AgreementShow.ALL, null)));
        actions.put("cockpit.exportAgreements", () -> {
            cockpit.exportAgreements(new Lines.AgreementFilter(AgreementShow.ALL, null), null, true, new StringWriter());
            return null;
        });
        actions.put("cockpit.stays", () -> cockpit.stays(new Lines.StayFilter(Stage.REVIEW, year), page));
        actions.put("cockpit.countStays", () -> cockpit.countStays(new Lines.StayFilter(Stage.REVIEW, year)));
        actions.put("cockpit.exportStays", () -> {
            cockpit.exportStays(new Lines.StayFilter(Stage.REVIEW, year), null, true, new StringWriter());
            return null;
        });
        java.time.Instant now = java.time.Instant.now();
        actions.put("deadlineTasks.countByStep", () -> deadlineTasks.countByStep(now, now.plusSeconds(7 * 86_400)));
        actions.put("deadlineTasks.count", () -> deadlineTasks.count(DeadlineTasks.Criteria.all()));
        actions.put("deadlineTasks.find", () -> deadlineTasks.find(DeadlineTasks.Criteria.all(), DeadlineTasks.Order.DUE,
                true, 0, 10));
        actions.forEach((name, call) -> c.action(name)
                .cell(Role.STAFF, "all submitted", allowed(), call)
                .cell(Role.ADMINISTRATOR, "all submitted", allowed(), call)
                .rolesExcept(call, Role.STAFF, Role.ADMINISTRATOR)
                .anonymous(call));
        return c.tests();
    }

    // =================================================================================================
    // The views: their record checks, as the router calls them
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> views() {
        Cells c = new Cells("views");
        String proposalView = "org.consilium.proposal.ProposalView";
        c.action("view /proposals/:id")
                .cell(Role.RESEARCHER, "own draft", shown(), () -> open(proposalView, "proposalId", draft))
                .cell(Role.RESEARCHER, "own under review", shown(), () -> open(proposalView, "proposalId", review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, shown(), () -> open(proposalView, "proposalId", draft))
                .cell(Role.RESEARCHER, "team's under review", teamMember,
                        shown(),
                        () -> open(proposalView, "proposalId", review))
                .cell(Role.RESEARCHER, "another's", otherResearcher, reroutedToAccessRefused(), () -> open(proposalView, "proposalId", review))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, reroutedToAccessRefused(), () -> open(proposalView, "proposalId", draft))
                .cell(Role.PATIENT_REPRESENTATIVE, "no conflict declared", shown(), () -> open(proposalView, "proposalId", review))
                .cell(Role.PATIENT_REPRESENTATIVE, "conflict declared", patientAConflicted, reroutedToAccessRefused(), () -> open(proposalView, "proposalId", review))
                .cell(Role.ETHICS_REVIEWER, "submitted", shown(), () -> open(proposalView, "proposalId", review))
                .cell(Role.ETHICS_REVIEWER, "draft", reroutedToAccessRefused(), () -> open(proposalView, "proposalId", draft))
                .cell(Role.SIGNATORY, "lead organisation with agreement",
                        shown(),
                        () -> open(proposalView, "proposalId", active))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, reroutedToAccessRefused(), () -> open(proposalView, "proposalId", active))
                .cell(Role.STAFF, "submitted", shown(), () -> open(proposalView, "proposalId", review))
                .cell(Role.STAFF, "draft", reroutedToAccessRefused(), () -> open(proposalView, "proposalId", draft))
                .cell(Role.ADMINISTRATOR, "submitted", shown(), () -> open(proposalView, "proposalId", review));

        String editor = "org.consilium.proposal.ProposalEditorView";
        c.action("view /proposals/:id/edit")
                .cell(Role.RESEARCHER, "own draft", shown(), () -> open(editor, "proposalId", draft))
                .cell(Role.RESEARCHER, "own under review", reroutedToAccessRefused(), () -> open(editor, "proposalId", review))
                .cell(Role.RESEARCHER, "team's draft", teamMember, reroutedToAccessRefused(), () -> open(editor, "proposalId", draft))
                .cell(Role.RESEARCHER, "another's draft", otherResearcher, reroutedToAccessRefused(), () -> open(editor, "proposalId", draft));

        String completeness = "org.consilium.workflow.CompletenessCheckView";
        c.action("view /tasks/:id/completeness")
                .cell(Role.STAFF, "held by self", staff2, shown(), () -> open(completeness, "taskId", task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "held by a colleague", taskGone(), () -> open(completeness, "taskId", task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)))
                .cell(Role.STAFF, "task of another step", taskGone(), () -> open(completeness, "taskId", voteTask(review, patientsA)));

        String voteView = "org.consilium.workflow.VoteTaskView";
        c.action("view /tasks/:id/vote")
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation without conflict", shownWithProposal(), () -> open(voteView, "taskId", voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation with conflict", patientAConflicted, shownWithoutProposal(), () -> open(voteView, "taskId", voteTask(review, patientsA)))
                .cell(Role.PATIENT_REPRESENTATIVE, "own organisation not yet declared", patientB, shownWithoutProposal(), () -> open(voteView, "taskId", voteTask(review, patientsB)))
                .cell(Role.PATIENT_REPRESENTATIVE, "other organisation's vote", patientB, taskGone(), () -> open(voteView, "taskId", voteTask(review, patientsA)));

        String quorumView = "org.consilium.workflow.QuorumDecisionView";
        c.action("view /tasks/:id/quorum")
                .cell(Role.STAFF, "any", shown(), () -> open(quorumView, "taskId", task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK)))
                .cell(Role.STAFF, "task of another step", taskGone(), () -> open(quorumView, "taskId", task(submitted, ProposalLifecycle.CHECK_COMPLETENESS_TASK)));

        String ethicsView = "org.consilium.workflow.EthicsReviewView";
        c.action("view /tasks/:id/ethics")
                .cell(Role.ETHICS_REVIEWER, "any", shownWithProposal(), () -> open(ethicsView, "taskId", task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .given(() -> claimAs(ethics2, task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)))
                .cell(Role.ETHICS_REVIEWER, "held by a colleague", taskGone(), () -> open(ethicsView, "taskId", task(review, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK)));

        String prepare = "org.consilium.workflow.PrepareAgreementView";
        c.action("view /tasks/:id/agreement")
                .cell(Role.STAFF, "any", shown(), () -> open(prepare, "taskId", task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)))
                .cell(Role.STAFF, "task of another step", taskGone(), () -> open(prepare, "taskId", task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)));

        String signView = "org.consilium.workflow.SignAgreementView";
        c.action("view /tasks/:id/sign")
                .cell(Role.SIGNATORY, "lead organisation", shown(), () -> open(signView, "taskId", task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "other organisation", otherSignatory, taskGone(), () -> open(signView, "taskId", task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "foundation on the lead's task", foundationSignatory, taskGone(), () -> open(signView, "taskId", task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK)))
                .given(() -> signAs(leadSignatory, out))
                .cell(Role.SIGNATORY, "foundation's task (signatory without staff role)", foundationSignatory,
                        shown(),
                        () -> open(signView, "taskId", task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)))
                .given(() -> signAs(leadSignatory, out))
                .cell(Role.SIGNATORY, "foundation's task (signatory and staff)", director, shown(), () -> open(signView, "taskId", task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)))
                .cell(Role.SIGNATORY, "lead on the foundation's task", taskGone(), () -> open(signView, "taskId", task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)));

        String chaseView = "org.consilium.workflow.ChaseOrCancelView";
        c.action("view /tasks/:id/chase")
                .cell(Role.STAFF, "any", shown(), () -> open(chaseView, "taskId", task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)))
                .cell(Role.STAFF, "task of another step", taskGone(), () -> open(chaseView, "taskId", task(approved, ProposalLifecycle.PREPARE_AGREEMENT_TASK)));

        String invitationView = "org.consilium.member.InvitationView";
        c.action("view /invitation/:token")
                .anonymous("valid link", invitationForm(), () -> open(invitationView, "token", pendingToken))
                .anonymous("unknown link", invitationRefused("UNKNOWN"), () -> open(invitationView, "token", "x".repeat(43)))
                .anonymous("malformed link", invitationRefused("UNKNOWN"), () -> open(invitationView, "token", "../admin/people"))
                .anonymous("used link", invitationRefused("USED"), () -> open(invitationView, "token", usedToken))
                .anonymous("revoked link", invitationRefused("REVOKED"), () -> open(invitationView, "token", revokedToken))
                .anonymous("expired link", invitationRefused("EXPIRED"), () -> open(invitationView, "token", expiredToken))
                .cell(Role.ADMINISTRATOR, "valid link", invitationForm(), () -> open(invitationView, "token", pendingToken));

        String closeView = "org.consilium.workflow.CloseProjectView";
        c.action("view /tasks/:id/close")
                .given(() -> closureRequested(active))
                .cell(Role.STAFF, "closure requested", shown(), () -> open(closeView, "taskId", task(active, ProposalLifecycle.CLOSE_PROJECT_TASK)))
                .given(null)
                .cell(Role.STAFF, "task of another step", taskGone(), () -> open(closeView, "taskId", task(chasing, ProposalLifecycle.CHASE_OR_CANCEL_TASK)));
        return c.tests();
    }

    /** What the router left behind: the view, and whether it was sent to an error view. */
    record Opened(Component view, BeforeEnterEvent event) {

        boolean rerouted() {
            return mockingDetails(event).getInvocations().stream()
                    .anyMatch(i -> i.getMethod().getName().equals("rerouteToError"));
        }

        boolean reroutedTo(Class<?> error) {
            return mockingDetails(event).getInvocations().stream()
                    .anyMatch(i -> i.getMethod().getName().equals("rerouteToError") && i.getArgument(0).equals(error));
        }

        boolean has(String simpleClassName) {
            return has(view, simpleClassName);
        }

        private static boolean has(Component c, String simpleClassName) {
            return c.getClass().getSimpleName().equals(simpleClassName)
                    || c.getChildren().anyMatch(child -> has(child, simpleClassName));
        }
    }

    /**
     * Creates the view as Vaadin's Spring instantiator does and enters it with the route parameter, in a
     * UI of the running Vaadin service (links and downloads need one), as the router would after its own
     * annotation check (that one is {@link ViewAccessMatrixTest}).
     */
    Opened open(String viewClass, String parameter, Object value) throws Exception {
        Class<?> type = Class.forName(viewClass);
        return InUi.build(applicationContext, java.util.Locale.ENGLISH, () -> {
            Component view = (Component) beanFactory.createBean(type);
            BeforeEnterEvent event = mock(BeforeEnterEvent.class);
            when(event.getRouteParameters()).thenReturn(new RouteParameters(parameter, String.valueOf(value)));
            ((BeforeEnterObserver) view).beforeEnter(event);
            return new Opened(view, event);
        });
    }

    /** The invitation page with its form: username and password fields. */
    static Expect invitationForm() {
        return allowed("form shown", o -> !((Opened) o).rerouted() && ((Opened) o).has("PasswordField"));
    }

    /** The invitation page says why the link cannot be used, and shows no form. */
    static Expect invitationRefused(String reason) {
        return new Expect("✗", "refused on the page (" + reason + ")", "refusal shown", null, (result, thrown) -> {
            noFailure(thrown);
            Opened opened = (Opened) result;
            assertThat(opened.has("PasswordField")).as("no form").isFalse();
            assertThat(opened.view().getElement().toString()).contains("data-reason=\"" + reason + "\"");
        });
    }

    static Expect shown() {
        return allowed("shown", o -> !((Opened) o).rerouted() && !((Opened) o).has("TaskGonePanel"));
    }

    static Expect shownWithProposal() {
        return allowed("shown with the proposal", o -> !((Opened) o).rerouted() && !((Opened) o).has("TaskGonePanel")
                && ((Opened) o).has("ProposalReadout"));
    }

    static Expect shownWithoutProposal() {
        return allowed("shown without the proposal", o -> !((Opened) o).rerouted() && !((Opened) o).has("TaskGonePanel")
                && !((Opened) o).has("ProposalReadout"));
    }

    static Expect reroutedToAccessRefused() {
        return new Expect("✗", "rerouted to AccessRefusedView", "refused view", null, (result, thrown) -> {
            noFailure(thrown);
            Opened opened = (Opened) result;
            assertThat(opened.reroutedTo(com.vaadin.flow.router.AccessDeniedException.class))
                    .as("rerouted to the access-refused view").isTrue();
            assertThat(opened.has("ProposalReadout")).as("nothing of the proposal built").isFalse();
        });
    }

    static Expect taskGone() {
        return new Expect("✗", "task-gone panel", "TG panel", null, (result, thrown) -> {
            noFailure(thrown);
            Opened opened = (Opened) result;
            assertThat(opened.has("TaskGonePanel")).as("the task-gone panel").isTrue();
            assertThat(opened.has("ProposalReadout")).as("nothing of the proposal built").isFalse();
        });
    }

    // =================================================================================================
    // Crafted requests: no session, straight at the routes
    // =================================================================================================

    @TestFactory
    Stream<DynamicTest> crafted_requests_without_a_session_are_sent_to_sign_in() {
        List<String> paths = List.of("/", "/admin/people", "/admin/organisations", "/admin/operations", "/proposals/" + review, "/proposals/" + draft + "/edit", "/proposals",
                "/inbox", "/audit", "/agreements/verify",
                "/tasks/" + task(out, ProposalLifecycle.LEAD_SIGNATURE_TASK) + "/sign",
                "/tasks/" + voteTask(review, patientsA) + "/vote",
                "/tasks/" + task(quorum, ProposalLifecycle.DECIDE_ON_QUORUM_TASK) + "/quorum");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return paths.stream().map(path -> DynamicTest.dynamicTest("GET " + path + " | ANONYMOUS → redirected to /login",
                () -> {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(302);
                    assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
                    assertThat(response.body()).doesNotContain("AML-RELAPSE", references.get(review), "Matrix");
                }));
    }

    /** The public register is the one part of the portal a visitor without a session may open. */
    @TestFactory
    Stream<DynamicTest> crafted_requests_without_a_session_open_the_public_register() {
        List<String> paths = List.of("/register", "/register/" + references.get(active), "/register/" + references.get(approved));
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return paths.stream().map(path -> DynamicTest.dynamicTest("GET " + path + " | ANONYMOUS → 200", () -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("AML-RELAPSE", "Matrix");
        }));
    }

    // =================================================================================================
    // The documented matrix
    // =================================================================================================

    static final List<String> FACTORIES = List.of("proposals", "inbox", "governance", "reviews", "agreements",
            "agreementTasks", "administration", "register", "cockpit", "views");

    static final List<String> COLUMNS = List.of(ANONYMOUS, "RESEARCHER", "PATIENT_REPRESENTATIVE", "ETHICS_REVIEWER",
            "SIGNATORY", "STAFF", "ADMINISTRATOR");

    /** The markdown rows of docs/security.md's action table, one per action, from the cells above. */
    List<String> documentedRows() {
        List<Stream<DynamicTest>> all = List.of(proposals(), inbox(), governance(), reviews(), agreements(),
                agreementTasks(), administration(), register(), cockpit(), views());
        all.forEach(Stream::close);
        List<String> rows = new ArrayList<>();
        for (String factory : FACTORIES) {
            Map<String, List<Cell>> byAction = matrix.get(factory).stream()
                    .collect(Collectors.groupingBy(Cell::action, LinkedHashMap::new, Collectors.toList()));
            byAction.forEach((action, ofAction) -> rows.add("| `" + action + "` | " + COLUMNS.stream()
                    .map(column -> text(ofAction.stream().filter(cell -> cell.role().equals(column)).toList()))
                    .collect(Collectors.joining(" | ")) + " | `#" + factory + "` |"));
        }
        return rows;
    }

    /** "✓ own, team · ✗ another's (PAD)": the cells of one role, grouped by verdict. */
    private static String text(List<Cell> cells) {
        if (cells.isEmpty()) {
            return "";
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String because = cell.expect().because();
            String key = cell.expect().symbol() + (because == null ? "" : "|" + because);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(cell.record());
        }
        return groups.entrySet().stream().map(group -> {
            String[] key = group.getKey().split("\\|", 2);
            List<String> records = group.getValue().stream().filter(r -> !r.equals("any")).toList();
            String because = key.length > 1 ? " (" + key[1] + ")" : "";
            return (key[0] + " " + String.join(", ", records)).strip() + because;
        }).collect(Collectors.joining(" · "));
    }

    @Test
    void the_documented_matrix_is_the_tested_one() throws IOException {
        List<String> rows = documentedRows();
        Path generated = Path.of("target", "access-matrix.md");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "access-matrix-internal.md"), INTERNAL.entrySet().stream()
                .map(e -> "| `" + e.getKey() + "` | " + e.getValue() + " |").collect(Collectors.joining("\n")) + "\n",
                StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        List<String> missing = rows.stream().filter(row -> !doc.contains(row)).toList();
        assertThat(missing).as("rows of the action table in docs/security.md that differ from the tested cells"
                + " (all rows as tested are in %s)", generated.toAbsolutePath()).isEmpty();
    }

    /** The service classes whose public methods make the rows above, and the prefix of their actions. */
    static final Map<Class<?>, String> SERVICES = orderedMap(ProposalService.class, "proposal",
            TaskInboxService.class, "inbox", GovernanceTaskService.class, "governance",
            PatientReviewService.class, "patientReview", EthicsReviewService.class, "ethicsReview",
            AgreementService.class, "agreement", AgreementTaskService.class, "agreementTasks",
            AuditService.class, "audit", MemberService.class, "member", NotificationService.class, "notification",
            MailOutbox.class, "outbox", EngineIncidents.class, "incidents", RegisterService.class, "register",
            CockpitService.class, "cockpit", DeadlineTasks.class, "deadlineTasks",
            InvitationService.class, "invitations", PreferenceService.class, "preferences");

    /** Public service methods without {@code @PreAuthorize}, on purpose: who calls them, and why that is safe. */
    static final Map<String, String> INTERNAL = orderedMap(
            "proposal.maxAttachmentBytes", "a setting (the upload limit), no record",
            "patientReview.mayRead", "the `ProposalReaders` callback: `ProposalAccess` passes the signed-in user in",
            "patientReview.hasRound", "whether a proposal has a voting round; the proposal page asks after `details` passed",
            "patientReview.wasExtended", "asked by `governance.decideOnQuorum` after its role and task checks",
            "ethicsReview.conditionsFor", "read by `agreement.generate` (staff) for the agreement's terms",
            "member.findAccount", "the sign-in itself, before anyone is signed in (decision 004)",
            "member.hasPeople", "the demo data, at start-up, before anyone is signed in (decision 004)",
            "member.emailAddresses", "e-mail delivery of notifications",
            "member.activePeopleWithRole", "recipients of notifications (services and the engine)",
            "member.activePeopleOfOrganisationWithRole", "recipients of notifications (services and the engine)",
            "member.activePeopleOfOrganisationsWithRole", "recipients of the engine's new tasks, several groups at once",
            "member.personIdOf", "recipients of notifications (the engine)",
            "member.organisationNames", "organisation names for records the caller already checked",
            "member.activePatientOrganisationIds", "the organisations of a new voting round (the engine)",
            "member.foundation", "the agreement's second party (`agreement.generate`, staff)",
            "member.passwordMatches", "`agreement.sign` asks whether the signer re-entered their own password",
            "notification.notify", "called by services and the engine with the recipients they chose",
            "outbox.sendDue", "the scheduler (`@Scheduled`), no user",
            "preferences.of", "the language and time zone of the recipient of an e-mail, notification or PDF");

    /** Chooses, reads back what the record holds, and goes back to no choice (notifications are worded by it). */
    private Preferences chooseAndRestore(String language, String timeZone) {
        preferences.choose(language, timeZone);
        try {
            return preferences.mine();
        } finally {
            preferences.choose(null, null);
        }
    }

    private static <K> Map<K, String> orderedMap(Object... pairs) {
        Map<K, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            K key = (K) pairs[i];
            map.put(key, (String) pairs[i + 1]);
        }
        return map;
    }

    /** Every service row says what happens to every role and to anonymous: no blank cell. */
    @Test
    void every_service_action_has_a_cell_for_every_role_and_anonymous() {
        documentedRows();
        List<String> blanks = new ArrayList<>();
        matrix.forEach((factory, cells) -> cells.stream().map(Cell::action).filter(a -> !a.startsWith("view "))
                .distinct().forEach(action -> COLUMNS.stream()
                        .filter(column -> cells.stream().noneMatch(c -> c.action().equals(action) && c.role().equals(column)))
                        .forEach(column -> blanks.add(action + " | " + column))));
        assertThat(blanks).isEmpty();
    }

    /**
     * Every public method of the services has a row in the matrix if {@code @PreAuthorize} guards it, or is
     * declared internal above (and in docs/security.md) if nothing does: a new service method cannot slip in
     * untested.
     */
    @Test
    void every_public_service_method_has_a_row_or_is_declared_internal() throws IOException {
        documentedRows();
        Set<String> actions = matrix.values().stream().flatMap(List::stream).map(Cell::action)
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        SERVICES.forEach((service, prefix) -> {
            boolean classGuarded = service.isAnnotationPresent(PreAuthorize.class);
            for (Method method : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                String action = prefix + "." + method.getName();
                seen.add(action);
                boolean guarded = classGuarded || method.isAnnotationPresent(PreAuthorize.class);
                if (guarded && !actions.contains(action)) {
                    problems.add(action + ": guarded by @PreAuthorize but has no row in the matrix");
                }
                if (!guarded && !INTERNAL.containsKey(action)) {
                    problems.add(action + ": public without @PreAuthorize and not declared internal");
                }
                if (guarded && INTERNAL.containsKey(action)) {
                    problems.add(action + ": declared internal but guarded: give it a row instead");
                }
            }
        });
        INTERNAL.keySet().stream().filter(a -> !seen.contains(a)).forEach(a -> problems.add(a + ": no such method"));
        actions.stream().filter(a -> !a.startsWith("view ") && !seen.contains(a))
                .forEach(a -> problems.add(a + ": a row for no public method"));
        String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        INTERNAL.forEach((action, why) -> {
            if (!doc.contains("| `" + action + "` | " + why + " |")) {
                problems.add(action + ": not in the list of internal methods in docs/security.md, as | `" + action
                        + "` | " + why + " |");
            }
        });
        assertThat(problems).isEmpty();
    }

    @AfterAll
    void count() {
        System.out.println("Access matrix: " + matrix.values().stream().mapToInt(List::size).sum() + " cells");
    }

    // =================================================================================================
    // Holes found by this matrix, now closed: these tests keep them closed.
    // =================================================================================================

    @Test
    void an_ethics_reviewer_cannot_decide_on_a_proposal_that_has_no_open_ethics_review() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            signIn.as(ethics);
            try {
                assertThatThrownBy(() -> decide(draft)).as("a decision on a draft").isInstanceOf(RuntimeException.class);
                assertThatThrownBy(() -> decide(approved)).as("a decision after approval")
                        .isInstanceOf(RuntimeException.class);
            } finally {
                SignIn.out();
            }
        });
    }

    // =================================================================================================
    // Over-restrictions found by this matrix, now fixed.
    // =================================================================================================

    @Test
    void a_team_member_opens_the_proposal_page_once_a_voting_round_exists() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            signIn.as(teamMember);
            try {
                Opened opened = open("org.consilium.proposal.ProposalView", "proposalId", review);
                assertThat(opened.rerouted()).isFalse();
                assertThat(opened.has("ProposalReadout")).isTrue();
            } catch (Exception e) {
                throw new AssertionError("the team member's proposal page failed", e);
            } finally {
                SignIn.out();
            }
        });
    }

    @Test
    void a_foundation_signatory_without_the_staff_role_opens_the_countersigning_screen() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                signAs(leadSignatory, out);
                signIn.as(foundationSignatory);
                Opened opened = open("org.consilium.workflow.SignAgreementView", "taskId",
                        task(out, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK));
                assertThat(opened.has("TaskGonePanel")).isFalse();
            } catch (Exception e) {
                throw new AssertionError("the countersigning screen failed", e);
            } finally {
                SignIn.out();
            }
        });
    }

    @Test
    void a_lead_signatory_opens_the_proposal_page_they_may_read() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            signIn.as(leadSignatory);
            try {
                Opened opened = open("org.consilium.proposal.ProposalView", "proposalId", active);
                assertThat(opened.rerouted()).isFalse();
                assertThat(opened.has("ProposalReadout")).isTrue();
            } catch (Exception e) {
                throw new AssertionError("the signatory's proposal page failed", e);
            } finally {
                SignIn.out();
            }
        });
    }

    @Test
    void a_signatory_of_another_organisation_cannot_write_a_refused_signature_into_a_proposal() {
        signIn.as(staff);
        int before = proposals.details(out).timeline().size();
        signIn.as(otherSignatory);
        assertThatThrownBy(() -> agreements.sign(out, SigningParty.LEAD_ORGANISATION, 1, "wrong", true))
                .as("refused as not a signatory of the lead organisation").isInstanceOf(AccessDeniedException.class);
        signIn.as(staff);
        assertThat(proposals.details(out).timeline()).as("nothing written to the proposal").hasSize(before);
    }

    @Test
    void a_crafted_vaadin_request_without_a_session_reaches_no_view() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String uidl = "{\"csrfToken\":\"x\",\"rpc\":[{\"type\":\"navigation\",\"location\":\"audit\","
                + "\"link\":1}],\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(uidl)).build(),
                HttpResponse.BodyHandlers.ofString());
        // No session, so no UI: Vaadin answers with an application error and builds nothing.
        assertThat(response.body()).contains("appError").doesNotContain("Audit trail", "audit-trail",
                references.get(review));
    }
}
