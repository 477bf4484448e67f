package org.consilium.perf;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.consilium.Suites;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person waits for in Chromium: from asking for a screen until its first rows are on the page and
 * Vaadin has nothing in flight. Two ways in: opening the address (a full page load, the Vaadin client
 * starting) and moving there from another screen through the side navigation (one server round trip).
 */
final class BrowserTimes {

    /** A screen as a browser opens it: who, which route, and the element that holds its rows. */
    record Route(String name, String username, String path, String navPath, String rows) {
    }

    private BrowserTimes() {
    }

    static String measure(String baseUrl, Screens.Subjects who, int rounds) {
        List<Route> routes = List.of(
                new Route("Task inbox (staff)", who.staff(), "/inbox", "inbox", "#task-inbox"),
                new Route("My proposals (busiest researcher)", who.busiestResearcher(), "/proposals", "proposals",
                        "#my-proposals"),
                new Route("Audit trail", who.staff(), "/audit", "audit", "#audit-trail"),
                new Route("People", who.administrator(), "/admin/people", "admin/people", "#people"),
                new Route("Proposal page (longest history)", who.staff(), "/proposals/" + who.longHistoryProposal(),
                        null, "#current-tasks"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Suites.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Suites.CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        StringBuilder out = new StringBuilder("Chromium (headless), " + rounds + " openings each after one unmeasured"
                + " opening; ms from the request to the first rows shown and Vaadin idle:\n\n"
                + "| screen | full page load p50 | p95 | in-app navigation p50 | p95 |\n|---|---:|---:|---:|---:|\n");
        try {
            for (Route route : routes) {
                signIn(driver, baseUrl, route.username());
                double[] loads = new double[rounds];
                double[] moves = new double[rounds];
                open(driver, baseUrl + route.path(), route.rows());
                for (int i = 0; i < rounds; i++) {
                    loads[i] = open(driver, baseUrl + route.path(), route.rows());
                    if (route.navPath() != null) {
                        open(driver, baseUrl + "/agreements/verify", "vaadin-side-nav");
                        moves[i] = navigate(driver, route.navPath(), route.rows());
                    }
                }
                out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s |%n", route.name(), p(loads, 50),
                        p(loads, 95), route.navPath() == null ? "—" : String.format(Locale.ROOT, "%.0f", p(moves, 50)),
                        route.navPath() == null ? "—" : String.format(Locale.ROOT, "%.0f", p(moves, 95))));
            }
        } finally {
            driver.quit();
        }
        return out.toString();
    }

    private static void signIn(ChromeDriver driver, String baseUrl, String username) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(ProposalGenerator.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        settled(driver, "vaadin-side-nav");
    }

    private static double open(ChromeDriver driver, String url, String rows) {
        long start = System.nanoTime();
        driver.get(url);
        settled(driver, rows);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double navigate(ChromeDriver driver, String path, String rows) {
        long start = System.nanoTime();
        ((JavascriptExecutor) driver).executeScript("""
                const item = [...document.querySelectorAll('vaadin-side-nav-item')]
                    .find(i => (i.getAttribute('path') || '').replace(/^\\//, '') === arguments[0]);
                (item.shadowRoot && item.shadowRoot.querySelector('a') || item).click();""", path);
        settled(driver, rows);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Until the element is there, a grid in it has its size and no fetch in flight, and Vaadin is idle. */
    private static void settled(ChromeDriver driver, String css) {
        new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(10)).until(d ->
                Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                        const el = document.querySelector(arguments[0]);
                        if (!el) { return false; }
                        const grid = el.tagName === 'VAADIN-GRID' ? el : el.querySelector('vaadin-grid');
                        if (grid && (grid.hasAttribute('loading') || !(grid.size > 0))) { return false; }
                        const flow = window.Vaadin && window.Vaadin.Flow;
                        return !!flow && !!flow.clients
                            && Object.values(flow.clients).every(c => !c.isActive || !c.isActive());""", css)));
    }

    private static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return FirstPageBenchmark.percentile(sorted, percentile);
    }
}
