package org.consilium.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.consilium.Suites;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven the way a person uses the portal; knows how to wait for Vaadin. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    Browser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Suites.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=en-GB", "--accept-lang=en-GB,en");
        // The walk asserts English texts: the portal follows the browser's language, so ask for English whatever
        // the machine's locale (--lang alone does not set Accept-Language in every headless mode).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Suites.CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        baseUrl = "http://localhost:" + port;
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Vaadin re-renders while a wait looks: an element found a moment ago may be gone; look again then.
        wait.ignoring(StaleElementReferenceException.class);
    }

    void open(String path) {
        driver.get(baseUrl + path);
        settle();
    }

    /** The path shown in the address bar, without the query string. */
    String currentPath() {
        String path = driver.getCurrentUrl().substring(baseUrl.length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    void signIn(String username, String password) {
        open("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("input[name='password']"));
        pass.sendKeys(password, Keys.ENTER);
        wait.until(d -> !currentPath().startsWith("/login"));
        settle();
    }

    void signOut() {
        click(buttonWithText("Sign out"));
        wait.until(d -> currentPath().startsWith("/login"));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String fieldCss, String text) {
        WebElement input = find(fieldCss + " input, " + fieldCss + " textarea");
        // Erase as a person does: WebDriver's clear() fires no input event, so a Vaadin field would keep its old value.
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (text.length() > 200) {
            // sendKeys of long text is slow; set the value and fire the event the field listens to
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                    input, text.substring(0, text.length() - 1));
            input.sendKeys(text.substring(text.length() - 1));
        } else {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB);
        settle();
    }

    void click(String css) {
        click(find(css));
    }

    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        settle();
    }

    /**
     * Chooses in a combo box as a person does: focus it (by keyboard: the dropdown of a previous combo box may still
     * be closing over it), type the start of the label, wait for the item to be offered, click it.
     */
    void choose(String comboCss, String labelStart) {
        WebElement input = find(comboCss + " input");
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(labelStart);
        visibleWithText("vaadin-combo-box-item", labelStart).click();
        settle();
    }

    /** Waits for a displayed element matching css whose text starts with the given text (an item of an overlay). */
    WebElement visibleWithText(String css, String start) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "a visible " + css + " starting with '" + start + "'")
                .until(d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(e -> e.isDisplayed() && e.getText().strip().startsWith(start)).findFirst().orElse(null));
    }

    /** Ticks the n-th box (0-based) of a checkbox or radio group. */
    void tick(String groupCss, String itemTag, int index) {
        WebElement item = driver.findElements(By.cssSelector(groupCss + " " + itemTag)).get(index);
        click(item.findElement(By.cssSelector("label")));
    }

    void upload(String uploadCss, Path file) {
        SearchContext shadow = find(uploadCss).getShadowRoot();
        WebElement input = shadow.findElement(By.cssSelector("input[type='file']"));
        input.sendKeys(file.toAbsolutePath().toString());
        settle();
    }

    WebElement buttonWithText(String text) {
        return wait.until(d -> d.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().strip().equals(text)).findFirst().orElse(null));
    }

    /** Presses a button of the open confirmation dialog (its buttons move into the overlay when it opens). */
    void confirm(String slot) {
        WebElement button = wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='" + slot + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        click(button);
    }

    String text(String css) {
        return (String) js("return arguments[0].innerText;", find(css));
    }

    private String safeText(String css) {
        try {
            return text(css);
        } catch (RuntimeException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    boolean visible(String css) {
        return !findAll(css).isEmpty() && findAll(css).get(0).isDisplayed();
    }

    void waitForText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "'" + expected + "' in " + css + ", which reads: " + safeText(css)).until(d -> {
            try {
                return text(css).contains(expected);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** A screenshot of the page from its top, without the notifications of earlier steps. */
    Path screenshot(String name) {
        return screenshotAt(name, ".page");
    }

    /** A screenshot with the element {@code css} at the top of the window. */
    Path screenshotAt(String name, String css) {
        js("document.querySelectorAll('vaadin-notification-card').forEach(n => n.remove());"
                + "const target = document.querySelector(arguments[0]); if (target) { target.scrollIntoView(); }",
                css);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Runs a script that ends by calling its last argument (the callback) with the result. */
    Object jsAsync(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The whole page, however long: the window grows to the page's height for the shot. */
    void fullPageScreenshot(Path target) {
        js("document.querySelectorAll('vaadin-notification-card').forEach(n => n.remove()); window.scrollTo(0, 0);");
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        Number height = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight,"
                + " ...Array.from(document.querySelectorAll('.page, [part=content]')).map(e => e.scrollHeight + 80));");
        resize(before.getWidth(), Math.min(6000, Math.max(before.getHeight(), height.intValue() + 100)));
        settle();
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** The element that has the keyboard focus, looking into shadow roots (a Vaadin field focuses its inner input). */
    WebElement focused() {
        return (WebElement) js("let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement)"
                + " { e = e.shadowRoot.activeElement; } return e;");
    }

    /** Waits up to 30 s for a condition the page reaches by itself; the message says what was awaited. */
    void waitUntil(java.util.function.Supplier<String> what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(d -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
        settle();
    }

    /** Waits for a navigation a click started: the address changes when the server's answer arrives. */
    void waitForPath(String path) {
        waitUntil(() -> "the path " + path + ", but it is " + currentPath(), () -> currentPath().equals(path));
    }

    /** Presses keys on whatever has the focus, as a person at the keyboard would. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        settle();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until Vaadin has no request in flight. */
    void settle() {
        wait.until(d -> Boolean.TRUE.equals(js("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return document.readyState === 'complete'; }
                return Object.values(flow.clients).every(c => !c.isActive || !c.isActive());""")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
