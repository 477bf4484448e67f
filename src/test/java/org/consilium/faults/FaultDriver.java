package org.consilium.faults;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.ConsiliumApplication;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.TestPdfs;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.member.MemberService;
import org.consilium.member.NewPerson;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.AttachmentKind;
import org.consilium.proposal.DataCategory;
import org.consilium.proposal.DataLevel;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.SubmissionReceipt;
import org.consilium.review.Declaration;
import org.consilium.review.VoteChoice;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.consilium.workflow.VoteTask;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * The portal in a JVM of its own, for {@link KillNineIT}, which kills it with SIGKILL.
 *
 * <ul>
 *   <li>{@code drive <work dir> <seed>}: makes sure the people exist, prints {@code READY}, then drives
 *   proposals through the workflow through the real services, one step at a time, for ever. After each
 *   service call has returned (its transaction has committed) it prints {@code COMMITTED <proposal> <step>}.</li>
 *   <li>{@code check <work dir> <claims file>}: checks every proposal in the database (see
 *   {@link ConsistencyCheck}) and the claims, prints {@code CHECKED ...} or {@code INCONSISTENT ...} lines,
 *   and exits with 0 or 1.</li>
 * </ul>
 *
 * The database is {@code consilium_faults} on the MariaDB server of {@link Suites}; logs go to a file in
 * the work directory, so that standard output carries only these lines.
 */
public final class FaultDriver {

    public static final String DATABASE = "consilium_faults";

    static final String PASSWORD = "Kill-nine-survivor-2026";
    static final String HOSPITAL = "Faults University Hospital";
    static final String FOUNDATION = "Faults Foundation";
    static final List<String> PATIENT_ORGANISATIONS = List.of("Faults Patients North", "Faults Patients South");
    static final String RESEARCHER = "fault-researcher";
    static final String STAFF = "fault-staff";
    static final String ETHICS = "fault-ethics";
    static final List<String> REPRESENTATIVES = List.of("fault-rep-north", "fault-rep-south");

