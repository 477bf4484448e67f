package org.consilium.perf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.consilium.ConsiliumApplication;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.member.MemberService;
import org.consilium.member.NewPerson;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.DataCategory;
import org.consilium.proposal.DataLevel;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.SubmissionReceipt;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Prepares the database of the UI load test (docs/performance.md, "UI latency under simulated users"): a fresh
 * MariaDB schema, a background of generated proposals ({@link ProposalGenerator}), then, through the portal's
 * own services, the simulated users (representatives of every patient organisation, staff) and proposals under
 * patient review, so that every simulated representative has vote tasks of its own organisation to declare and
 * vote on. Writes {@code users.csv} for the Gatling feeder. The open vote tasks are listed by
 * {@code bench/ui-load.sh} before each run (runs consume them).
 *
 * <pre>
 * UiLoadData [--schema=consilium_load] [--background=3000] [--proposals=250] [--reps-per-organisation=6]
 *            [--staff=25] [--out=target/load]
 * </pre>
 * With {@code --background=0} (the CI smoke run) it registers a foundation, a hospital and three patient
 * organisations of its own instead.
 * <pre>
 * </pre>
 */
public final class UiLoadData {

    /** Every load user's password (the generator's, so that its people can sign in too). */
    public static final String PASSWORD = ProposalGenerator.PASSWORD;
    static final String RESEARCHER = "load.researcher";

    private UiLoadData() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String schema = options.getOrDefault("schema", "consilium_load");
        int background = Integer.parseInt(options.getOrDefault("background", "3000"));
        int proposals = Integer.parseInt(options.getOrDefault("proposals", "250"));
        int repsPerOrganisation = Integer.parseInt(options.getOrDefault("reps-per-organisation", "6"));
        int staff = Integer.parseInt(options.getOrDefault("staff", "25"));
        Path out = Path.of(options.getOrDefault("out", "target/load"));
        Files.createDirectories(out);

        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + Suites.MARIADB_HOST + ":" + Suites.MARIADB_PORT
                + "/", Suites.MARIADB_USER, Suites.MARIADB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        long start = System.currentTimeMillis();
        try (ConfigurableApplicationContext context = boot(schema, out)) {
            if (background > 0) {
                System.out.println(PerfHarness.describe(PerfHarness.generate(context, background, 42)));
            }
            List<String> users = people(context, repsPerOrganisation, staff);
            Files.write(out.resolve("users.csv"), users, StandardCharsets.UTF_8);
            long t = System.currentTimeMillis();
            underReview(context, proposals);
            System.out.printf("%d proposals submitted and accepted in %.1f s%n", proposals,
                    (System.currentTimeMillis() - t) / 1000.0);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf("Database %s ready in %.1f s: %d proposals, %d people, %d open tasks%n", schema,
                    (System.currentTimeMillis() - start) / 1000.0,
                    jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
        }
    }

