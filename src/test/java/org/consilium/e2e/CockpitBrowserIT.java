package org.consilium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.cockpit.CockpitDemoData;
import org.consilium.cockpit.CockpitFigures;
import org.consilium.cockpit.CockpitService;
import org.consilium.cockpit.ReportingPeriod;
import org.consilium.proposal.ProposalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The staff cockpit in Chromium, on demo data (a few hundred proposals over three years, some open tasks):
 * Chart.js loads from its webjar and draws, the figures in the tables are the service's, a figure leads to
 * its list with the filter in the address, the back button returns, the CSV downloads; a researcher is
 * refused. Its own database, so that the figures are those of the demo data alone.
 */
@ExtendWith(Suites.Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:cockpit-browser;MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class CockpitBrowserIT extends BrowserWalk {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    CockpitService cockpit;
    @Autowired
    UserDetailsService users;
    @Autowired
    Clock clock;


    @Test
    void staff_read_the_cockpit_follow_a_figure_to_its_list_and_come_back() throws InterruptedException {
        Instant now = clock.instant();
        List<Long> hospitals = jdbc.queryForList("SELECT id FROM organisation WHERE type IN ('HOSPITAL', 'UNIVERSITY')"
                + " ORDER BY id", Long.class);
        Long researcher = jdbc.queryForObject("SELECT id FROM person WHERE username = 'researcher'", Long.class);
        CockpitDemoData demo = new CockpitDemoData(jdbc, 20261130L);
        demo.generate(400, 3, now, hospitals, researcher);
        SignIn.asAdministrator();
        demo.openTasks(runtime, tasks, 40, now);
        new SignIn(users).as("staff");
        CockpitFigures figures = cockpit.figures(ReportingPeriod.lastTwelveMonths(clock, ZoneOffset.UTC));
        SignIn.out();
        assertThat(figures.overdueTasks()).as("the demo has overdue tasks").isPositive();

        browser = new Browser(port);
        browser.signIn("staff", "demo");
        assertThat(browser.text("vaadin-side-nav")).contains("Cockpit");
        browser.open("/cockpit");
        browser.find("#cockpit-stages-table");
        // Chart.js came from the webjar and drew every chart.
        browser.waitForText("#cockpit-tasks-title", "Tasks by due date");
        for (String chart : List.of("#cockpit-proposals-chart", "#cockpit-tasks-chart", "#cockpit-stages-chart")) {
            for (int i = 0; i < 300 && !drawn(chart); i++) {
                Thread.sleep(100);
            }
            assertThat(drawn(chart)).as("Chart.js drew " + chart).isTrue();
            assertThat(browser.find(chart + " canvas").getAttribute("aria-label")).isNotBlank();
        }
        assertThat(browser.text("#cockpit-overdue")).contains(Long.toString(figures.overdueTasks()), "Overdue");
        assertThat(browser.text("#cockpit-proposals-table")).contains("Under patient and ethics review\t"
                + figures.proposals(ProposalStatus.UNDER_REVIEW));
        browser.resize(1400, 2000);
        browser.screenshotAt("cockpit", "#cockpit");
        browser.resize(1280, 1000);

        // A figure leads to its list; the filter is in the address, and back returns to the cockpit.
        browser.click("#cockpit-overdue a");
        browser.waitForText("#cockpit-task-list-total", "Rows: " + figures.overdueTasks());
        assertThat(browser.currentPath()).isEqualTo("/cockpit/tasks");
        assertThat((String) browser.js("return location.search;")).isEqualTo("?due=overdue");
        browser.screenshot("cockpit-tasks");
        String csv = (String) browser.js("const a = document.querySelector('#cockpit-task-list-export');"
                + " return fetch(a.href).then(r => r.text());");
        // The browser may hand the text back with its CRLF line ends normalised, so count lines either way.
        assertThat(csv.lines()).hasSize((int) figures.overdueTasks() + 1);
        assertThat(csv).startsWith("reference,proposal_title,task,step,created_at_utc,due_at_utc,assignee,offered_to");
        browser.js("history.back();");
        browser.settle();
        browser.find("#cockpit-stages-table");
        assertThat(browser.currentPath()).isEqualTo("/cockpit");

        browser.click(browser.findAll("#cockpit-proposals-table a").get(2));
        browser.waitForText("#cockpit-proposal-list-total", "Rows: " + figures.proposals(ProposalStatus.UNDER_REVIEW));
        assertThat((String) browser.js("return location.search;")).isEqualTo("?status=UNDER_REVIEW");
        browser.screenshot("cockpit-proposals");

        browser.open("/cockpit/stages?stage=review");
        browser.find("#cockpit-stage-list-grid");
        browser.screenshot("cockpit-stage-list");

        browser.signOut();
        browser.signIn("researcher", "demo");
        assertThat(browser.text("vaadin-side-nav")).doesNotContain("Cockpit");
        browser.open("/cockpit");
        assertThat(browser.findAll("#cockpit")).isEmpty();
    }

    private static boolean drawn(String chart) {
        return Boolean.TRUE.equals(browser.js("const c = document.querySelector(arguments[0]);"
                + " return !!(window.Chart && c && c.$chart);", chart));
    }
}
