package org.consilium.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.SignIn;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Invitations end to end below the screens: the e-mail goes through the outbox to an SMTP server (GreenMail) with
 * the link; the invitee opens it and chooses a username and password; a link works once, until it expires, unless
 * it is revoked or replaced; each step is in the audit trail.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3127",
        "consilium.invitations.link-base=https://consilium.example.org/"})
class InvitationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3127, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Pattern LINK = Pattern.compile("https://consilium\\.example\\.org/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    InvitationService invitations;
    @Autowired
    MemberService members;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    private MemberFixtures fixtures;
    private OrganisationSummary hospital;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    @BeforeEach
    void world() {
        fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Invitation Hospital", OrganisationType.HOSPITAL);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String address() {
        return "invitee-" + run + "-" + (++sequence) + "@test.example";
    }

    private IssuedInvitation invite(String email, String language, Role... roles) {
        SignIn.asAdministrator();
        try {
            return invitations.invite(new NewInvitation(email, "Inès Invitée", hospital.id(),
                    EnumSet.copyOf(Arrays.asList(roles)), language));
        } finally {
            SignIn.out();
        }
    }

    /** The token in the last e-mail received for an address. */
    private String tokenMailedTo(String email) throws Exception {
        MimeMessage mail = mailsTo(email).get(mailsTo(email).size() - 1);
        Matcher link = LINK.matcher((String) mail.getContent());
        assertThat(link.find()).as("the link in the e-mail").isTrue();
        return link.group(1);
    }

    private List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(email))) {
                found.add(m);
            }
        }
        return found;
    }

    private List<AuditEntry> trail(String record) {
        SignIn.asAdministrator();
        try {
            return audit.find(new AuditFilter(null, record, null, null, null), 0, 100);
        } finally {
            SignIn.out();
        }
    }

    private InvitationRefused.Reason refusalOf(Runnable call) {
        try {
            call.run();
        } catch (InvitationRefused refused) {
            return refused.reason();
        }
        throw new AssertionError("the invitation was not refused");
    }

    @Test
    void an_invitee_follows_the_emailed_link_and_becomes_an_active_person_with_the_invited_roles() throws Exception {
        String email = address();
        IssuedInvitation issued = invite(email, "fr", Role.RESEARCHER, Role.SIGNATORY);
        assertThat(issued.emailed()).isTrue();

        MimeMessage mail = mailsTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Votre invitation à Consilium");
        assertThat((String) mail.getContent()).contains("Bonjour Inès Invitée", hospital.name(), "Chercheur, Signataire",
                "une seule fois");
        String token = tokenMailedTo(email);
        assertThat(issued.link()).endsWith("/invitation/" + token);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invitation WHERE token_hash = ?", Integer.class, token))
                .as("the token itself is not stored").isZero();
        assertThat(jdbc.queryForObject("SELECT token_hash FROM invitation WHERE id = ?", String.class, issued.id()))
                .isEqualTo(InvitationTokens.hash(token)).hasSize(64);

        InvitationOpening opening = invitations.open(token);
        assertThat(opening.fullName()).isEqualTo("Inès Invitée");
        assertThat(opening.organisation()).isEqualTo(hospital.name());
        assertThat(opening.roles()).containsExactlyInAnyOrder(Role.RESEARCHER, Role.SIGNATORY);
        assertThat(opening.suggestedUsername()).isEqualTo(email.substring(0, email.indexOf('@')));
        assertThat(opening.expiresAt()).isAfter(Instant.now().plus(java.time.Duration.ofDays(6)));

        String username = "ines-" + run;
        PersonSummary person = invitations.accept(token, username, "a long enough secret 42", null);
        assertThat(person.fullName()).isEqualTo("Inès Invitée");
        SignInAccount account = members.findAccount(username).orElseThrow();
        assertThat(account.active()).isTrue();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.RESEARCHER, Role.SIGNATORY);
        assertThat(account.organisationId()).isEqualTo(hospital.id());
        assertThat(jdbc.queryForObject("SELECT language FROM person WHERE username = ?", String.class, username))
                .as("the invitation's language").isEqualTo("fr");
        assertThat(users.loadUserByUsername(username).isEnabled()).isTrue();

        assertThat(trail("invitation #" + issued.id())).extracting(AuditEntry::kind)
                .contains("INVITATION_SENT", "INVITATION_ACCEPTED");
        assertThat(trail(username)).filteredOn(e -> e.kind().equals("PERSON_REGISTERED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo(username);
                    assertThat(e.summary()).contains("invitation #" + issued.id());
                });
        SignIn.asAdministrator();
        assertThat(invitations.invitations(false, 0, 200)).filteredOn(i -> i.id().equals(issued.id())).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InvitationState.USED));
        assertThat(invitations.invitations(true, 0, 200)).extracting(InvitationRow::id).doesNotContain(issued.id());
    }

    @Test
    void a_link_works_once() throws Exception {
        String email = address();
        IssuedInvitation issued = invite(email, "en", Role.RESEARCHER);
        String token = tokenMailedTo(email);
        assertThat(mailsTo(email).get(0).getSubject()).isEqualTo("Your invitation to Consilium");
        invitations.accept(token, "once-" + run, "a long enough secret 42", "en");

        assertThat(refusalOf(() -> invitations.open(token))).isEqualTo(InvitationRefused.Reason.USED);
        assertThat(refusalOf(() -> invitations.accept(token, "twice-" + run, "a long enough secret 42", "en")))
                .isEqualTo(InvitationRefused.Reason.USED);
        assertThat(members.findAccount("twice-" + run)).isEmpty();
        assertThat(trail("invitation #" + issued.id())).filteredOn(e -> e.kind().equals("INVITATION_REFUSED"))
                .hasSize(2).allSatisfy(e -> assertThat(e.summary()).contains("but is used"));
    }

    @Test
    void a_wrong_or_malformed_link_is_refused_as_unknown() {
        String wellFormed = InvitationTokens.newToken();
        for (String token : new String[] {wellFormed, "", null, "short", "x".repeat(10_000), wellFormed + "=",
                "../../admin/people", "<script>alert(1)</script>"}) {
            assertThat(refusalOf(() -> invitations.open(token))).as(String.valueOf(token)).isEqualTo(InvitationRefused.Reason.UNKNOWN);
            assertThat(refusalOf(() -> invitations.accept(token, "nobody-" + run, "a long enough secret 42", null)))
                    .isEqualTo(InvitationRefused.Reason.UNKNOWN);
        }
        assertThat(members.findAccount("nobody-" + run)).isEmpty();
    }

    @Test
    void an_expired_link_is_refused_and_sending_the_invitation_again_gives_a_new_link_that_replaces_it() throws Exception {
        String email = address();
        IssuedInvitation issued = invite(email, "en", Role.RESEARCHER);
        String first = tokenMailedTo(email);
        jdbc.update("UPDATE invitation SET expires_at = ? WHERE id = ?",
                LocalDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC), issued.id());
        assertThat(refusalOf(() -> invitations.open(first))).isEqualTo(InvitationRefused.Reason.EXPIRED);
        assertThat(refusalOf(() -> invitations.accept(first, "late-" + run, "a long enough secret 42", null)))
                .isEqualTo(InvitationRefused.Reason.EXPIRED);
        SignIn.asAdministrator();
        assertThat(invitations.invitations(true, 0, 200)).filteredOn(i -> i.id().equals(issued.id())).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(InvitationState.EXPIRED));

        IssuedInvitation again = invitations.resend(issued.id());
        SignIn.out();
        assertThat(mailsTo(email)).hasSize(2);
        String second = tokenMailedTo(email);
        assertThat(second).isNotEqualTo(first);
        assertThat(again.expiresAt()).isAfter(Instant.now());
        assertThat(refusalOf(() -> invitations.open(first))).as("the first link is replaced")
                .isEqualTo(InvitationRefused.Reason.UNKNOWN);
        assertThat(invitations.open(second).email()).isEqualTo(email);
        assertThat(trail("invitation #" + issued.id())).filteredOn(e -> e.kind().equals("INVITATION_RESENT"))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("had expired"));
    }

    @Test
    void a_revoked_invitation_is_refused_and_cannot_be_sent_again() throws Exception {
        String email = address();
        IssuedInvitation issued = invite(email, "en", Role.PATIENT_REPRESENTATIVE);
        String token = tokenMailedTo(email);
        SignIn.asAdministrator();
        invitations.revoke(issued.id(), "Invited to the wrong organisation");
        assertThatThrownBy(() -> invitations.revoke(issued.id(), "again")).isInstanceOf(MemberNotValid.class)
                .hasMessageContaining("revoked");
        assertThatThrownBy(() -> invitations.resend(issued.id())).isInstanceOf(MemberNotValid.class);
        SignIn.out();

        assertThat(refusalOf(() -> invitations.open(token))).isEqualTo(InvitationRefused.Reason.REVOKED);
        assertThat(refusalOf(() -> invitations.accept(token, "revoked-" + run, "a long enough secret 42", null)))
                .isEqualTo(InvitationRefused.Reason.REVOKED);
        assertThat(trail("invitation #" + issued.id())).filteredOn(e -> e.kind().equals("INVITATION_REVOKED"))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("Invited to the wrong organisation"));
        SignIn.asAdministrator();
        assertThat(invitations.invitations(false, 0, 200)).filteredOn(i -> i.id().equals(issued.id())).singleElement()
                .satisfies(i -> {
                    assertThat(i.state()).isEqualTo(InvitationState.REVOKED);
                    assertThat(i.revokedBy()).isEqualTo("test-admin");
                });
        assertThat(invitations.invite(new NewInvitation(email, "Inès Invitée", hospital.id(),
                EnumSet.of(Role.RESEARCHER), "en")).id()).as("a new invitation after a revoked one").isNotNull();
    }

    @Test
    void an_invitation_to_an_organisation_deactivated_since_is_refused() throws Exception {
        OrganisationSummary closing = fixtures.organisation("Closing Clinic", OrganisationType.HOSPITAL);
        String email = address();
        SignIn.asAdministrator();
        invitations.invite(new NewInvitation(email, "Late Joiner", closing.id(), EnumSet.of(Role.RESEARCHER), "en"));
        members.deactivateOrganisation(closing.id(), "Left the foundation");
        SignIn.out();
        String token = tokenMailedTo(email);
        assertThat(refusalOf(() -> invitations.open(token))).isEqualTo(InvitationRefused.Reason.ORGANISATION_INACTIVE);
        SignIn.asAdministrator();
        assertThatThrownBy(() -> invitations.invite(new NewInvitation(address(), "Another", closing.id(),
                EnumSet.of(Role.RESEARCHER), "en"))).isInstanceOf(MemberNotValid.class).extracting("field")
                .isEqualTo("organisation");
    }

    @Test
    void the_invitee_is_told_which_field_is_wrong_and_the_link_still_works_afterwards() throws Exception {
        String email = address();
        invite(email, "en", Role.RESEARCHER);
        String token = tokenMailedTo(email);
        String taken = fixtures.person("Already There", hospital, Role.RESEARCHER);
        assertThatThrownBy(() -> invitations.accept(token, "Not Valid!", "a long enough secret 42", null))
                .isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("username");
        assertThatThrownBy(() -> invitations.accept(token, taken, "a long enough secret 42", null))
                .isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("username");
        for (String weak : new String[] {"short", "password1234", "aaaaaaaaaaaaaaaa", "my-name-is-ines-" + run}) {
            assertThatThrownBy(() -> invitations.accept(token, "ines-" + run, weak, null))
                    .isInstanceOf(MemberNotValid.class).extracting("field").isEqualTo("password");
        }
        assertThat(invitations.open(token).fullName()).isEqualTo("Inès Invitée");
        assertThat(invitations.accept(token, "ines-" + run, "a long enough secret 42", null)).isNotNull();
    }

    @Test
    void nobody_is_invited_twice_nor_someone_who_has_an_account() {
        String email = address();
        invite(email, "en", Role.RESEARCHER);
        SignIn.asAdministrator();
        assertThatThrownBy(() -> invitations.invite(new NewInvitation(email.toUpperCase(), "Again", hospital.id(),
                EnumSet.of(Role.RESEARCHER), "en"))).isInstanceOf(MemberNotValid.class)
                .hasMessageContaining("waiting to be used");
        String existing = fixtures.person("Has Account", hospital, Role.RESEARCHER);
        SignIn.asAdministrator();
        assertThatThrownBy(() -> invitations.invite(new NewInvitation(existing + "@test.example", "Has Account",
                hospital.id(), EnumSet.of(Role.RESEARCHER), "en"))).isInstanceOf(MemberNotValid.class)
                .hasMessageContaining("already has an account");
        for (NewInvitation bad : List.of(new NewInvitation("not-an-address", "X", hospital.id(), EnumSet.of(Role.RESEARCHER), "en"),
                new NewInvitation(address(), " ", hospital.id(), EnumSet.of(Role.RESEARCHER), "en"),
                new NewInvitation(address(), "y".repeat(201), hospital.id(), EnumSet.of(Role.RESEARCHER), "en"),
                new NewInvitation(address(), "Y", null, EnumSet.of(Role.RESEARCHER), "en"),
                new NewInvitation(address(), "Y", hospital.id(), EnumSet.noneOf(Role.class), "en"))) {
            assertThatThrownBy(() -> invitations.invite(bad)).as(bad.toString()).isInstanceOf(MemberNotValid.class);
        }
    }

    @Test
    void only_administrators_invite_list_send_again_and_revoke() {
        IssuedInvitation issued = invite(address(), "en", Role.RESEARCHER);
        String staff = fixtures.person("Staff Member", hospital, Role.STAFF);
        new SignIn(users).as(staff);
        assertThatThrownBy(() -> invitations.invite(new NewInvitation(address(), "X", hospital.id(),
                EnumSet.of(Role.RESEARCHER), "en"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invitations(true, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.countInvitations(true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.resend(issued.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.revoke(issued.id(), "no")).isInstanceOf(AccessDeniedException.class);
    }
}