    /** The portal's services on the load schema, without a web server and without the job executor. */
    private static ConfigurableApplicationContext boot(String schema, Path out) {
        List<String> arguments = List.of(
                "--spring.datasource.url=" + Suites.mariaDbUrl().replace("/" + Suites.MARIADB_DATABASE + "?",
                        "/" + schema + "?"),
                "--spring.datasource.username=" + Suites.MARIADB_USER,
                "--spring.datasource.password=" + Suites.MARIADB_PASSWORD,
                "--consilium.attachments.directory=" + out.resolve("attachments"),
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.consilium.perf=INFO");
        return new SpringApplicationBuilder(ConsiliumApplication.class).profiles("mysql")
                .web(WebApplicationType.SERVLET)
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Registers the simulated users; returns the feeder's lines ({@code username,role,organisationId}).
     * Representatives are listed round-robin over the organisations, so that the first N of them cover
     * every organisation.
     */
    private static List<String> people(ConfigurableApplicationContext context, int repsPerOrganisation, int staff) {
        MemberService members = context.getBean(MemberService.class);
        List<String> lines = new ArrayList<>();
        lines.add("username,role,organisationId");
        SignIn.asAdministrator();
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // without a generated background (the CI smoke run): a small directory of our own
            if (ofType(jdbc, OrganisationType.PATIENT_ORGANISATION).isEmpty()) {
                if (members.foundation().isEmpty()) {
                    members.registerOrganisation("Load Foundation", "NL", OrganisationType.FOUNDATION);
                }
                members.registerOrganisation("Load University Hospital", "NL", OrganisationType.HOSPITAL);
                for (int o = 1; o <= 3; o++) {
                    members.registerOrganisation("Load Patients " + o, "NL", OrganisationType.PATIENT_ORGANISATION);
                }
            }
            Map<Long, OrganisationSummary> organisations = new HashMap<>();
            members.activeOrganisations().forEach(o -> organisations.put(o.id(), o));
            List<OrganisationSummary> patients = ofType(jdbc, OrganisationType.PATIENT_ORGANISATION).stream()
                    .map(organisations::get).toList();
            OrganisationSummary foundation = members.foundation().orElseThrow();
            OrganisationSummary hospital = organisations.get(ofType(jdbc, OrganisationType.HOSPITAL).get(0));
            register(members, RESEARCHER, "Load Researcher", hospital, Role.RESEARCHER);
            for (int k = 1; k <= repsPerOrganisation; k++) {
                for (int o = 0; o < patients.size(); o++) {
                    String username = "load.rep" + (o + 1) + "-" + k;
                    register(members, username, "Load Representative " + (o + 1) + "-" + k, patients.get(o),
                            Role.PATIENT_REPRESENTATIVE);
                    lines.add(username + ",rep," + patients.get(o).id());
                }
            }
            for (int i = 1; i <= staff; i++) {
                String username = "load.staff" + i;
                register(members, username, "Load Staff " + i, foundation, Role.STAFF);
                lines.add(username + ",staff," + foundation.id());
            }
        } finally {
            SignIn.out();
        }
        return lines;
    }

    private static List<Long> ofType(JdbcTemplate jdbc, OrganisationType type) {
        return jdbc.queryForList("SELECT id FROM organisation WHERE type = ? AND active = TRUE ORDER BY id", Long.class,
                type.name());
    }

    private static void register(MemberService members, String username, String fullName,
                                 OrganisationSummary organisation, Role role) {
        members.registerPerson(new NewPerson(username, fullName, username + "@load.consilium.example", PASSWORD,
                organisation.id(), EnumSet.of(role)));
    }

    /** Proposals submitted by the load researcher and accepted at the completeness check: a voting round each. */
    private static void underReview(ConfigurableApplicationContext context, int count) {
        ProposalService proposals = context.getBean(ProposalService.class);
        GovernanceTaskService governance = context.getBean(GovernanceTaskService.class);
        TaskService tasks = context.getBean(TaskService.class);
        MemberService members = context.getBean(MemberService.class);
        SignIn signIn = new SignIn(context.getBean(UserDetailsService.class));
        SignIn.asAdministrator();
        Long researcherId = members.personIdOf(RESEARCHER).orElseThrow();
        PersonSummary researcher = members.summaries(List.of(researcherId)).get(researcherId);
        OrganisationSummary lead = members.activeOrganisations().stream()
                .filter(o -> o.id().equals(researcher.organisationId())).findFirst().orElseThrow();
        SignIn.out();
        for (int i = 1; i <= count; i++) {
            signIn.as(RESEARCHER);
            ProposalContent content = ProposalContents.complete(lead, researcher);
            content.setTitle("Relapse risk after first remission, load study " + i);
            content.setAcronym("LOAD-" + i);
            // aggregated data: the expedited ethics route, no ethics approval document needed
            content.setDataLevel(DataLevel.AGGREGATED);
            content.setDataCategories(EnumSet.of(DataCategory.DIAGNOSIS, DataCategory.TREATMENT));
            Long id = proposals.createDraft();
            SubmissionReceipt receipt = proposals.submit(id, proposals.openDraft(id).lockVersion(), content);
            signIn.as("load.staff1");
            String check = tasks.createTaskQuery().processInstanceBusinessKey(receipt.reference())
                    .taskDefinitionKey(ProposalLifecycle.CHECK_COMPLETENESS_TASK).singleResult().getId();
            governance.checkCompleteness(check, CompletenessDecision.ACCEPT, null);
            SignIn.out();
        }
    }
}
