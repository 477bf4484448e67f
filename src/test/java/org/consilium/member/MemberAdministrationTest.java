package org.consilium.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.consilium.SignIn;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Administrators register people (password policy), change roles and deactivate; audited; sessions end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class MemberAdministrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MemberService members;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private Long idOf(String username) {
        return members.personIdOf(username).orElseThrow();
    }

    @Test
    void registration_follows_the_password_policy_and_says_which_field_is_wrong() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary hospital = fixtures.organisation("Policy Hospital", OrganisationType.HOSPITAL);
        SignIn.asAdministrator();
        for (var bad : new String[][] {{"short", "password"}, {"password1234", "password"},
                {"aaaaaaaaaaaaaaa", "password"}, {"newperson-2026-x", "password"}}) {
            assertThatThrownBy(() -> members.registerPerson(new NewPerson("newperson", "New Person",
                    "new@example.org", bad[0], hospital.id(), Set.of(Role.RESEARCHER))))
                    .isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo(bad[1]);
        }
        assertThatThrownBy(() -> members.registerPerson(new NewPerson("Bad Name!", "New Person", "new@example.org",
                "a-long-enough-secret", hospital.id(), Set.of(Role.RESEARCHER)))).extracting("field")
                .isEqualTo("username");
        assertThatThrownBy(() -> members.registerPerson(new NewPerson("newperson", "New Person", "not-an-email",
                "a-long-enough-secret", hospital.id(), Set.of(Role.RESEARCHER)))).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> members.registerPerson(new NewPerson("newperson", "New Person", "new@example.org",
                "a-long-enough-secret", null, Set.of(Role.RESEARCHER)))).extracting("field").isEqualTo("organisation");
        assertThatThrownBy(() -> members.registerPerson(new NewPerson("newperson", "New Person", "new@example.org",
                "a-long-enough-secret", hospital.id(), Set.of()))).extracting("field").isEqualTo("roles");
        assertThatThrownBy(() -> members.registerPerson(new NewPerson("staff", "Another Staff", "s@example.org",
                "a-long-enough-secret", hospital.id(), Set.of(Role.STAFF)))).hasMessageContaining("taken");
    }

    @Test
    void only_administrators_manage_people() {
        new SignIn(users).as("staff");
        assertThatThrownBy(() -> members.people("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.deactivate(idOf("researcher2"), "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.changeRoles(idOf("researcher2"), EnumSet.of(Role.STAFF), "no"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void role_changes_and_deactivation_are_audited_and_end_the_persons_sessions() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        String username = fixtures.person("Leaving Soon", fixtures.organisation("Leaving Hospital",
                OrganisationType.HOSPITAL), Role.RESEARCHER);

        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(fixtures.password(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/proposals")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("signed in").isEqualTo(200);

        SignIn.asAdministrator();
        members.changeRoles(idOf(username), EnumSet.of(Role.RESEARCHER, Role.SIGNATORY), "Also signs for the hospital");
        HttpResponse<Void> afterChange = browser.send(HttpRequest.newBuilder(URI.create(base + "/proposals")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(afterChange.statusCode()).as("the session ended with the role change").isEqualTo(302);
        assertThat(afterChange.headers().firstValue("Location")).get().asString().contains("/login");

        members.deactivate(idOf(username), "Left the hospital");
        assertThatThrownBy(() -> members.deactivate(idOf(username), "again")).isInstanceOf(MemberNotValid.class);
        assertThat(members.findAccount(username).orElseThrow().active()).isFalse();
        HttpResponse<Void> signInAgain = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(fixtures.password(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signInAgain.headers().firstValue("Location")).get().asString().contains("error");

        var entries = audit.find(new AuditFilter(null, username, null, null, null), 0, 50);
        assertThat(entries).extracting(AuditEntry::kind).contains("PERSON_REGISTERED", "SIGN_IN", "ROLES_CHANGED",
                "PERSON_DEACTIVATED", "SIGN_IN_FAILED");
        assertThat(entries).filteredOn(e -> e.kind().equals("ROLES_CHANGED")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Also signs for the hospital"));
    }
}
