package org.consilium.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A walk through the portal in Chromium: the test class opens {@link #browser} when it needs it; a screenshot of
 * where each test ended (target/screenshots/last-&lt;test&gt;.png, the first thing to look at when one fails), and the
 * browser is closed after the class.
 */
abstract class BrowserWalk {

    static Browser browser;

    @AfterEach
    void screenshotOnFailure(TestInfo info) {
        if (browser != null) {
            browser.screenshot("last-" + info.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
