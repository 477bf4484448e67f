package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.member.PreferenceService;
import org.consilium.proposal.ProposalService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A member of staff switches to French with the language menu: the menu, the task inbox and its task names, a
 * task screen, the audit trail with its kinds and its verification, and the error page then speak French, and no
 * English is left on them. Screenshots for docs/screenshots/fr.
 */
@ExtendWith(Suites.Browser.class)
// Its own database: the organisations and proposals it creates must not join the other walks' voting rounds.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:french-screens;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class FrenchScreensBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    ProposalService proposals;

    @Autowired
    PreferenceService preferences;

    @Test
    void staff_who_choose_french_see_the_inbox_a_task_and_the_audit_trail_in_french() throws Exception {
        String reference = SubmittedProposals.submit(users, proposals, "researcher2",
                "Suivi à long terme des lymphomes traités par CAR-T");
        try (Browser browser = new Browser(port)) {
            browser.signIn("director", "demo");
            browser.waitForText("#task-inbox", reference);
            assertThat(browser.text(".page")).as("English first: the browser asks for English").contains("Task inbox");

            browser.click("#language-menu vaadin-menu-bar-button");
            browser.click("#language-fr");
            browser.waitForText(".page", "Mes tâches");
            browser.waitForText("#task-inbox", reference);
            assertThat(browser.text("vaadin-side-nav")).contains("Mes tâches", "Piste d’audit", "Vérifier une convention")
                    .doesNotContain("Task inbox", "Audit trail");
            assertThat(browser.text(".page")).contains("En attente depuis", "Échéance", "Vérifier la complétude",
                    "ouverte à votre groupe").doesNotContain("Waiting since", "Check completeness", "open to your group");
            assertThat(browser.text("vaadin-app-layout")).contains("Se déconnecter");
            browser.screenshot("fr-inbox");

            browser.click(browser.findAll("#task-inbox vaadin-grid-cell-content").stream()
                    .filter(c -> c.getText().equals(reference)).findFirst().orElseThrow());
            browser.waitForText("#completeness-check", "Vérification de complétude");
            browser.click("#record-completeness-decision");
            browser.waitForText("#completeness-decision", "Choisissez une décision");
            assertThat(browser.text("#completeness-check")).contains("Accepter", "Renvoyer au demandeur",
                    "Enregistrer la décision").doesNotContain("Record decision", "Return to the applicant");
            browser.screenshot("fr-task");

            browser.open("/audit");
            browser.type("#audit-record", reference);
            Thread.sleep(1_000); // the filter is sent once typing pauses
            browser.settle();
            browser.waitForText("#audit-trail", "Soumission");
            assertThat(browser.text("#audit-trail")).as("the kind's name, and its stored code beneath")
                    .contains("Soumission", "SUBMITTED");
            browser.click("#audit-verify");
            browser.waitForText("#audit-verification", "La piste d’audit est intacte");
            assertThat(browser.text(".page")).contains("Exporter ces entrées en CSV", "Quand", "Qui")
                    .doesNotContain("Verify the chain", "When");
            browser.resize(1400, 1000);
            browser.screenshot("fr-audit");
            browser.resize(1280, 1000);

            browser.open("/");
            browser.waitForText(".page", "Mes tâches");
            browser.screenshot("fr-home");

            browser.open("/no-such-page");
            browser.waitForText("#not-found", "Page introuvable");
            assertThat(browser.text("#not-found")).contains("Il n’y a pas de page à l’adresse «\u00a0no-such-page\u00a0».",
                    "Retour à la page d’accueil").doesNotContain("Couldn't find");
            browser.screenshot("fr-not-found");

            browser.open("/admin/people");
            browser.waitForText("#access-refused", "Accès refusé");
            assertThat(browser.text("#access-refused")).contains("Vos rôles ne vous permettent pas d’ouvrir cette page.")
                    .doesNotContain("annotations");
        } finally {
            // The choice is kept on the person: give the demo user back to the browser's language for later suites.
            SignIn signIn = new SignIn(users);
            signIn.as("director");
            preferences.choose(null, null);
            SignIn.out();
        }
    }
}
