package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The administrator's screens in Chromium: organisations (register, edit, deactivate with a reason), an invitation
 * from the People page to the invitee's own page and first sign-in (and the used link refused), and the workflow
 * by step in Operations with the proposals at one step.
 */
@ExtendWith(Suites.Browser.class)
// Its own database: the organisations and proposals it creates must not join the other walks' voting rounds.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:administration;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class AdministrationBrowserIT extends BrowserWalk {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    MemberService members;
    @Autowired
    ProposalService proposals;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;


    @Test
    void an_administrator_keeps_organisations_invites_a_person_and_watches_the_workflow() throws Exception {
        governanceUnderWay();
        browser = new Browser(port);
        browser.signIn("admin", "demo");
        assertThat(browser.text("vaadin-side-nav")).contains("Organisations", "People", "Operations");

        // Organisations: register one, correct it, deactivate another with a reason.
        browser.open("/admin/organisations");
        browser.waitForText("#organisations", "Leukaemia Patients Europe");
        browser.click("#register-organisation");
        browser.type("#organisation-name", "Karolinska Leukaemia Research Centre");
        browser.choose("#organisation-country", "Sweden");
        browser.choose("#organisation-type", "University");
        browser.click("#save-organisation");
        browser.waitForText("#organisations", "Karolinska Leukaemia Research Centre");
        browser.click("#register-organisation");
        browser.type("#organisation-name", "karolinska leukaemia research centre");
        browser.choose("#organisation-country", "Sweden");
        browser.choose("#organisation-type", "University");
        browser.click("#save-organisation");
        browser.waitForText("vaadin-text-field#organisation-name", "An organisation of this name is registered already");
        browser.click(browser.buttonWithText("Cancel"));

        WebElement auroraRow = rowButton("Aurora Genomics Lda", "deactivate-organisation");
        browser.click(auroraRow);
        browser.waitForText("#deactivate-meaning", "It has no active people.");
        browser.click("#confirm-deactivate-organisation");
        browser.waitForText("vaadin-text-area#admin-reason", "Say why");
        browser.type("#admin-reason", "Membership ended on 31 October");
        browser.click("#confirm-deactivate-organisation");
        browser.settle();
        browser.choose("#organisations-type", "Patient organisation");
        browser.waitForText("#organisations", "MPN Patients Ireland");
        assertThat(browser.text("#organisations")).doesNotContain("Rijnland");
        WebElement typeFilter = browser.find("#organisations-type input");
        browser.click(typeFilter);
        typeFilter.sendKeys(Keys.ESCAPE, Keys.ESCAPE);
        browser.settle();
        browser.waitForText("#organisations", "Aurora Genomics Lda");
        assertThat(browser.text("#organisations")).contains("Deactivated", "Sweden (SE)");
        browser.resize(1400, 1000);
        browser.screenshot("admin-organisations");

        // A second look at what deactivating says, for a patient organisation with a representative.
        browser.click(rowButton("Leukaemia Patients Europe", "deactivate-organisation"));
        browser.waitForText("#deactivate-meaning", "Its one active person can no longer sign in");
        assertThat(browser.text("#deactivate-meaning")).contains("It will vote in no new patient review");
        browser.screenshotAt("admin-organisations-deactivate", "#deactivate-meaning");
        browser.click(browser.buttonWithText("Cancel"));
        browser.resize(1280, 1000);

        // People: invite someone; without a mail server the link is shown once.
        browser.open("/admin/people");
        browser.click("#invite-person");
        browser.type("#invite-email", "lina.berg@karolinska.example");
        browser.type("#invite-name", "Dr Lina Berg");
        browser.choose("#invite-organisation", "Karolinska Leukaemia Research Centre");
        browser.tick("#invite-roles", "vaadin-checkbox", 0);
        browser.click("#send-invitation");
        String link = (String) browser.js("return arguments[0].value;", browser.find("#invitation-link input"));
        assertThat(link).matches("http://localhost:8080/invitation/[A-Za-z0-9_-]{43}");
        browser.click(browser.buttonWithText("Close"));
        browser.waitForText("#invitations", "Dr Lina Berg");
        assertThat(browser.text("#invitations")).contains("Waiting, until", "Karolinska Leukaemia Research Centre");
        browser.screenshotAt("admin-people-invitations", "#invitations");
        browser.signOut();

        // The invitee's page: who invites, for what; username and password; then the first sign-in.
        String path = link.substring("http://localhost:8080".length());
        browser.open(path);
        browser.waitForText("#invitation", "Welcome, Dr Lina Berg");
        assertThat(browser.text("#invitation-text")).contains("Tomasz Nowak", "Karolinska Leukaemia Research Centre",
                "Researcher");
        browser.type("#invitation-username", "lina.berg");
        browser.type("#invitation-password", "northern lights over Solna");
        browser.type("#invitation-repeat", "northern lights over Solna");
        browser.screenshotAt("admin-invitation", "body");
        browser.click("#accept-invitation");
        browser.waitForText("#invitation-done", "lina.berg");
        browser.click("#invitation-sign-in");
        browser.waitForPath("/login");
        browser.signIn("lina.berg", "northern lights over Solna");
        assertThat(browser.text("#current-user-name")).isEqualTo("Dr Lina Berg");
        assertThat(browser.text("#current-user-organisation")).isEqualTo("Karolinska Leukaemia Research Centre");
        browser.signOut();
        browser.open(path);
        browser.waitForText("#invitation", "This invitation has been used already");
        browser.open("/invitation/not-a-real-token");
        browser.waitForText("#invitation", "This invitation link is not valid");
        browser.screenshotAt("admin-invitation-refused", "body");

        // Operations: proposals by step; a count opens the proposals at that step.
        browser.signIn("admin", "demo");
        browser.open("/admin/operations");
        browser.waitForText("#workflow-steps", "Patient organisations vote");
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(ProposalLifecycle.PROCESS_KEY).count();
        assertThat(browser.text("#workflow-running")).contains(running + " proposals are in the workflow");
        assertThat(browser.text("#workflow-steps")).contains("Completeness check", "Applicant revises and resubmits",
                "Ethics review (full)");
        assertThat(browser.text("#workflow-incidents")).contains("CONS-");
        browser.resize(1400, 1100);
        browser.screenshot("admin-workflow");
        browser.click("vaadin-button.step-count[data-step='CastVoteTask']");
        browser.waitForText("#workflow-instances", "Treatment-free remission in CML");
        assertThat(browser.text("#workflow-instances")).contains("Frailty and outcome in older patients with myeloma");
        browser.screenshotAt("admin-workflow-step", "#workflow-instances");
        browser.resize(1280, 1000);
    }

    /** The button of the given class in the grid row of an organisation. */
    private WebElement rowButton(String organisation, String buttonClass) {
        browser.waitForText("#organisations", organisation);
        browser.js("const grid = document.querySelector('#organisations');"
                + "const i = [...grid.querySelectorAll('vaadin-grid-cell-content')].findIndex(c => c.innerText === arguments[0]);"
                + "if (i >= 0) { grid.querySelectorAll('vaadin-grid-cell-content')[i].scrollIntoView(); }", organisation);
        Object button = browser.js("""
                const grid = document.querySelector('#organisations');
                const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')];
                const nameCell = cells.find(c => c.innerText === arguments[0]);
                const slot = nameCell.getAttribute('slot');
                const td = grid.shadowRoot.querySelector("slot[name='" + slot + "']").parentElement;
                const row = td.parentElement;
                for (const cell of row.querySelectorAll('td')) {
                  const content = grid.querySelector("vaadin-grid-cell-content[slot='" + cell.querySelector('slot').name + "']");
                  const button = content && content.querySelector('vaadin-button.' + arguments[1]);
                  if (button) { return button; }
                }
                return null;""", organisation, buttonClass);
        assertThat(button).as("the %s button of %s", buttonClass, organisation).isNotNull();
        return (WebElement) button;
    }

    /** Five proposals at different steps, and a reminder whose job failed for good. */
    private void governanceUnderWay() {
        SignIn signIn = new SignIn(users);
        String[] titles = {"Minimal residual disease after CAR-T therapy in adult ALL",
                "Cytogenetic risk and response to azacitidine in MDS",
                "Treatment-free remission in CML: who stays in remission?",
                "Frailty and outcome in older patients with myeloma",
                "Long-term survival after allogeneic transplant in AML"};
        String[] references = new String[titles.length];
        for (int i = 0; i < titles.length; i++) {
            signIn.as("researcher");
            ConsiliumUser user = (ConsiliumUser) users.loadUserByUsername("researcher");
            OrganisationSummary lead = members.activeOrganisations().stream()
                    .filter(o -> o.id().equals(user.organisationId())).findFirst().orElseThrow();
            Long id = proposals.createDraft();
            ProposalContent content = ProposalContents.complete(lead, new PersonSummary(user.personId(),
                    user.fullName(), user.organisationId(), user.organisationName()));
            content.setTitle(titles[i]);
            proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
            ProposalDraft draft = proposals.openDraft(id);
            references[i] = proposals.submit(id, draft.lockVersion(), draft.content()).reference();
        }
        signIn.as("staff");
        check(references[1], CompletenessDecision.RETURN, "Please attach the statistical analysis plan.");
        check(references[2], CompletenessDecision.ACCEPT, null);
        check(references[3], CompletenessDecision.ACCEPT, null);
        SignIn.out();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(references[3]).singleResult()
                .getId();
        List<org.camunda.bpm.engine.runtime.Job> reminders = management.createJobQuery().processInstanceId(instance)
                .activityId("VotingReminderTimer").list();
        management.setJobRetries(reminders.get(0).getId(), 0);
    }

    private void check(String reference, CompletenessDecision decision, String reason) {
        governance.checkCompleteness(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ProposalLifecycle.CHECK_COMPLETENESS_TASK).singleResult().getId(), decision, reason);
    }
}
