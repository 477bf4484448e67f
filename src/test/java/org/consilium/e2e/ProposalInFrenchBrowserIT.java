package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo researcher switches the portal to French with the language menu and works on proposals: the
 * list, the editor (with what a submission still needs) and the page of a proposal that was returned,
 * revised and is now under review. Nothing of these screens is left in English.
 */
@ExtendWith(Suites.Browser.class)
// Its own database: the organisations and proposals it creates must not join the other walks' voting rounds.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:proposal-french;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class ProposalInFrenchBrowserIT extends BrowserWalk {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProposalService proposals;
    @Autowired
    MemberService members;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    TaskService tasks;


    @Test
    void a_researcher_who_chose_french_drafts_and_reads_proposals_in_french() {
        Long reviewed = returnedRevisedAndUnderReview();
        browser = new Browser(port);
        browser.signIn("researcher", "demo");
        browser.click("#language-menu vaadin-menu-bar-button");
        browser.click("#language-fr");
        browser.waitForText("#my-proposals", "Dernière modification");

        assertThat(browser.text(".page")).contains("Mes propositions", "Nouvelle proposition", "Référence", "Titre",
                "Statut", "En examen — patients et éthique")
                .doesNotContain("New proposal", "Last change", "Under patient and ethics review");
        browser.screenshot("fr-my-proposals");

        // A new draft: submitting it at once lists, in French, what it still needs.
        browser.click("#new-proposal");
        browser.find("#field-title");
        browser.type("#field-title", "Risque de rechute après une première rémission");
        browser.type("#field-laySummary", "mot ".repeat(301).strip());
        browser.waitForText("#field-laySummary", "301 / 300 mots");
        browser.waitForText("#field-laySummary", "Le résumé grand public ne peut pas dépasser 300 mots");
        browser.type("#field-laySummary", "Nous voulons savoir plus tôt quels patients risquent une rechute.");
        browser.click("#submit-proposal");
        browser.confirm("confirm-button");
        browser.waitForText("#submission-problems", "Avant de pouvoir soumettre cette proposition");
        assertThat(browser.text("#submission-problems")).contains("Donnez un acronyme au projet",
                "Choisissez au moins une catégorie de données").doesNotContain("Give the project");
        assertThat(browser.text(".page")).contains("Enregistrer le brouillon", "1. Projet", "Organisation porteuse",
                "Ajouter un membre", "LAM — leucémie aiguë myéloïde", "7. Pièces jointes", "Type du prochain document")
                .doesNotContain("Save draft", "Lead organisation", "Add team member", "Attachments");
        browser.resize(1280, 1500);
        browser.screenshot("fr-proposal-editor");
        browser.screenshotAt("fr-proposal-editor-science", "#section-team");
        browser.screenshotAt("fr-proposal-editor-data", "#section-data");
        browser.resize(1280, 1000);
        browser.click("#save-draft");
        browser.waitForText("#draft-state", "Tout est enregistré");

        // The returned, revised and accepted proposal: what changed, versions, timeline and the voting round.
        browser.open("/proposals/" + reviewed);
        browser.waitForText("#proposal-header", "En examen — patients et éthique");
        assertThat(browser.text("#proposal-status-line")).startsWith("Version 2 soumise le ")
                .contains("Première soumission le ");
        assertThat(browser.text(".page")).contains("Ce qui a changé", "Méthodologie et plan d’analyse statistique",
                "Volet scientifique", "Données individuelles anonymisées", "Demandeur", "Historique",
                "Renvoyée pour modifications", "Acceptée au contrôle de complétude", "Examen par les patients",
                "Le tour de vote est ouvert jusqu’au")
                .doesNotContain("What changed", "Timeline", "Returned for changes", "Patient review");
        browser.resize(1280, 1600);
        browser.screenshot("fr-proposal");
        browser.screenshotAt("fr-proposal-timeline", "#versions");
        browser.resize(1280, 1000);
    }

    /** A proposal of the demo researcher, returned by staff, revised as version 2 and accepted. */
    private Long returnedRevisedAndUnderReview() {
        SignIn signIn = new SignIn(users);
        signIn.as("researcher");
        ConsiliumUser researcher = (ConsiliumUser) users.loadUserByUsername("researcher");
        OrganisationSummary hospital = members.activeOrganisations().stream()
                .filter(o -> o.id().equals(researcher.organisationId())).findFirst().orElseThrow();
        PersonSummary investigator = new PersonSummary(researcher.personId(), researcher.fullName(),
                researcher.organisationId(), researcher.organisationName());
        Long id = proposals.createDraft();
        ProposalContent content = ProposalContents.complete(hospital, investigator);
        String reference = proposals.submit(id, proposals.openDraft(id).lockVersion(), content).reference();

        signIn.as("staff");
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.RETURN,
                "Please add the statistical power calculation.");
        signIn.as("researcher");
        ProposalDraft returned = proposals.openDraft(id);
        returned.content().setMethodology("Survival models; power calculation: 80% power at alpha 0.05.");
        proposals.submit(id, returned.lockVersion(), returned.content());
        signIn.as("staff");
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.ACCEPT, "");
        SignIn.out();
        return id;
    }

    private String completenessTask(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ProposalLifecycle.CHECK_COMPLETENESS_TASK).singleResult().getId();
    }
}
