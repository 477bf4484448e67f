package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.proposal.ProposalService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The inbox's claim and release button (drawn by the browser from one template, no component per row): a member of
 * staff claims the completeness check offered to their group, the row then says the task is theirs and offers to
 * release it, and the click did not open the task (Vaadin's grid sends no row click for a click on a button, and the
 * template stops the event as well); releasing gives it back to the group, the rest of the row still opens it, and the
 * browser's back button returns to an inbox read afresh. The researcher's proposals show their status as a Lumo badge
 * (also drawn from a template). Its own database.
 */
@ExtendWith(Suites.Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:inbox-claim;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class InboxClaimBrowserIT extends BrowserWalk {

    /** The cells of the row showing {@code reference}, in column order, as the text a person reads in each. */
    private static final String ROW_CELLS = """
            const grid = document.querySelector('#task-inbox');
            const contents = Array.from(grid.querySelectorAll('vaadin-grid-cell-content'));
            const rowOf = c => c.assignedSlot && c.assignedSlot.parentElement && c.assignedSlot.parentElement.parentElement;
            const hit = contents.find(c => c.innerText.trim() === arguments[0] && rowOf(c));
            if (!hit) { return null; }
            const row = rowOf(hit);
            return Array.from(row.querySelectorAll('td')).map(td => {
              const slot = td.querySelector('slot');
              const content = slot && slot.assignedElements()[0];
              return content || null;
            });""";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    ProposalService proposals;

    @Test
    void staff_claim_a_group_task_from_the_inbox_without_opening_it_and_release_it_again() {
        String reference = SubmittedProposals.submit(users, proposals, "researcher2", "Claiming from the inbox");
        signIn("staff");
        assertThat(browser.currentPath()).isEqualTo("/inbox");
        browser.waitForText("#task-inbox", reference);
        assertThat(heldBy(reference)).isEqualTo("open to your group");
        WebElement claim = action(reference, "Claim");
        browser.screenshotAt("inbox-claim", "#task-inbox");

        browser.click(claim);
        browser.waitUntil(() -> "the row held by 'you', reading: " + heldBy(reference), () -> "you".equals(heldBy(reference)));
        assertThat(browser.currentPath()).as("the click claims; it does not open the task").isEqualTo("/inbox");
        WebElement release = action(reference, "Release");
        assertThat(release.getAttribute("theme")).isEqualTo("small tertiary");
        browser.screenshotAt("inbox-claimed", "#task-inbox");

        browser.click(release);
        browser.waitUntil(() -> "the row open to the group again, reading: " + heldBy(reference),
                () -> "open to your group".equals(heldBy(reference)));
        assertThat(browser.currentPath()).isEqualTo("/inbox");
        action(reference, "Claim");

        // The rest of the row still opens the task.
        browser.click(cell(reference, 1));
        browser.waitUntil(() -> "the completeness check opened, at " + browser.currentPath(),
                () -> browser.currentPath().matches("/tasks/[^/]+/completeness"));

        // The browser's back button returns to the inbox, read afresh: a proposal submitted meanwhile is listed, and
        // opening the task did not take it from the group.
        String later = SubmittedProposals.submit(users, proposals, "researcher2", "Arrived while staff were away");
        browser.js("history.back();");
        browser.waitForPath("/inbox");
        browser.waitForText("#task-inbox", later);
        assertThat(heldBy(reference)).isEqualTo("open to your group");
        assertThat(heldBy(later)).isEqualTo("open to your group");
    }

    @Test
    void the_researchers_proposals_show_their_status_as_a_badge() {
        String reference = SubmittedProposals.submit(users, proposals, "researcher2", "Claiming from the inbox");
        SignIn signIn = new SignIn(users);
        signIn.as("researcher2");
        try {
            proposals.createDraft();
        } finally {
            SignIn.out();
        }
        signIn("researcher2");
        assertThat(browser.currentPath()).isEqualTo("/proposals");
        browser.waitForText("#my-proposals", reference);
        WebElement submitted = browser.find("#my-proposals span[data-status='SUBMITTED']");
        assertThat(submitted.getText()).isEqualTo("Submitted — awaiting completeness check");
        assertThat(submitted.getAttribute("theme")).isEqualTo("badge success");
        WebElement draft = browser.find("#my-proposals span[data-status='DRAFT']");
        assertThat(draft.getText()).isEqualTo("Draft");
        assertThat(draft.getAttribute("theme")).isEqualTo("badge");
        assertThat(submitted.getCssValue("border-radius")).as("Lumo's badge look").isNotEqualTo("0px");
        browser.screenshotAt("my-proposals-badges", "#my-proposals");
    }

    /** Both tests share the class's browser, in either order. */
    private void signIn(String username) {
        if (browser == null) {
            browser = new Browser(port);
        } else {
            browser.signOut();
        }
        browser.signIn(username, "demo");
    }

    private String heldBy(String reference) {
        return cell(reference, 5).getText().strip();
    }

    /** The row's button, once it reads {@code label}: a real vaadin-button with its text. */
    private WebElement action(String reference, String label) {
        WebElement[] found = new WebElement[1];
        browser.waitUntil(() -> "a '" + label + "' button in the row of " + reference, () -> {
            WebElement button = cell(reference, 6).findElement(org.openqa.selenium.By.cssSelector("vaadin-button"));
            found[0] = button;
            return button.isDisplayed() && button.getText().strip().equals(label);
        });
        return found[0];
    }

    private WebElement cell(String reference, int column) {
        @SuppressWarnings("unchecked")
        java.util.List<WebElement> cells = (java.util.List<WebElement>) browser.js(ROW_CELLS, reference);
        return cells.get(column);
    }
}
