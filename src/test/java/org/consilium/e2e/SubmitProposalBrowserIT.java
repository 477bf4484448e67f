package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.Suites;
import org.consilium.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The governance process end to end, in Chromium: a researcher drafts and submits a proposal, another
 * researcher is refused it, staff accept it at the completeness check, the nine patient organisations
 * vote, the ethics board approves; staff prepare the data-access agreement, the hospital and the foundation
 * sign it, the project becomes active, and the executed PDF verifies.
 */
@ExtendWith(Suites.Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class SubmitProposalBrowserIT extends BrowserWalk {

    private static final String TITLE = "Relapse risk after <b>first</b> remission in AML & MDS";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @org.springframework.beans.factory.annotation.Autowired
    org.consilium.agreement.AgreementService agreements;

    @Test
    void a_proposal_goes_from_submission_through_the_check_nine_votes_and_ethics_to_approved() throws Exception {
        browser = new Browser(port);

        // The researcher starts a draft: the menu shows what their role may use, the header who they are.
        browser.signIn("researcher", "demo");
        assertThat(browser.currentPath()).isEqualTo("/proposals");
        assertThat(browser.text("#current-user-name")).isEqualTo("Dr Anna de Vries");
        assertThat(browser.text("#current-user-organisation")).isEqualTo("Rijnland University Hospital");
        assertThat(browser.text("vaadin-side-nav")).contains("My proposals", "Task inbox");
        browser.click("#new-proposal");
        browser.find("#field-title");
        assertThat(browser.currentPath()).matches("/proposals/\\d+/edit");
        String proposalPath = browser.currentPath().replace("/edit", "");

        // Submitting an empty draft lists what is missing, and marks the fields.
        browser.click("#submit-proposal");
        browser.confirm("confirm-button");
        browser.waitForText("#submission-problems", "Give the project a title");
        assertThat(browser.text("#submission-problems")).contains("Choose at least one data category",
                "Write a lay summary for the patient reviewers");
        assertThat(browser.find("#field-title").getAttribute("invalid")).isNotNull();

        // Fill every section.
        browser.type("#field-title", TITLE);
        browser.type("#field-acronym", "RELAPSE-AML");
        browser.click("#add-team-member");
        browser.type(".team-member-name", "Dr Sanne Visser");
        browser.type(".team-member-organisation", "Rijnland University Hospital");
        browser.type(".team-member-role", "Biostatistician");
        browser.tick("#field-diseaseAreas", "vaadin-checkbox", 0);
        browser.tick("#field-diseaseAreas", "vaadin-checkbox", 5);
        browser.type("#field-background", "Relapse after first complete remission remains the main cause of death.");
        browser.type("#field-objectives", "Build and validate a relapse risk score.");
        browser.type("#field-methodology", "Survival models with external validation; pre-registered analysis plan.");
        browser.type("#field-laySummary", "x ".repeat(301).strip());
        browser.waitForText("#field-laySummary", "301 / 300 words");
        assertThat(browser.find("#field-laySummary").getAttribute("invalid")).isNotNull();
        browser.type("#field-laySummary", "We want to learn earlier which patients with leukaemia may relapse, so"
                + " that their doctors can act sooner.");
        browser.waitForText("#field-laySummary", "18 / 300 words");
        browser.tick("#field-dataCategories", "vaadin-checkbox", 1);
        browser.tick("#field-dataCategories", "vaadin-checkbox", 2);
        browser.tick("#field-dataLevel", "vaadin-radio-button", 0);
        browser.type("#field-estimatedCohortSize", "4200");
        browser.tick("#field-expectedOutputs", "vaadin-checkbox", 0);
        browser.type("#field-durationMonths", "24");
        browser.type("#field-fundingSource", "National research council");
        browser.type("#field-conflictsOfInterest", "None");
        assertThat(browser.text("#draft-state")).isEqualTo("Unsaved changes");

        // Leaving with unsaved changes asks first; staying keeps every value.
        browser.click(browser.findAll("vaadin-side-nav-item").get(0));
        browser.confirm("cancel-button");
        assertThat(browser.currentPath()).matches("/proposals/\\d+/edit");
        assertThat(browser.find("#field-fundingSource input").getAttribute("value")).isEqualTo("National research council");

        browser.click("#save-draft");
        browser.waitForText("#draft-state", "All changes saved");
        browser.resize(1280, 1700);
        browser.screenshot("proposal-form");
        browser.resize(1280, 1000);

        // A PDF is attached; a text file calling itself .pdf is refused with a clear message.
        Path pdf = Files.createTempDirectory("consilium-e2e").resolve("study-protocol.pdf");
        Files.write(pdf, TestPdfs.realPdf("Study protocol", 2));
        browser.upload("#attachment-upload", pdf);
        browser.waitForText("#attachments", "study-protocol.pdf");
        Path fake = pdf.resolveSibling("not-really.pdf");
        Files.write(fake, TestPdfs.fakePdf());
        browser.upload("#attachment-upload", fake);
        browser.waitForText("vaadin-notification-card", "not a readable PDF");
        assertThat(browser.text("#attachments")).doesNotContain("not-really.pdf");

        // Submit: the reference appears, the proposal is frozen.
        browser.click("#submit-proposal");
        browser.confirm("confirm-button");
        browser.find("#proposal-reference");
        String reference = browser.text("#proposal-reference");
        assertThat(reference).matches("CONS-\\d{4}-\\d{4}");
        assertThat(browser.currentPath()).isEqualTo(proposalPath);
        assertThat(browser.text("#proposal-header")).contains(TITLE).contains("Submitted — awaiting completeness check");
        assertThat(browser.text("#proposal-status-line")).contains("Version 1 submitted");
        assertThat(browser.text("#attachments")).contains("study-protocol.pdf", "since version 1");
        browser.screenshot("proposal-submitted");

        browser.open("/proposals");
        browser.waitForText("#my-proposals", reference);

        // Another researcher cannot open it, even by its URL.
        browser.signOut();
        browser.signIn("researcher2", "demo");
        browser.open(proposalPath);
        browser.waitForText("#access-refused", "You have no access to proposal " + reference);
        browser.screenshot("access-refused");
        browser.open(proposalPath + "/edit");
        browser.waitForText("#access-refused", "You have no access");

        // Staff find the completeness check in their inbox and open the proposal from it.
        browser.signOut();
        browser.signIn("staff", "demo");
        assertThat(browser.currentPath()).isEqualTo("/inbox");
        assertThat(browser.text("vaadin-side-nav")).contains("Task inbox").doesNotContain("My proposals");
        browser.waitForText("#task-inbox", reference);
        assertThat(browser.text("#task-inbox")).contains("Check completeness");
        browser.screenshot("staff-inbox");
        browser.click(browser.findAll("#task-inbox vaadin-grid-cell-content").stream()
                .filter(c -> c.getText().equals(reference)).findFirst().orElseThrow());

        // The task opens the completeness check, with the proposal beneath; staff accept it.
        browser.waitForText("#proposal-reference", reference);
        assertThat(browser.currentPath()).matches("/tasks/[^/]+/completeness");
        browser.click("#record-completeness-decision");
        browser.waitForText("#completeness-decision", "Choose a decision");
        browser.tick("#completeness-decision", "vaadin-radio-button", 0);
        browser.screenshot("completeness-check");
        browser.click("#record-completeness-decision");
        browser.confirm("confirm-button");
        browser.waitForText("vaadin-notification-card", "Decision recorded");
        browser.waitForPath("/inbox");

        browser.open(proposalPath);
        browser.waitForText("#proposal-header", "Under patient and ethics review");
        assertThat(browser.text("#timeline")).contains("Submitted", "Accepted at the completeness check",
                "Sofia Marques", "Patient and ethics review started");

        // Each of the nine patient organisations declares and votes through one representative.
        for (int n = 1; n <= 9; n++) {
            browser.signOut();
            browser.signIn(n == 1 ? "patient" : "patient" + n, "demo");
            assertThat(browser.currentPath()).isEqualTo("/inbox");
            openTask(reference);
            browser.tick("#conflict-choice", "vaadin-radio-button", 0);
            browser.click("#declare-conflicts");
            browser.waitForText("#proposal-reference", reference);
            browser.tick("#vote-choice", "vaadin-radio-button", n == 2 ? 1 : 0);
            if (n == 2) {
                browser.type("#vote-comment", "Please explain the results to patients in plain words.");
            }
            if (n == 1) {
                browser.screenshot("vote");
            }
            browser.click("#cast-vote");
            browser.confirm("confirm-button");
            browser.waitForText("vaadin-notification-card", "The vote is cast");
        }

        // The ethics board approves: the proposal is approved and awaits its agreement.
        browser.signOut();
        browser.signIn("ethics", "demo");
        openTask(reference);
        browser.waitForText("#ethics-review", "Expedited ethics review");
        browser.tick("#ethics-decision", "vaadin-radio-button", 0);
        browser.click("#record-ethics-decision");
        browser.confirm("confirm-button");
        browser.waitForText("vaadin-notification-card", "Decision recorded");

        browser.signOut();
        browser.signIn("researcher", "demo");
        browser.open(proposalPath);
        browser.waitForText("#proposal-header", "Approved — awaiting agreement");
        assertThat(browser.text("#patient-review")).contains("Outcome: approved", "9 approved (1 with recommendations)",
                "Please explain the results to patients in plain words.").doesNotContain("Giulia", "Pieter Bakker");
        assertThat(browser.text("#timeline")).contains("Approved by the ethics board",
                "The patient organisations' voting round closed", "Outcome: approved");
        browser.resize(1280, 1400);
        browser.screenshotAt("proposal-approved", "#patient-review");

        // The bell told the applicant of every decision.
        assertThat(Integer.parseInt(browser.text("#unread-notifications").strip())).isPositive();
        browser.click("#notification-bell");
        browser.waitForText("#notification-list", reference + ": Approved — awaiting agreement");
        assertThat(browser.text("#notification-list")).contains(reference + ": Under patient and ethics review");
        browser.screenshot("notifications");

        executeTheAgreement(reference, proposalPath);
    }

    /**
     * From "approved — awaiting agreement" to an executed agreement: staff generate and preview it and send
     * it; the hospital's signatory signs (a wrong password first); the foundation's director countersigns.
     */
    private void executeTheAgreement(String reference, String proposalPath) throws Exception {
        browser.open(proposalPath);
        browser.signOut();
        browser.signIn("staff", "demo");
        browser.waitForText("#task-inbox", "Prepare the data-access agreement");
        long tasksBefore = inboxSize();
        openTask(reference);
        browser.waitForText("#prepare-agreement", reference);
        assertThat(browser.currentPath()).matches("/tasks/[^/]+/agreement");
        browser.click("#generate-version");
        browser.waitForText("#prepare-agreement", "Preview of version 1");
        assertThat(browser.findAll("#prepare-agreement iframe.pdf-preview")).hasSize(1);
        browser.resize(1280, 1500);
        Thread.sleep(1_500); // the browser's PDF viewer paints the preview after the page has settled
        browser.screenshot("agreement-prepare");
        browser.resize(1280, 1000);
        browser.click("#send-for-signature");
        browser.confirm("confirm-button");
        browser.waitForText("vaadin-notification-card", "sent for signature");
        // Back in the inbox: the task just done is gone, and the grid counts one task fewer.
        browser.waitForPath("/inbox");
        browser.waitUntil(() -> "the inbox without the task just done: " + browser.text("#task-inbox"),
                () -> inboxSize() == tasksBefore - 1 && !browser.text("#task-inbox").contains(reference));

        browser.signOut();
        browser.signIn("signatory", "demo");
        browser.waitForText("#task-inbox", "Sign the data-access agreement for the lead organisation");
        openTask(reference);
        browser.waitForText("#sign-agreement", "You sign for Rijnland University Hospital");
        browser.click("#sign");
        browser.find("#signing-password");
        browser.type("#signing-password", "not-my-password");
        browser.click("#signing-meaning");
        browser.click("#confirm-signature");
        browser.waitForText("#signing-password", "The password is not correct");
        browser.type("#signing-password", "demo");
        browser.screenshotAt("signing-dialog", "#signing-dialog");
        browser.click("#confirm-signature");
        browser.waitForText("vaadin-notification-card", "Signed for Rijnland University Hospital");

        browser.signOut();
        browser.signIn("director", "demo");
        browser.waitForText("#task-inbox", "Countersign the data-access agreement for the foundation");
        openTask(reference);
        browser.waitForText("#sign-agreement", "You sign for European Haematology Data Foundation");
        browser.click("#sign");
        browser.type("#signing-password", "demo");
        browser.click("#signing-meaning");
        browser.click("#confirm-signature");
        browser.waitForText("vaadin-notification-card", "Signed for European Haematology Data Foundation");

        browser.signOut();
        browser.signIn("researcher", "demo");
        browser.open(proposalPath);
        browser.waitForText("#proposal-header", "Active — data access granted");
        assertThat(browser.text("#agreement")).contains("Executed — signed by both parties", "Access until",
                "Version 1");
        assertThat(browser.text("#timeline")).contains("Signature refused", "Agreement signed",
                "Agreement executed — project active");
        browser.screenshotAt("agreement-executed", "#agreement");

        // The executed PDF: its text and its pages as images for the docs.
        org.consilium.SignIn signIn = new org.consilium.SignIn(users);
        signIn.as("researcher");
        Long proposalId = Long.valueOf(proposalPath.substring(proposalPath.lastIndexOf('/') + 1));
        byte[] executed = agreements.executed(proposalId).content();
        org.consilium.SignIn.out();
        Files.createDirectories(Browser.SCREENSHOTS);
        Path executedPdf = Browser.SCREENSHOTS.resolve("agreement-executed.pdf");
        Files.write(executedPdf, executed);
        try (var document = org.apache.pdfbox.Loader.loadPDF(executed)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(reference, "Rijnland University Hospital", "European Haematology Data Foundation",
                    "Please explain the results to patients in plain words.", "I sign this agreement on behalf of");
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            javax.imageio.ImageIO.write(renderer.renderImageWithDPI(0, 70), "png",
                    Browser.SCREENSHOTS.resolve("agreement-executed-page1.png").toFile());
            javax.imageio.ImageIO.write(renderer.renderImageWithDPI(document.getNumberOfPages() - 1, 70), "png",
                    Browser.SCREENSHOTS.resolve("agreement-executed-signature-page.png").toFile());
        }

        // Anyone signed in can verify it; a changed copy fails.
        browser.open("/agreements/verify");
        browser.upload("#verify-upload", executedPdf);
        browser.waitForText("#verification-result", "Genuine and unaltered");
        browser.screenshot("agreement-verified");
        Path altered = executedPdf.resolveSibling("agreement-altered.pdf");
        byte[] changed = executed.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(altered, changed);
        browser.upload("#verify-upload", altered);
        browser.waitForText("#verification-result", "agreement-altered.pdf");
        assertThat(browser.text("#verification-result")).doesNotContain("Genuine");

        auditTrailOf(reference);
    }

    /** Staff read the proposal's trail, filtered in the database, and verify the whole chain. */
    private void auditTrailOf(String reference) throws InterruptedException {
        browser.signOut();
        browser.signIn("staff", "demo");
        browser.open("/audit");
        browser.type("#audit-record", reference);
        Thread.sleep(1_000); // the filter is sent once typing pauses
        browser.settle();
        browser.waitForText("#audit-trail", "AGREEMENT_EXECUTED");
        assertThat(browser.text("#audit-trail")).doesNotContain("PERSON_REGISTERED");
        assertThat(browser.text("#audit-trail")).contains("VOTE_CAST", "SIGNATURE_REFUSED", "AGREEMENT_SIGNED",
                "STATUS_CHANGED").doesNotContain("APPROVE_WITH_RECOMMENDATIONS");
        browser.click("#audit-verify");
        browser.waitForText("#audit-verification", "The audit trail is intact");
        browser.resize(1400, 1000);
        browser.screenshot("audit-trail");
        browser.resize(1280, 1000);

        // The administrator's screens: people (filtered in the database) and background incidents.
        browser.signOut();
        browser.signIn("admin", "demo");
        browser.open("/admin/people");
        browser.type("#people-filter", "Rijnland");
        Thread.sleep(1_000); // the filter is sent once typing pauses
        browser.settle();
        browser.waitForText("#people", "Maarten Jansen");
        assertThat(browser.text("#people")).contains("Dr Anna de Vries").doesNotContain("Sofia Marques");
        browser.screenshot("people");
        browser.open("/admin/operations");
        browser.waitForText(".page", "E-mails not sent");
        assertThat(browser.text(".page")).contains("Workflow incidents");
        browser.screenshot("operations");
    }

    /** How many tasks the inbox's grid says it has. */
    private long inboxSize() {
        return ((Number) browser.js("return document.querySelector('#task-inbox').size")).longValue();
    }

    private void openTask(String reference) {
        browser.waitForText("#task-inbox", reference);
        browser.click(browser.findAll("#task-inbox vaadin-grid-cell-content").stream()
                .filter(c -> c.getText().equals(reference)).findFirst().orElseThrow());
    }
}