    /** However the test goes, a driver never runs longer than this. */
    private static final java.time.Duration LIFETIME = java.time.Duration.ofMinutes(5);

    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
            true, StandardCharsets.UTF_8);

    private static final List<byte[]> SHARED_PDFS = List.of(TestPdfs.realPdf("Shared protocol A", 1),
            TestPdfs.realPdf("Shared protocol B", 2), TestPdfs.realPdf("Shared protocol C", 3));

    private final ConfigurableApplicationContext context;
    private final Random random;
    private final ProposalService proposals;
    private final GovernanceTaskService governance;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final SignIn signIn;
    private OrganisationSummary hospital;
    private PersonSummary researcher;
    private final Map<Long, String> representativeOf = new java.util.HashMap<>();

    private FaultDriver(ConfigurableApplicationContext context, long seed) {
        this.context = context;
        this.random = new Random(seed);
        this.proposals = context.getBean(ProposalService.class);
        this.governance = context.getBean(GovernanceTaskService.class);
        this.tasks = context.getBean(TaskService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.signIn = new SignIn(context.getBean(UserDetailsService.class));
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path work = Path.of(args[1]);
        watchParent();
        ConfigurableApplicationContext context;
        try {
            context = boot(work, mode);
        } catch (Throwable failed) {
            OUT.println("ERROR boot " + oneLine(failed));
            failed.printStackTrace();
            System.exit(2);
            return;
        }
        if ("drive".equals(mode)) {
            FaultDriver driver = new FaultDriver(context, Long.parseLong(args[2]));
            driver.fixtures();
            OUT.println("READY");
            driver.drive();
        } else if ("check".equals(mode)) {
            int status;
            try {
                List<String> claims = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
                ConsistencyCheck.Result result = new ConsistencyCheck(context, work.resolve("attachments")).run(claims);
                result.problems().forEach(p -> OUT.println("INCONSISTENT " + p));
                OUT.println("CHECKED " + result.proposals() + " proposals, " + result.claims() + " committed claims, "
                        + result.auditEntries() + " audit entries");
                OUT.println("STATS " + result.stats());
                OUT.println("INFLIGHT " + result.inFlight());
                status = result.problems().isEmpty() ? 0 : 1;
            } catch (Throwable failed) {
                OUT.println("INCONSISTENT the check itself failed: " + oneLine(failed));
                failed.printStackTrace();
                status = 1;
            }
            OUT.flush();
            System.exit(status);
        } else {
            throw new IllegalArgumentException("mode: drive or check, not " + mode);
        }
    }

    /**
     * Never outlives the test: ends when the test's JVM goes (its end of our standard input closes) or after
     * {@link #LIFETIME}, whichever comes first.
     */
    private static void watchParent() {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is sent; only the end counts
                }
            } catch (java.io.IOException ignored) {
                // gone just the same
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(LIFETIME.toMillis());
                Runtime.getRuntime().halt(4);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "lifetime-limit");
        limit.setDaemon(true);
        limit.start();
    }

    static String databaseUrl() {
        return "jdbc:mysql://" + Suites.MARIADB_HOST + ":" + Suites.MARIADB_PORT + "/" + DATABASE
                + "?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8";
    }

    /**
     * The production profile against the faults database, with no job executor and logs to a file. No web
     * server: the services run in a mock servlet context, as in the portal's other service tests (Vaadin's
     * security configuration needs a servlet context, and a real server would start Vaadin's dev-mode build).
     */
    private static ConfigurableApplicationContext boot(Path work, String mode) {
        List<String> arguments = List.of(
                "--spring.datasource.url=" + databaseUrl(),
                "--spring.datasource.username=" + Suites.MARIADB_USER,
                "--spring.datasource.password=" + Suites.MARIADB_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--consilium.attachments.directory=" + work.resolve("attachments"),
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--logging.threshold.console=OFF",
                "--logging.file.name=" + work.resolve(mode + "-" + ProcessHandle.current().pid() + ".log"));
        return new SpringApplicationBuilder(ConsiliumApplication.class).profiles("mysql")
                .web(WebApplicationType.SERVLET)
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
                .run(arguments.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- fixtures

    /** The organisations and people the driver acts as; created once, found again after a restart. */
    private void fixtures() {
        MemberService members = context.getBean(MemberService.class);
        SignIn.asAdministrator();
        try {
            hospital = organisation(members, HOSPITAL, OrganisationType.HOSPITAL);
            OrganisationSummary foundation = organisation(members, FOUNDATION, OrganisationType.FOUNDATION);
            person(members, RESEARCHER, "Rosa Researcher", hospital, Role.RESEARCHER);
            person(members, STAFF, "Stan Staff", foundation, Role.STAFF);
            person(members, ETHICS, "Erik Ethics", foundation, Role.ETHICS_REVIEWER);
            for (int i = 0; i < PATIENT_ORGANISATIONS.size(); i++) {
                OrganisationSummary patients = organisation(members, PATIENT_ORGANISATIONS.get(i),
                        OrganisationType.PATIENT_ORGANISATION);
                person(members, REPRESENTATIVES.get(i), "Patient Representative " + (i + 1), patients,
                        Role.PATIENT_REPRESENTATIVE);
                representativeOf.put(patients.id(), REPRESENTATIVES.get(i));
            }
            Long researcherId = members.personIdOf(RESEARCHER).orElseThrow();
            researcher = members.summaries(List.of(researcherId)).get(researcherId);
        } finally {
            SignIn.out();
        }
    }

    private static OrganisationSummary organisation(MemberService members, String name, OrganisationType type) {
        return members.activeOrganisations().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseGet(() -> members.registerOrganisation(name, "NL", type));
    }

    private static void person(MemberService members, String username, String fullName, OrganisationSummary organisation,
                               Role role) {
        if (members.findAccount(username).isEmpty()) {
            members.registerPerson(new NewPerson(username, fullName, username + "@faults.example", PASSWORD,
                    organisation.id(), EnumSet.of(role)));
        }
    }

    // ---------------------------------------------------------------- driving

    private record Row(long id, String reference, String status) {

        String key() {
            return reference == null ? "#" + id : reference;
        }
    }

    /** Until killed. (Stopped gently instead, it stops at the next step, quietly.) */
    private void drive() {
        while (context.isActive()) {
            try {
                step();
            } catch (RuntimeException e) {
                if (!context.isActive()) {
                    return;
                }
                // Not expected with one driver thread: the test fails on it, showing what refused.
                OUT.println("ERROR " + oneLine(e));
                e.printStackTrace();
            } finally {
                SignIn.out();
            }
        }
    }

    private void step() {
        List<Row> open = jdbc.query("SELECT id, reference, status FROM proposal WHERE status IN"
                        + " ('DRAFT', 'SUBMITTED', 'RETURNED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED')",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
        List<Row> moving = open.stream().filter(r -> !r.status().equals("APPROVED")).toList();
        if (moving.size() < 4 || random.nextInt(100) < 20) {
            newProposal();
            return;
        }
        Row row = open.get(random.nextInt(open.size()));
        switch (row.status()) {
            case "DRAFT" -> submit(row);
            case "SUBMITTED" -> {
                if (random.nextInt(100) < 4) {
                    withdraw(row);
                } else {
                    checkCompleteness(row);
                }
            }
            case "RETURNED" -> {
                if (random.nextInt(100) < 4) {
                    withdraw(row);
                } else {
                    resubmit(row);
                }
            }
            case "UNDER_REVIEW", "CHANGES_REQUESTED" -> {
                if (random.nextInt(100) < 3) {
                    withdraw(row);
                } else {
                    review(row);
                }
            }
            case "APPROVED" -> {
                if (random.nextInt(100) < 10) {
                    withdraw(row);
                }
            }
            default -> throw new IllegalStateException("unexpected status " + row);
        }
    }

    private ProposalContent content(int variant) {
        ProposalContent content = ProposalContents.complete(hospital, researcher);
        content.setTitle("Relapse risk in AML, kill -9 study " + variant);
        // Aggregated data without genomics: the expedited ethics route, which needs no attachment.
        content.setDataLevel(DataLevel.AGGREGATED);
        content.setDataCategories(EnumSet.of(DataCategory.DIAGNOSIS, DataCategory.TREATMENT));
        return content;
    }

    private void newProposal() {
        signIn.as(RESEARCHER);
        starting("#?", "CREATE");
        Long id = proposals.createDraft();
        claim("#" + id, "CREATE");
        if (random.nextInt(100) < 30) {
            attach(id);
        }
        long lock = proposals.openDraft(id).lockVersion();
        if (random.nextBoolean()) {
            starting("#" + id, "SAVE");
            lock = proposals.saveDraft(id, lock, content(random.nextInt(1000)));
            claim("#" + id, "SAVE");
        }
        if (random.nextInt(100) < 10) {
            return; // left as a draft
        }
        starting("#" + id, "SUBMIT");
        SubmissionReceipt receipt = proposals.submit(id, lock, content(random.nextInt(1000)));
        claim(receipt.reference(), "SUBMIT", "#" + id);
    }

    /**
     * A PDF for the draft: mostly one of a few shared files (stored once, by their SHA-256), sometimes a
     * new one. The file is written before the row commits; a kill between the two leaves only a stray file.
     */
    private void attach(Long id) {
        byte[] pdf = random.nextInt(100) < 70 ? SHARED_PDFS.get(random.nextInt(SHARED_PDFS.size()))
                : TestPdfs.realPdf("Protocol " + random.nextLong(), 1 + random.nextInt(3));
        starting("#" + id, "ATTACH");
        proposals.attach(id, AttachmentKind.PROTOCOL, "protocol.pdf", new ByteArrayInputStream(pdf));
        claim("#" + id, "ATTACH");
    }

    private void submit(Row row) {
        signIn.as(RESEARCHER);
        ProposalDraft draft = proposals.openDraft(row.id());
        starting(row.key(), "SUBMIT");
        SubmissionReceipt receipt = proposals.submit(row.id(), draft.lockVersion(), content(random.nextInt(1000)));
        claim(receipt.reference(), "SUBMIT", "#" + row.id());
    }

    private void resubmit(Row row) {
        signIn.as(RESEARCHER);
        if (random.nextInt(100) < 30) {
            attach(row.id());
        }
        ProposalDraft draft = proposals.openDraft(row.id());
        starting(row.key(), "RESUBMIT");
        proposals.submit(row.id(), draft.lockVersion(), content(random.nextInt(1000)));
        claim(row.key(), "RESUBMIT");
    }

    private void withdraw(Row row) {
        signIn.as(RESEARCHER);
        starting(row.key(), "WITHDRAW");
        proposals.withdraw(row.id(), "Withdrawn by the kill -9 driver");
        claim(row.key(), "WITHDRAW");
    }

    private void checkCompleteness(Row row) {
        Task task = task(row, ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        int dice = random.nextInt(100);
        CompletenessDecision decision = dice < 80 ? CompletenessDecision.ACCEPT
                : dice < 92 ? CompletenessDecision.RETURN : CompletenessDecision.REJECT;
        signIn.as(STAFF);
        starting(row.key(), decision.name());
        governance.checkCompleteness(task.getId(), decision,
                decision == CompletenessDecision.ACCEPT ? null : "Decided by the kill -9 driver");
        claim(row.key(), decision.name());
    }

    /** One step of the review: a declaration or vote of one organisation, the ethics decision, or a revision. */
    private void review(Row row) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(row.reference()).active().list();
        if (open.isEmpty()) {
            throw new IllegalStateException(row + " has no open task");
        }
        Task task = open.get(random.nextInt(open.size()));
        switch (task.getTaskDefinitionKey()) {
            case ProposalLifecycle.CAST_VOTE_TASK -> vote(row, task);
            case ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK, ProposalLifecycle.FULL_ETHICS_REVIEW_TASK -> {
                int dice = random.nextInt(100);
                EthicsOutcome outcome = dice < 85 ? EthicsOutcome.APPROVE
                        : dice < 95 ? EthicsOutcome.REQUEST_CHANGES : EthicsOutcome.REJECT;
                String step = switch (outcome) {
                    case APPROVE -> "ETHICS_APPROVE";
                    case REQUEST_CHANGES -> "ETHICS_CHANGES";
                    default -> "ETHICS_REJECT";
                };
                signIn.as(ETHICS);
                starting(row.key(), step);
                governance.reviewEthics(task.getId(), outcome, null,
                        outcome == EthicsOutcome.APPROVE ? null : "Decided by the kill -9 driver");
                claim(row.key(), step);
            }
            case ProposalLifecycle.REVISE_FOR_ETHICS_TASK -> resubmit(row);
            case ProposalLifecycle.DECIDE_ON_QUORUM_TASK -> {
                signIn.as(STAFF);
                boolean extend = random.nextBoolean();
                starting(row.key(), extend ? "QUORUM_EXTEND" : "QUORUM_REJECT");
                governance.decideOnQuorum(task.getId(), extend, "Decided by the kill -9 driver");
                claim(row.key(), extend ? "QUORUM_EXTEND" : "QUORUM_REJECT");
            }
            default -> throw new IllegalStateException(row + " has an unexpected task " + task.getTaskDefinitionKey());
        }
    }

    private void vote(Row row, Task task) {
        Long organisationId = ((Number) tasks.getVariable(task.getId(), "organisationId")).longValue();
        String representative = representativeOf.get(organisationId);
        if (representative == null) {
            throw new IllegalStateException(row + ": a vote task for organisation " + organisationId
                    + ", which is not one of the driver's");
        }
        signIn.as(representative);
        VoteTask vote = governance.openVote(task.getId());
        if (vote.declaration() == Declaration.NOT_YET) {
            starting(row.key(), "DECLARE", organisationId.toString());
            governance.declareConflicts(task.getId(), false, null);
            claim(row.key(), "DECLARE", organisationId.toString());
        } else {
            VoteChoice choice = random.nextInt(100) < 85 ? VoteChoice.APPROVE : VoteChoice.REJECT;
            starting(row.key(), "VOTE", organisationId.toString());
            governance.castVote(task.getId(), choice, "Voted by the kill -9 driver");
            claim(row.key(), "VOTE", organisationId.toString());
        }
    }

    private Task task(Row row, String step) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(row.reference()).taskDefinitionKey(step)
                .active().singleResult();
        if (task == null) {
            throw new IllegalStateException(row + " has no open " + step);
        }
        return task;
    }

    /** Printed just before a service call: if the kill comes before its COMMITTED line, it was in flight. */
    private static void starting(String proposal, String step, String... details) {
        print("STARTING", proposal, step, details);
    }

    /** Printed only once the service call has returned, i.e. its transaction has committed. */
    private static void claim(String proposal, String step, String... details) {
        print("COMMITTED", proposal, step, details);
    }

    private static void print(String what, String proposal, String step, String... details) {
        List<String> parts = new ArrayList<>(List.of(what, proposal, step));
        parts.addAll(List.of(details));
        OUT.println(String.join(" ", parts));
    }

    static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ")
                    .append(String.valueOf(t.getMessage()).replaceAll("\\s+", " "));
        }
        return text.toString();
    }
}
