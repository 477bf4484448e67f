package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.consilium.SignIn;
import org.consilium.Suites;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away while people work: their action fails with a clear message (not a stack trace),
 * and once the server is back the portal works again without a restart. Stops the local MariaDB server,
 * so it runs only where .ci/run allows it.
 */
@ExtendWith({Suites.MariaDb.class, Suites.Outage.class})
@SpringBootTest(properties = {"spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000"})
@ActiveProfiles("mysql")
class DatabaseOutageIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        Suites.useMariaDb(registry);
    }

    @Autowired
    MemberService members;

    @Autowired
    FriendlyErrors friendlyErrors;

    @Test
    void an_action_during_an_outage_gets_a_clear_message_and_the_portal_recovers_without_a_restart()
            throws Exception {
        SignIn.asAdministrator();
        try {
            OrganisationSummary before = members.registerOrganisation("Before the outage", "NL", OrganisationType.HOSPITAL);
            assertThat(before.id()).isNotNull();

            Instant stopped = Instant.now();
            stopServer();
            try {
                Throwable failure = catchThrowable(() -> members.registerOrganisation("During the outage", "NL",
                        OrganisationType.HOSPITAL));
                assertThat(failure).as("the action fails while the database is down").isNotNull();
                assertThat(friendlyErrors.messageFor(failure, Translations.ENGLISH)).isEqualTo("The database cannot be reached just now."
                        + " Nothing was lost on this page: try again in a moment.");
                assertThat(Duration.between(stopped, Instant.now())).as("the failure is quick, not a hang")
                        .isLessThan(Duration.ofSeconds(30));
            } finally {
                startServer();
            }

            OrganisationSummary after = members.registerOrganisation("After the outage", "NL", OrganisationType.HOSPITAL);
            assertThat(after.id()).isGreaterThan(before.id());
            assertThat(members.organisationNames(java.util.List.of(before.id(), after.id())))
                    .containsValues("Before the outage", "After the outage").doesNotContainValue("During the outage");
        } finally {
            SignIn.out();
        }
    }

    private static void stopServer() throws Exception {
        try (Connection root = DriverManager.getConnection(serverUrl(), Suites.MARIADB_USER, Suites.MARIADB_PASSWORD)) {
            root.createStatement().execute("SHUTDOWN");
        }
        waitFor(false, Duration.ofSeconds(30));
    }

    /** Starts the server once the old process has really gone (start-stop-daemon would see it and do nothing). */
    private static void startServer() throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (running() && Instant.now().isBefore(until)) {
            Thread.sleep(250);
        }
        new ProcessBuilder("start-stop-daemon", "--start", "--oknodo", "--background", "--exec",
                Suites.Outage.MARIADBD.toString()).inheritIO().start().waitFor();
        waitFor(true, Duration.ofSeconds(60));
    }

    private static boolean running() throws Exception {
        return new ProcessBuilder("start-stop-daemon", "--status", "--exec", Suites.Outage.MARIADBD.toString())
                .start().waitFor() == 0;
    }

    private static void waitFor(boolean up, Duration limit) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (reachable() == up) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("MariaDB did not " + (up ? "start" : "stop") + " within " + limit);
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection(serverUrl(), Suites.MARIADB_USER, Suites.MARIADB_PASSWORD)) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + Suites.MARIADB_HOST + ":" + Suites.MARIADB_PORT + "/?connectTimeout=1000";
    }
}
