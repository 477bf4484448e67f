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
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired
    InvitationService invitations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PreferenceService preferences;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private Long idOf(String username) {
        return members.personIdOf(username).orElseThrow();
    }

    @Test
    void organisation_names_are_read_by_id_and_an_unknown_id_or_an_empty_list_gives_nothing() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary hospital = fixtures.organisation("Names Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary patients = fixtures.organisation("Names Patients' Group", OrganisationType.PATIENT_ORGANISATION);

        assertThat(members.organisationNames(List.of(hospital.id(), patients.id(), -1L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(hospital.id(), hospital.name(),
                        patients.id(), patients.name()));
        assertThat(members.organisationNames(List.of())).isEmpty();
    }

    /** The lists by id that are read by SQL (docs/performance.md, lifecycle "Seventh round"), on several ids. */
    @Test
    void people_by_organisation_and_role_summaries_and_preferences_are_read_for_several_ids_at_once() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary first = fixtures.organisation("Lists Patients A", OrganisationType.PATIENT_ORGANISATION);
        OrganisationSummary second = fixtures.organisation("Lists Patients B", OrganisationType.PATIENT_ORGANISATION);
        OrganisationSummary nobody = fixtures.organisation("Lists Patients C", OrganisationType.PATIENT_ORGANISATION);
        String ada = fixtures.person("Ada One", first, Role.PATIENT_REPRESENTATIVE);
        Long a1 = idOf(ada);
        Long a2 = idOf(fixtures.person("Ada Two", first, Role.PATIENT_REPRESENTATIVE, Role.SIGNATORY));
        Long aSignatory = idOf(fixtures.person("Ada Signs", first, Role.SIGNATORY));
        Long b1 = idOf(fixtures.person("Ben One", second, Role.PATIENT_REPRESENTATIVE));
        Long bGone = idOf(fixtures.person("Ben Gone", second, Role.PATIENT_REPRESENTATIVE));
        SignIn.asAdministrator();
        members.deactivate(bGone, "Left the group");
        SignIn.out();

        assertThat(members.activePeopleOfOrganisationsWithRole(List.of(first.id(), second.id(), nobody.id()),
                Role.PATIENT_REPRESENTATIVE)).isEqualTo(Map.of(first.id(), Set.of(a1, a2), second.id(), Set.of(b1),
                nobody.id(), Set.of()));
        assertThat(members.activePeopleOfOrganisationsWithRole(List.of(first.id(), second.id()), Role.SIGNATORY))
                .isEqualTo(Map.of(first.id(), Set.of(a2, aSignatory), second.id(), Set.of()));

        SignIn.asAdministrator();
        assertThat(members.summaries(List.of(a1, b1, -1L))).isEqualTo(Map.of(
                a1, new PersonSummary(a1, "Ada One", first.id(), first.name()),
                b1, new PersonSummary(b1, "Ben One", second.id(), second.name())));
        SignIn.out();

        new SignIn(users).as(ada);
        preferences.choose("fr", "Europe/Paris");
        SignIn.out();
        assertThat(preferences.of(List.of(a1, b1, -1L))).isEqualTo(Map.of(a1, new Preferences("fr", "Europe/Paris"),
                b1, new Preferences(null, null), -1L, new Preferences(null, null)));
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

    // ---- organisations ---------------------------------------------------------------------------------

    private HttpResponse<Void> signInOverHttp(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private OrganisationRow row(OrganisationSummary organisation) {
        return members.organisations(new OrganisationFilter(organisation.name(), null, null, null), OrganisationSort.NAME,
                false, 0, 10).stream().filter(o -> o.id().equals(organisation.id())).findFirst().orElseThrow();
    }

    private List<AuditEntry> trail(String record) {
        return audit.find(new AuditFilter(null, record, null, null, null), 0, 50);
    }

    @Test
    void organisations_are_filtered_and_sorted_in_the_database() {
        String tag = "Sortable " + java.util.UUID.randomUUID().toString().substring(0, 8);
        SignIn.asAdministrator();
        OrganisationSummary b = members.registerOrganisation(tag + " Beta", "FR", OrganisationType.UNIVERSITY);
        OrganisationSummary a = members.registerOrganisation(tag + " Alpha", "DE", OrganisationType.PATIENT_ORGANISATION);
        OrganisationSummary c = members.registerOrganisation(tag + " Gamma", "BE", OrganisationType.HOSPITAL);
        members.deactivateOrganisation(c.id(), "Closed down");

        OrganisationFilter byName = new OrganisationFilter(tag.toLowerCase(), null, null, null);
        assertThat(members.countOrganisations(byName)).isEqualTo(3);
        assertThat(members.organisations(byName, OrganisationSort.NAME, false, 0, 10)).extracting(OrganisationRow::id)
                .containsExactly(a.id(), b.id(), c.id());
        assertThat(members.organisations(byName, OrganisationSort.NAME, true, 0, 10)).extracting(OrganisationRow::id)
                .containsExactly(c.id(), b.id(), a.id());
        assertThat(members.organisations(byName, OrganisationSort.COUNTRY, false, 0, 10)).extracting(OrganisationRow::countryCode)
                .containsExactly("BE", "DE", "FR");
        assertThat(members.organisations(byName, OrganisationSort.ACTIVE, false, 0, 10)).extracting(OrganisationRow::active)
                .containsExactly(false, true, true);
        assertThat(members.organisations(byName, OrganisationSort.NAME, false, 1, 1)).extracting(OrganisationRow::id)
                .as("a page of one, the second").containsExactly(b.id());
        assertThat(members.organisations(new OrganisationFilter(tag, "de", null, null), OrganisationSort.NAME, false, 0, 10))
                .extracting(OrganisationRow::id).containsExactly(a.id());
        assertThat(members.organisations(new OrganisationFilter(tag, null, OrganisationType.PATIENT_ORGANISATION, null),
                OrganisationSort.NAME, false, 0, 10)).singleElement().satisfies(o -> assertThat(o.patientOrganisation()).isTrue());
        assertThat(members.organisations(new OrganisationFilter(tag, null, null, false), OrganisationSort.NAME, false, 0, 10))
                .extracting(OrganisationRow::id).containsExactly(c.id());
        assertThat(members.countOrganisations(new OrganisationFilter(tag, null, null, true))).isEqualTo(2);
        assertThat(members.countOrganisations(new OrganisationFilter(tag + "%", null, null, null)))
                .as("a typed wildcard matches itself").isZero();
    }

    @Test
    void an_organisation_is_registered_and_edited_with_clear_refusals_and_audit_entries() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        SignIn.asAdministrator();
        OrganisationSummary clinic = members.registerOrganisation("Edit Clinic " + tag, "nl", OrganisationType.HOSPITAL);
        assertThat(clinic.countryCode()).isEqualTo("NL");
        assertThat(trail("organisation #" + clinic.id())).extracting(AuditEntry::kind).contains("ORGANISATION_REGISTERED");
        assertThatThrownBy(() -> members.registerOrganisation("EDIT CLINIC " + tag, "NL", OrganisationType.HOSPITAL))
                .as("names differ by case only").isInstanceOf(MemberNotValid.class)
                .hasMessage("An organisation of this name is registered already");
        for (String country : new String[] {"XX", "NLD", "", null, "1A"}) {
            assertThatThrownBy(() -> members.registerOrganisation("Edit Country " + tag, country, OrganisationType.SME))
                    .as(String.valueOf(country)).isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("countryCode");
        }
        MemberNotValid tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(MemberNotValid.class,
                () -> members.registerOrganisation("x".repeat(201), "NL", OrganisationType.SME));
        assertThat(tooLong.field()).isEqualTo("name");
        assertThat(tooLong.getMessage()).isEqualTo("Give the organisation's name (at most 200 characters)");
        assertThat(tooLong.key()).isEqualTo("admin.organisation.error.name");

        OrganisationRow before = row(clinic);
        OrganisationRow after = members.updateOrganisation(clinic.id(), before.lockVersion(), "Edit Patients " + tag, "BE",
                OrganisationType.PATIENT_ORGANISATION);
        assertThat(after.name()).isEqualTo("Edit Patients " + tag);
        assertThat(after.countryCode()).isEqualTo("BE");
        assertThat(after.patientOrganisation()).isTrue();
        assertThat(members.activePatientOrganisationIds()).as("it votes in rounds opened from now on")
                .contains(clinic.id());
        assertThat(trail("organisation #" + clinic.id())).filteredOn(e -> e.kind().equals("ORGANISATION_CHANGED"))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("Edit Clinic " + tag, "Edit Patients " + tag,
                        "NL → BE", "Hospital → Patient organisation"));
        assertThatThrownBy(() -> members.updateOrganisation(clinic.id(), before.lockVersion(), "Stale " + tag, "BE",
                OrganisationType.HOSPITAL)).as("saved over by someone else meanwhile").isInstanceOf(MemberNotValid.class)
                .extracting("field").isEqualTo("organisation");
        OrganisationSummary other = members.registerOrganisation("Edit Other " + tag, "NL", OrganisationType.SME);
        assertThatThrownBy(() -> members.updateOrganisation(other.id(), row(other).lockVersion(), "edit patients " + tag,
                "NL", OrganisationType.SME)).isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("name");
        members.updateOrganisation(clinic.id(), after.lockVersion(), after.name(), after.countryCode(), after.type());
        assertThat(trail("organisation #" + clinic.id())).filteredOn(e -> e.kind().equals("ORGANISATION_CHANGED"))
                .as("saving without a change writes nothing").hasSize(1);
    }

    @Test
    void a_deactivated_organisation_signs_its_people_out_for_good_until_it_is_reactivated() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary patients = fixtures.organisation("Closing Patients", OrganisationType.PATIENT_ORGANISATION);
        String representative = fixtures.person("Rosa Representative", patients, Role.PATIENT_REPRESENTATIVE);
        assertThat(signInOverHttp(representative, fixtures.password()).headers().firstValue("Location")).get()
                .asString().doesNotContain("error");

        SignIn.asAdministrator();
        assertThatThrownBy(() -> members.deactivateOrganisation(patients.id(), "  ")).isInstanceOf(MemberNotValid.class)
                .extracting("field").isEqualTo("reason");
        assertThat(members.deactivateOrganisation(patients.id(), "Merged into another association")).isEqualTo(1);
        assertThat(members.findAccount(representative).orElseThrow().active()).isFalse();
        assertThat(signInOverHttp(representative, fixtures.password()).headers().firstValue("Location")).get()
                .asString().contains("error");
        assertThat(members.activePatientOrganisationIds()).doesNotContain(patients.id());
        assertThat(members.activeOrganisations()).extracting(OrganisationSummary::id).doesNotContain(patients.id());
        assertThatThrownBy(() -> members.deactivateOrganisation(patients.id(), "again")).isInstanceOf(MemberNotValid.class);
        assertThat(trail("organisation #" + patients.id())).filteredOn(e -> e.kind().equals("ORGANISATION_DEACTIVATED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("Merged into another association");
                    assertThat(e.summary()).contains("1 active person can no longer sign in");
                });

        members.reactivateOrganisation(patients.id(), "Deactivated by mistake");
        assertThat(members.findAccount(representative).orElseThrow().active()).isTrue();
        assertThat(members.activePatientOrganisationIds()).contains(patients.id());
        assertThatThrownBy(() -> members.reactivateOrganisation(patients.id(), null)).isInstanceOf(MemberNotValid.class);
        assertThat(trail("organisation #" + patients.id())).extracting(AuditEntry::kind).contains("ORGANISATION_REACTIVATED");
    }

    @Test
    void administrators_cannot_deactivate_their_own_organisation_nor_the_only_foundation() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary own = fixtures.organisation("Own Office", OrganisationType.HOSPITAL);
        String administrator = fixtures.person("Ada Administrator", own, Role.ADMINISTRATOR);
        new SignIn(users).as(administrator);
        assertThatThrownBy(() -> members.deactivateOrganisation(own.id(), "oops")).isInstanceOf(MemberNotValid.class)
                .hasMessageContaining("your own organisation");

        OrganisationSummary foundation = fixtures.organisation("Only Foundation", OrganisationType.FOUNDATION);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            SignIn.asAdministrator();
            // Leave one active foundation (rolled back afterwards, as other tests rely on theirs).
            members.organisations(new OrganisationFilter(null, null, OrganisationType.FOUNDATION, true),
                    OrganisationSort.NAME, false, 0, 200).stream().filter(o -> !o.id().equals(foundation.id()))
                    .forEach(o -> members.deactivateOrganisation(o.id(), "test"));
            assertThatThrownBy(() -> members.deactivateOrganisation(foundation.id(), "test"))
                    .isInstanceOf(MemberNotValid.class).hasMessageContaining("second party to every data-access agreement");
            OrganisationRow row = row(foundation);
            assertThatThrownBy(() -> members.updateOrganisation(foundation.id(), row.lockVersion(), row.name(), "NL",
                    OrganisationType.SME)).isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("type");
        });
    }

    @Test
    void only_administrators_manage_organisations() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary org = fixtures.organisation("Guarded Org", OrganisationType.SME);
        new SignIn(users).as("staff");
        assertThatThrownBy(() -> members.organisations(OrganisationFilter.none(), OrganisationSort.NAME, false, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.countOrganisations(OrganisationFilter.none())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.updateOrganisation(org.id(), 0, "X", "NL", OrganisationType.SME))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.deactivateOrganisation(org.id(), "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.reactivateOrganisation(org.id(), "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.registerOrganisation("X", "NL", OrganisationType.SME))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void without_a_mail_server_the_invitation_link_is_given_to_the_administrator_once() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary org = fixtures.organisation("No Mail Hospital", OrganisationType.HOSPITAL);
        SignIn.asAdministrator();
        IssuedInvitation issued = invitations.invite(new NewInvitation("nomail-" + org.id() + "@test.example", "No Mail",
                org.id(), EnumSet.of(Role.RESEARCHER), "en"));
        assertThat(issued.emailed()).isFalse();
        assertThat(issued.link()).matches("http://localhost:8080/invitation/[A-Za-z0-9_-]{43}");
        SignIn.out();
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        assertThat(invitations.open(token).fullName()).isEqualTo("No Mail");
        SignIn.asAdministrator();
        assertThat(trail("invitation #" + issued.id())).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("link shown to the administrator"));
    }
}
