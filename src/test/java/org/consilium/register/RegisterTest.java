package org.consilium.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.consilium.InUi;
import org.consilium.SignIn;
import org.consilium.agreement.AgreementOverview;
import org.consilium.agreement.AgreementService;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.ProposalStatus;
import org.consilium.proposal.TeamMemberEntry;
import org.consilium.security.ConsiliumUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register through the real workflow: only projects whose agreement was executed appear, their status
 * follows extension, expiry and closure, nothing personal is ever shown, search and filters work in the database,
 * and a visitor with no session gets the pages over plain HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterTest {

    @Autowired
    RegisterService register;
    @Autowired
    ProposalService proposals;
    @Autowired
    AgreementService agreements;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    AutowireCapableBeanFactory beanFactory;
    @Autowired
    ApplicationContext applicationContext;
    @LocalServerPort
    int port;

    /** In every title of this run, so that searches see only this test's projects. */
    final String run = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    SignIn signIn;
    MemberFixtures fixtures;
    ProjectSteps steps;
    OrganisationSummary hospital;
    String applicant;
    String teammate;
    String staff;
    String leadSignatory;

    final Map<Long, String> references = new java.util.HashMap<>();
    /** Everything personal the workflow wrote about these projects: none of it may reach the register. */
    final List<String> personal = new ArrayList<>();

    Long draft;
    Long submitted;
    Long approvedUnsigned;
    Long outForSignature;
    Long withdrawn;
    Long cancelled;
    Long active;
    Long extended;
    Long expired;
    Long closed;
    Long rolledBack;

    @BeforeAll
    void world() {
        signIn = new SignIn(users);
        fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Register Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary elsewhere = fixtures.organisation("Register Clinic", OrganisationType.HOSPITAL);
        steps = new ProjectSteps(applicationContext, fixtures, Map.of());
        applicant = person("Ximena Quillfeather", hospital, Role.RESEARCHER);
        teammate = person("Tobias Brightwater", elsewhere, Role.RESEARCHER);
        leadSignatory = person("Lucius Leadsign", hospital, Role.SIGNATORY);
        staff = steps.staff;
        for (String username : List.of(steps.staff, steps.ethicsReviewer, steps.representative,
                steps.foundationSignatory)) {
            personal.add(username);
            personal.add(((ConsiliumUser) users.loadUserByUsername(username)).fullName());
        }

        draft = draft("draft", "A draft never submitted");
        submitted = steps.submit(applicant, draft("submitted", "Submitted and waiting"));
        approvedUnsigned = steps.generated(approved(draft("unsigned", "Approved, agreement not yet sent")));
        outForSignature = steps.sent(steps.generated(approved(draft("outforsignature", "Agreement out for signature"))));
        withdrawn = steps.sent(steps.generated(approved(draft("withdrawn", "Withdrawn by the applicant"))));
        steps.withdraw(applicant, withdrawn, secret("withdrawal reason"));
        cancelled = steps.sent(steps.generated(approved(draft("cancelled", "Agreement never signed"))));
        steps.cancel(cancelled, secret("cancellation reason"));

        active = executed(approved(draft("active",
                "We study the marmoset question of relapse.\nA second paragraph for the public.")));
        extended = executed(approved(draft("extended", "Access runs longer than planned")));
        steps.extend(extended, LocalDate.now(ZoneOffset.UTC).plusYears(5), secret("extension reason"));
        expired = executed(approved(draftWith("expired", "Chronic lymphocytic leukaemia outcomes",
                EnumSet.of(DiseaseArea.CLL))));
        steps.expire(expired);
        closed = executed(approved(draft("closed", "Finished and closed")));
        steps.close(applicant, closed, secret("closure note"));

        rolledBack = steps.sent(steps.generated(approved(draft("rolledback", "Signed in a transaction that failed"))));
        for (Long id : List.of(draft, submitted, approvedUnsigned, outForSignature, withdrawn, cancelled, active,
                extended, expired, closed, rolledBack)) {
            references.put(id, steps.reference(id));
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    // ---- which projects appear ------------------------------------------------------------------------

    @Test
    void only_projects_whose_agreement_was_executed_appear() {
        assertThat(statusOf(active)).isEqualTo(ProposalStatus.ACTIVE);
        assertThat(statusOf(approvedUnsigned)).isEqualTo(ProposalStatus.APPROVED);
        assertThat(statusOf(withdrawn)).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(statusOf(cancelled)).isEqualTo(ProposalStatus.CANCELLED);

        assertThat(referencesFound(new RegisterFilter(run, null, null)))
                .containsExactlyInAnyOrder(ref(active), ref(extended), ref(expired), ref(closed));
        assertThat(register.count(new RegisterFilter(run, null, null))).isEqualTo(4);
        for (Long absent : List.of(submitted, approvedUnsigned, outForSignature, withdrawn, cancelled, rolledBack)) {
            assertThat(register.project(ref(absent))).as("%s", ref(absent)).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from register_entry where proposal_id = ?", Long.class, draft))
                .isZero();
    }

    @Test
    void publication_is_part_of_the_execution_and_rolls_back_with_it() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                steps.executed(rolledBack, leadSignatory);
                assertThat(register.project(ref(rolledBack))).as("published inside the transaction").isPresent();
            } finally {
                SignIn.out();
            }
        });
        assertThat(register.project(ref(rolledBack))).as("gone with the rolled-back execution").isEmpty();
        assertThat(statusOf(rolledBack)).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void an_active_project_shows_its_approval_execution_and_access_dates() {
        RegisterProject project = register.project(ref(active)).orElseThrow();
        AgreementOverview agreement = agreementOf(active);
        assertThat(project.status()).isEqualTo(RegisterStatus.ACTIVE);
        assertThat(project.title()).isEqualTo(titleOf("active"));
        assertThat(project.acronym()).isEqualTo("AML-RELAPSE");
        assertThat(project.laySummary()).startsWith("We study the marmoset question");
        assertThat(project.leadOrganisation()).isEqualTo(hospital.name());
        assertThat(project.diseaseAreas()).containsExactly(DiseaseArea.AML, DiseaseArea.MDS);
        assertThat(project.executedAt()).isEqualTo(agreement.executedAt());
        assertThat(project.accessStartsAt()).isEqualTo(agreement.executedAt());
        assertThat(project.accessEndsAt()).isEqualTo(agreement.accessEndsAt());
        assertThat(project.approvedAt()).isNotNull().isBeforeOrEqualTo(project.executedAt());
        assertThat(project.closedAt()).isNull();
    }

    @Test
    void the_status_and_access_end_follow_extension_expiry_and_closure() {
        RegisterProject longer = register.project(ref(extended)).orElseThrow();
        assertThat(longer.status()).isEqualTo(RegisterStatus.ACTIVE);
        assertThat(longer.accessEndsAt()).isEqualTo(agreementOf(extended).accessEndsAt());
        assertThat(longer.accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(5));

        RegisterProject ended = register.project(ref(expired)).orElseThrow();
        assertThat(statusOf(expired)).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(ended.status()).isEqualTo(RegisterStatus.ACCESS_ENDED);
        assertThat(ended.accessEndsAt()).as("the test ends access early: it ended then, not at the planned end")
                .isBefore(agreementOf(expired).accessEndsAt()).isAfterOrEqualTo(ended.executedAt());

        RegisterProject done = register.project(ref(closed)).orElseThrow();
        assertThat(statusOf(closed)).isEqualTo(ProposalStatus.CLOSED);
        assertThat(done.status()).isEqualTo(RegisterStatus.CLOSED);
        assertThat(done.closedAt()).isNotNull();
        assertThat(done.accessEndsAt()).as("closed while access ran: it ended with the closure")
                .isEqualTo(done.closedAt());
    }

    // ---- no personal data -----------------------------------------------------------------------------

    @Test
    void nothing_personal_is_stored_returned_or_shown() throws Exception {
        List<String> forbidden = new ArrayList<>(personal);
        for (Long id : List.of(active, extended, expired, closed)) {
            String reference = ref(id);
            String stored = jdbc.queryForList("select * from register_entry where reference = ?", reference)
                    .toString();
            String returned = register.project(reference).orElseThrow() + " "
                    + register.search(new RegisterFilter(reference, null, null), PageRequest.of(0, 10));
            Opened page = openProjectPage(reference);
            String shown = page.html();
            assertThat(shown).as("the page shows the project").contains(titleOf(nameOf(id)), hospital.name());
            for (String text : List.of(stored, returned, shown)) {
                assertThat(text).doesNotContainIgnoringCase("@test.example");
                for (String secret : forbidden) {
                    assertThat(text).as("%s on %s", secret, reference).doesNotContainIgnoringCase(secret);
                }
            }
        }
    }

    // ---- search and filters ---------------------------------------------------------------------------

    @Test
    void words_are_searched_in_the_title_the_acronym_and_the_lay_summary_whatever_their_case() {
        assertThat(referencesFound(new RegisterFilter(run + " aml-relapse marmoset", null, null))).as("by acronym")
                .containsExactly(ref(active));
        assertThat(referencesFound(new RegisterFilter(run + " MARMOSET", null, null))).containsExactly(ref(active));
        assertThat(referencesFound(new RegisterFilter("  marmoset   " + run.toLowerCase(Locale.ROOT) + " ", null, null)))
                .containsExactly(ref(active));
        assertThat(referencesFound(new RegisterFilter(run + " lymphocytic", null, null))).containsExactly(ref(expired));
        assertThat(referencesFound(new RegisterFilter(run + " withdrawn", null, null))).as("never published").isEmpty();
        assertThat(referencesFound(new RegisterFilter(ref(active).toLowerCase(Locale.ROOT), null, null)))
                .as("by reference").containsExactly(ref(active));
        assertThat(referencesFound(new RegisterFilter(run + " marmoset closed", null, null))).as("every word").isEmpty();
    }

    @Test
    void wildcards_typed_by_a_visitor_are_searched_as_text() {
        assertThat(referencesFound(new RegisterFilter(run + " %", null, null))).isEmpty();
        assertThat(referencesFound(new RegisterFilter(run + " _", null, null))).isEmpty();
        assertThat(referencesFound(new RegisterFilter(run + " !", null, null))).isEmpty();
    }

    @Test
    void filters_by_disease_area_and_status() {
        assertThat(referencesFound(new RegisterFilter(run, DiseaseArea.CLL, null))).containsExactly(ref(expired));
        assertThat(referencesFound(new RegisterFilter(run, DiseaseArea.AML, null)))
                .containsExactlyInAnyOrder(ref(active), ref(extended), ref(closed));
        assertThat(referencesFound(new RegisterFilter(run, DiseaseArea.MM, null))).isEmpty();
        assertThat(referencesFound(new RegisterFilter(run, null, RegisterStatus.ACTIVE)))
                .containsExactlyInAnyOrder(ref(active), ref(extended));
        assertThat(referencesFound(new RegisterFilter(run, null, RegisterStatus.ACCESS_ENDED))).containsExactly(ref(expired));
        assertThat(referencesFound(new RegisterFilter(run, DiseaseArea.AML, RegisterStatus.CLOSED))).containsExactly(ref(closed));
        assertThat(register.count(new RegisterFilter(run, DiseaseArea.AML, null))).isEqualTo(3);
    }

    @Test
    void sorts_in_the_database_newest_agreement_first_by_default_and_pages() {
        List<RegisterRow> newestFirst = register.search(new RegisterFilter(run, null, null), PageRequest.of(0, 10));
        assertThat(newestFirst).extracting(RegisterRow::reference)
                .containsExactly(ref(closed), ref(expired), ref(extended), ref(active));
        List<RegisterRow> byTitle = register.search(new RegisterFilter(run, null, null),
                PageRequest.of(0, 10, Sort.by("title")));
        assertThat(byTitle).extracting(RegisterRow::title).isSortedAccordingTo(String::compareTo);
        assertThat(register.search(new RegisterFilter(run, null, null), PageRequest.of(1, 3,
                Sort.by(Sort.Direction.DESC, "title")))).extracting(RegisterRow::title).containsExactly(byTitle.get(0).title());
        assertThat(register.search(new RegisterFilter(run, null, null), PageRequest.of(0, 10, Sort.by("laySummary"))))
                .as("an unknown sort property falls back to the default order")
                .extracting(RegisterRow::reference).isEqualTo(newestFirst.stream().map(RegisterRow::reference).toList());
    }

    // ---- anonymous visitors ---------------------------------------------------------------------------

    @Test
    void a_visitor_who_is_not_signed_in_may_read_the_register() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
        assertThat(register.project(ref(active))).isPresent();
        assertThat(register.count(new RegisterFilter(run, null, null))).isEqualTo(4);
        SignIn.out();
        assertThat(register.search(new RegisterFilter(run, null, null), PageRequest.of(0, 10))).hasSize(4);
    }

    @Test
    void plain_http_without_a_session_opens_the_register_and_a_project_page() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/register", "/register/" + ref(active), "/register/CONS-0000-0000")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> inbox = client.send(HttpRequest.newBuilder(URI.create(base() + "/inbox")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).as("a signed-in page still needs sign-in").isEqualTo(302);
    }

    @Test
    void the_project_page_is_rendered_for_a_visitor_without_a_session_and_names_no_person() throws Exception {
        String shown = navigateWithoutSignIn("register/" + ref(active));
        assertThat(shown).contains(titleOf("active"), "marmoset", hospital.name(), "Public register", "Sign in");
        for (String secret : personal) {
            assertThat(shown).doesNotContain(secret);
        }
        assertThat(shown).doesNotContain("@test.example");
        assertThat(navigateWithoutSignIn("register")).contains("Public register of approved projects", "register-projects");
    }

    /**
     * What a browser does, over plain HTTP without any session: load the page, start the UI, navigate. Answers the
     * server's rendering of the view (Vaadin's UIDL changes), which holds every text the page shows.
     */
    private String navigateWithoutSignIn(String route) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base() + "/" + route)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> init = client.send(HttpRequest.newBuilder(URI.create(base() + "/?v-r=init&location="
                + route + "&query=")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).isEqualTo(200);
        JsonNode config = new ObjectMapper().readTree(init.body()).get("appConfig");
        JsonNode uidl = config.get("uidl");
        String navigate = "{\"csrfToken\":\"" + uidl.get("Vaadin-Security-Key").asText() + "\",\"rpc\":[{\"type\":"
                + "\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":"
                + "\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":"
                + uidl.get("syncId").asInt() + ",\"clientId\":0}";
        HttpResponse<String> rendered = client.send(HttpRequest.newBuilder(URI.create(base() + "/?v-r=uidl&v-uiId="
                        + config.get("v-uiId").asInt())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).doesNotContain("appError");
        return rendered.body();
    }

    @Test
    void an_unknown_reference_says_so_on_the_page() throws Exception {
        Opened page = openProjectPage("CONS-1999-9999");
        assertThat(page.html()).contains("CONS-1999-9999", "Not in the register");
    }

    @Test
    void every_status_and_disease_area_has_words_in_both_languages() throws Exception {
        for (String language : List.of("", "_fr")) {
            Properties texts = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/messages" + language + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (RegisterStatus status : RegisterStatus.values()) {
                assertThat(texts.getProperty(RegisterLabels.STATUS + status.name())).as(language + status).isNotBlank();
            }
            for (DiseaseArea area : DiseaseArea.values()) {
                assertThat(texts.getProperty(RegisterLabels.AREA + area.name())).as(language + area).isNotBlank();
                assertThat(texts.getProperty(RegisterLabels.AREA_SHORT + area.name())).as(language + area).isNotBlank();
            }
        }
    }

    // ---- the world ------------------------------------------------------------------------------------

    private String person(String name, OrganisationSummary organisation, Role role) {
        String username = fixtures.person(name, organisation, role);
        personal.add(name);
        personal.add(username);
        return username;
    }

    /** A text the workflow stores about a project that the register must never show. */
    private String secret(String what) {
        String text = what + " " + run;
        personal.add(text);
        return text;
    }

    private String titleOf(String name) {
        return "Register " + run + " " + name;
    }

    private String nameOf(Long id) {
        return id.equals(active) ? "active" : id.equals(extended) ? "extended" : id.equals(expired) ? "expired" : "closed";
    }

    private Long draft(String name, String laySummary) {
        return draftWith(name, laySummary, EnumSet.of(DiseaseArea.AML, DiseaseArea.MDS));
    }

    private Long draftWith(String name, String laySummary, EnumSet<DiseaseArea> areas) {
        return steps.draft(applicant, hospital, new ProjectSteps.Draft(titleOf(name), "AML-RELAPSE", laySummary, areas,
                List.of(new TeamMemberEntry(steps.personId(teammate), "Tobias Brightwater", "Register Clinic",
                        "Statistician")), secret("conflicts")));
    }

    private Long approved(Long id) {
        steps.approved(applicant, id, secret("vote comment"), secret("ethics condition"), secret("ethics comment"));
        references.put(id, steps.reference(id));
        assertThat(statusOf(id)).isEqualTo(ProposalStatus.APPROVED);
        return id;
    }

    private Long executed(Long id) {
        return steps.executed(steps.sent(steps.generated(id)), leadSignatory);
    }

    private String ref(Long id) {
        return references.get(id);
    }

    private ProposalStatus statusOf(Long id) {
        signIn.as(staff);
        try {
            return proposals.standing(id).status();
        } finally {
            SignIn.out();
        }
    }

    private AgreementOverview agreementOf(Long id) {
        signIn.as(staff);
        try {
            return agreements.overview(id).orElseThrow();
        } finally {
            SignIn.out();
        }
    }

    private List<String> referencesFound(RegisterFilter filter) {
        return register.search(filter, PageRequest.of(0, 50)).stream().map(RegisterRow::reference).toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    // ---- the project page, as the router builds it for a visitor ----------------------------------------

    record Opened(Component view) {

        String html() {
            return view.getElement().getOuterHTML();
        }
    }

    private Opened openProjectPage(String reference) {
        return InUi.build(applicationContext, java.util.Locale.ENGLISH, () -> {
            RegisterProjectView view = beanFactory.createBean(RegisterProjectView.class);
            BeforeEnterEvent event = mock(BeforeEnterEvent.class);
            when(event.getRouteParameters()).thenReturn(new RouteParameters(RegisterProjectView.REFERENCE, reference));
            view.beforeEnter(event);
            return new Opened(view);
        });
    }

}
