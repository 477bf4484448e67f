package org.consilium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suites that need something outside the JVM. On a laptop without it they skip, saying why; where
 * the system property says {@code required} (as {@code .ci/run} sets it) they fail instead.
 */
public final class Suites {

    public static final String MARIADB_HOST = System.getProperty("consilium.it.mariadb.host", "127.0.0.1");
    public static final int MARIADB_PORT = Integer.getInteger("consilium.it.mariadb.port", 3306);
    public static final String MARIADB_USER = System.getProperty("consilium.it.mariadb.user", "root");
    public static final String MARIADB_PASSWORD = System.getProperty("consilium.it.mariadb.password", "");
    public static final String MARIADB_DATABASE = System.getProperty("consilium.it.mariadb.database", "consilium_test");

    public static final Path CHROMIUM = Path.of(System.getProperty("consilium.it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("consilium.it.chromedriver", "/usr/bin/chromedriver"));

    private static boolean mariaDbReset;

    private Suites() {
    }

    /** Points a Spring test context at the test database, with attachments in a temporary folder. */
    public static void useMariaDb(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Suites::mariaDbUrl);
        registry.add("spring.datasource.username", () -> MARIADB_USER);
        registry.add("spring.datasource.password", () -> MARIADB_PASSWORD);
        registry.add("consilium.attachments.directory",
                () -> System.getProperty("java.io.tmpdir") + "/consilium-test-attachments");
    }

    public static String mariaDbUrl() {
        return "jdbc:mysql://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + MARIADB_DATABASE
                + "?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8";
    }

    private static ConditionEvaluationResult decide(String suite, String property, String missing) {
        if (missing == null) {
            return ConditionEvaluationResult.enabled(suite + " available");
        }
        if ("required".equals(System.getProperty(property))) {
            throw new IllegalStateException(suite + " is required (-D" + property + "=required) but " + missing);
        }
        return ConditionEvaluationResult.disabled("SKIPPED: " + suite + " not available (" + missing
                + "); run with -D" + property + "=required to make it mandatory");
    }

    /** Needs MariaDB/MySQL; drops and recreates the test database once per JVM, so every run starts empty. */
    public static class MariaDb implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String server = "jdbc:mysql://" + MARIADB_HOST + ":" + MARIADB_PORT + "/?connectTimeout=3000";
            try (Connection connection = DriverManager.getConnection(server, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                synchronized (Suites.class) {
                    if (!mariaDbReset) {
                        statement.execute("DROP DATABASE IF EXISTS `" + MARIADB_DATABASE + "`");
                        statement.execute("CREATE DATABASE `" + MARIADB_DATABASE
                                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                        mariaDbReset = true;
                    }
                }
                return decide("MariaDB", "consilium.it.mariadb", null);
            } catch (SQLException e) {
                return decide("MariaDB", "consilium.it.mariadb", "cannot connect to " + server + ": " + e.getMessage());
            }
        }
    }

    /** Needs Debian's Chromium and chromedriver. */
    public static class Browser implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                    : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing" : null;
            return decide("Chromium", "consilium.it.browser", missing);
        }
    }

    /**
     * Stops and restarts the local MariaDB server: only where that is allowed (CI sets
     * -Dconsilium.it.outage=required); skipped everywhere else, so a laptop's database is never stopped.
     */
    public static class Outage implements ExecutionCondition {

        public static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!"required".equals(System.getProperty("consilium.it.outage"))) {
                return ConditionEvaluationResult.disabled("SKIPPED: the database outage test stops the local"
                        + " MariaDB server; it runs only with -Dconsilium.it.outage=required (as .ci/run sets)");
            }
            return decide("Database outage", "consilium.it.outage",
                    Files.isExecutable(MARIADBD) ? null : MARIADBD + " is missing");
        }
    }
}
