package org.consilium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.consilium.SignIn;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/** Sign-in over HTTP and through the application's authentication manager: headers, session, throttling. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class SignInSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    MemberService members;
    @Autowired
    AuditService audit;
    @Autowired
    SignInThrottle throttle;

    @Test
    void every_response_carries_the_security_headers_and_a_protected_session_cookie() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var headers = login.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'self'");
        assertThat(headers.firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).get().asString().contains("camera=()");
        assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(headers.allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> protectedPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/audit")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(protectedPage.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void signing_in_gives_a_new_session() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        String before = session(cookies);
        assertThat(before).isNotNull();

        HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode("staff", StandardCharsets.UTF_8)
                        + "&password=demo")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(session(cookies)).as("session fixation: the id changes at sign-in").isNotEqualTo(before);
    }

    @Test
    void repeated_failures_lock_the_account_for_a_while_and_are_recorded() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        String username = fixtures.person("Guessed At", fixtures.organisation("Throttle Hospital",
                OrganisationType.HOSPITAL), Role.RESEARCHER);
        AuthenticationManager manager = authentication.getAuthenticationManager();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> manager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.isLocked(username)).isTrue();
        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, fixtures.password())))
                .as("even the right password is refused while locked").isInstanceOf(LockedException.class);

        SignIn.asAdministrator();
        try {
            var entries = audit.find(new AuditFilter(null, username, null, null, null), 0, 50);
            assertThat(entries).extracting(AuditEntry::kind).contains("ACCOUNT_LOCKED", "SIGN_IN_FAILED");
            assertThat(entries).filteredOn(e -> e.kind().equals("SIGN_IN_FAILED")).hasSize(6);
        } finally {
            SignIn.out();
        }

        throttle.reset(username);
        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                fixtures.password())).isAuthenticated()).isTrue();
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
