package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.TeamMemberEntry;
import org.consilium.register.ProjectSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The public register in Chromium, as a visitor who never signs in: from the sign-in page to the list, a search,
 * the filters, a project page, and the same page in French. The projects are driven to their states through the
 * real services first; one is approved but unsigned and must not appear.
 */
@ExtendWith(Suites.Browser.class)
// Its own database: the organisations and proposals it creates must not join the other walks' voting rounds.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:register-browser;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class RegisterBrowserIT extends BrowserWalk {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MemberService members;

    final List<String> personal = new ArrayList<>();

    @Test
    void a_visitor_finds_approved_projects_and_reads_one_without_signing_in() {
        MemberFixtures fixtures = new MemberFixtures(members);
        ProjectSteps steps = new ProjectSteps(context, fixtures, Map.of());
        Project relapse = new Project(steps, fixtures, "Rijnland University Hospital", "Dr Marieke Kuipers",
                "Relapse risk after first remission in acute myeloid leukaemia", "RELAPSE-AML",
                "Some people with acute myeloid leukaemia see their disease come back after treatment seemed to"
                        + " work. We want to learn, from the records of many patients, which signs predict this"
                        + " early, so that doctors can watch those patients more closely and act sooner.\n\n"
                        + "We use only anonymised data. No patient can be recognised, and the results are"
                        + " published openly.",
                EnumSet.of(DiseaseArea.AML, DiseaseArea.MDS));
        Project tki = new Project(steps, fixtures, "Universitätsklinikum Heidelberg-Süd", "Dr Jonas Albrecht",
                "Stopping tyrosine-kinase inhibitors in chronic myeloid leukaemia: who stays in remission?",
                "TKI-STOP", "Many people with chronic myeloid leukaemia take a daily tablet for years. Some can stop"
                        + " it safely. We look at which patients stayed well after stopping.",
                EnumSet.of(DiseaseArea.CML));
        Project frailty = new Project(steps, fixtures, "Istituto Ematologico di Bologna", "Dr Chiara Ferri",
                "Frailty and treatment choices in older patients with multiple myeloma", "FRAIL-MM",
                "Older people with myeloma are often frail. We compare how treatments worked for patients with"
                        + " different levels of frailty, to help choose gentler or stronger treatment.",
                EnumSet.of(DiseaseArea.MM));
        Project infections = new Project(steps, fixtures, "Stockholm Institute of Haematology", "Dr Karin Holm",
                "Early warning of infections during treatment for chronic lymphocytic leukaemia", "INFECT-CLL",
                "Infections are a serious risk during treatment for CLL. A computer model trained on past records"
                        + " could warn doctors a few days early.",
                EnumSet.of(DiseaseArea.CLL));
        Project lateEffects = new Project(steps, fixtures, "Université Lyon-Rhône", "Pr Camille Laurent",
                "Late effects after Hodgkin lymphoma in adolescents and young adults", "LATE-HL",
                "Young people cured of Hodgkin lymphoma may have health problems years later. We look at which"
                        + " treatments are linked to fewer late effects.",
                EnumSet.of(DiseaseArea.HODGKIN_LYMPHOMA));
        Project unsigned = new Project(steps, fixtures, "Hospital Clínico Salamanca Norte", "Dr Pablo Ortega",
                "Unsigned agreement on myeloproliferative neoplasms", "MPN-WAIT",
                "This project is approved but its agreement is not signed yet.", EnumSet.of(DiseaseArea.MPN));

        for (Project p : List.of(relapse, tki, frailty, infections, lateEffects)) {
            p.executed();
        }
        steps.extend(infections.id, LocalDate.now(ZoneOffset.UTC).plusMonths(30), "Recruitment took longer");
        steps.expire(frailty.id);
        unsigned.approved();
        steps.generated(unsigned.id);

        browser = new Browser(port);
        browser.open("/login");
        browser.click("#public-register-link");
        browser.waitForPath("/register");
        assertThat(browser.currentPath()).isEqualTo("/register");
        browser.waitForText("#register-projects", relapse.title);
        String list = browser.text("#register-projects");
        assertThat(list).contains(tki.title, frailty.title, infections.title, lateEffects.title,
                "Rijnland University Hospital", "Access ended", "Active");
        assertThat(list).doesNotContain(unsigned.title);
        assertThat(browser.text(".page")).contains("Public register of approved projects", "Sign in");
        browser.resize(1280, 900);
        browser.screenshot("register");

        browser.type("#register-search", "myeloma frail");
        // The search field sends its value after a pause in typing (LAZY): wait for the filtered list, not the old one.
        browser.waitUntil(() -> "the list filtered to " + frailty.title,
                () -> !browser.text("#register-projects").contains(relapse.title));
        browser.waitForText("#register-projects", frailty.title);
        assertThat(browser.text("#register-projects")).doesNotContain(relapse.title, tki.title);
        browser.type("#register-search", "");
        browser.waitForText("#register-projects", relapse.title);
        browser.choose("#register-area", "CML");
        browser.waitForText("#register-projects", tki.title);
        assertThat(browser.text("#register-projects")).doesNotContain(relapse.title, frailty.title);
        // Clear the disease area as from the keyboard (its clear button lives in the combo box's shadow root).
        browser.type("#register-area", "");
        browser.waitForText("#register-projects", relapse.title);
        browser.type("#register-search", "MPN-WAIT unsigned");
        browser.waitForText("#register-projects", "No project in the register matches");
        browser.type("#register-search", relapse.acronym);

        browser.waitForText("#register-projects", relapse.title);
        browser.click(browser.find("#register-projects a"));
        browser.waitForText("#register-project-title", relapse.title);
        assertThat(browser.currentPath()).isEqualTo("/register/" + steps.reference(relapse.id));
        String page = browser.text(".page");
        assertThat(page).contains(steps.reference(relapse.id), "RELAPSE-AML", "Rijnland University Hospital",
                "AML — acute myeloid leukaemia", "Agreement signed", "Data access until", "Lay summary",
                "which signs predict this early");
        for (String secret : personal) {
            assertThat(page).doesNotContain(secret);
        }
        browser.screenshot("register-project");

        browser.click("#language-menu vaadin-menu-bar-button");
        browser.click(browser.visibleWithText("vaadin-menu-bar-item, vaadin-context-menu-item", "Français"));
        browser.waitForText("#register-project", "Résumé grand public");
        assertThat(browser.text(".page")).contains("Registre public", "Organisation responsable",
                "LAM — leucémie aiguë myéloïde", "Se connecter");
        browser.screenshot("register-project-fr");
    }

    /** One project and the people behind it, in a demo organisation. */
    final class Project {

        final ProjectSteps steps;
        final String applicant;
        final String signatory;
        final String title;
        final String acronym;
        final Long id;

        Project(ProjectSteps steps, MemberFixtures fixtures, String organisation, String applicantName, String title,
                String acronym, String laySummary, EnumSet<DiseaseArea> areas) {
            this.steps = steps;
            this.title = title;
            this.acronym = acronym;
            OrganisationSummary lead = demoOrganisation(organisation);
            applicant = fixtures.person(applicantName, lead, Role.RESEARCHER);
            signatory = fixtures.person("Signatory of " + acronym, lead, Role.SIGNATORY);
            personal.addAll(List.of(applicantName, applicant, signatory, "Dr Lotte Bakker"));
            id = steps.draft(applicant, lead, new ProjectSteps.Draft(title, acronym, laySummary, areas,
                    List.of(new TeamMemberEntry(null, "Dr Lotte Bakker", organisation, "Biostatistician")), "None"));
        }

        void approved() {
            steps.approved(applicant, id, "Clear lay summary; please report back to patients.",
                    "Results only in aggregate.", null);
        }

        void executed() {
            approved();
            steps.executed(steps.sent(steps.generated(id)), signatory);
        }
    }

    private OrganisationSummary demoOrganisation(String name) {
        SignIn.asAdministrator();
        try {
            return members.activeOrganisations().stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Demo organisation missing: " + name));
        } finally {
            SignIn.out();
        }
    }
}
