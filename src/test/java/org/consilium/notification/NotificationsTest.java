package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.consilium.SignIn;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.member.PersonSummary;
import org.consilium.member.PreferenceService;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalService;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.TaskInboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Tasks and decisions reach the people concerned: in the portal's bell and, with SMTP configured, by
 * e-mail (a GreenMail server here).
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    ProposalService proposals;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    TaskInboxService inbox;
    @Autowired
    NotificationService notifications;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    PreferenceService preferences;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void staff_hear_of_the_new_check_and_the_applicant_of_the_decision_in_the_portal_and_by_email() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary hospital = fixtures.organisation("Mail Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary foundation = fixtures.organisation("Mail Foundation", OrganisationType.FOUNDATION);
        String applicant = fixtures.person("Mia Mail", hospital, Role.RESEARCHER);
        String staff = fixtures.person("Sam Staff", foundation, Role.STAFF);
        SignIn signIn = new SignIn(users);

        signIn.as(applicant);
        Long id = proposals.createDraft();
        ProposalDraft draft = proposals.openDraft(id);
        ConsiliumUser me = (ConsiliumUser) users.loadUserByUsername(applicant);
        var content = ProposalContents.complete(hospital,
                new PersonSummary(me.personId(), me.fullName(), me.organisationId(), me.organisationName()));
        proposals.saveDraft(id, draft.lockVersion(), content);
        String reference = proposals.submit(id, proposals.openDraft(id).lockVersion(), content).reference();

        signIn.as(staff);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        assertThat(notifications.latest(5)).first().satisfies(n -> {
            // The step is due after consilium.deadlines.*, written in the reader's zone.
            assertThat(n.message()).startsWith("New task: Check completeness — " + reference + ", due ")
                    .endsWith(" UTC");
            assertThat(n.proposalId()).isEqualTo(id);
        });
        String task = inbox.myTasks(0, 1000).stream().filter(t -> reference.equals(t.reference())).findFirst()
                .orElseThrow().taskId();
        governance.checkCompleteness(task, CompletenessDecision.RETURN, "Add the <b>power</b> calculation & plan.");
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();

        signIn.as(applicant);
        assertThat(notifications.latest(10)).extracting(NotificationItem::message).containsExactly(
                "New task: Revise and resubmit the proposal — " + reference,
                reference + ": Returned to the applicant for changes");

        smtp.waitForIncomingEmail(5_000, 3);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(Arrays.stream(mails).map(m -> {
            try {
                return m.getAllRecipients()[0] + " | " + m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).contains(applicant + "@test.example | Consilium: " + reference + ": Returned to the applicant for changes")
                .anySatisfy(mail -> assertThat(mail).startsWith(staff + "@test.example | Consilium: New task: Check"
                        + " completeness — " + reference + ", due "));
    }

    @Test
    void each_recipient_reads_in_their_own_language_and_time_zone_in_the_portal_and_by_email() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary hospital = fixtures.organisation("Hôpital Courriel", OrganisationType.HOSPITAL);
        OrganisationSummary foundation = fixtures.organisation("Fondation Courriel", OrganisationType.FOUNDATION);
        String applicant = fixtures.person("Juliette Lefèvre", hospital, Role.RESEARCHER);
        String french = fixtures.person("Françoise Gestion", foundation, Role.STAFF);
        String english = fixtures.person("Ed English", foundation, Role.STAFF);
        SignIn signIn = new SignIn(users);
        for (String who : new String[] {applicant, french}) {
            signIn.as(who);
            preferences.choose("fr", "Europe/Paris");
        }

        signIn.as(applicant);
        Long id = proposals.createDraft();
        ProposalDraft draft = proposals.openDraft(id);
        ConsiliumUser me = (ConsiliumUser) users.loadUserByUsername(applicant);
        var content = ProposalContents.complete(hospital,
                new PersonSummary(me.personId(), me.fullName(), me.organisationId(), me.organisationName()));
        proposals.saveDraft(id, draft.lockVersion(), content);
        String reference = proposals.submit(id, proposals.openDraft(id).lockVersion(), content).reference();

        signIn.as(french);
        assertThat(notifications.latest(1)).first().extracting(NotificationItem::message)
                .asString().startsWith("Nouvelle tâche\u00a0: Vérifier la complétude — " + reference + ", échéance le ")
                .matches(".* CES?T");
        signIn.as(english);
        assertThat(notifications.latest(1)).first().extracting(NotificationItem::message)
                .asString().startsWith("New task: Check completeness — " + reference + ", due ").endsWith(" UTC");
        String task = inbox.myTasks(0, 1000).stream().filter(t -> reference.equals(t.reference())).findFirst()
                .orElseThrow().taskId();
        governance.checkCompleteness(task, CompletenessDecision.RETURN, "Ajoutez le calcul de puissance.");

        signIn.as(applicant);
        assertThat(notifications.latest(10)).extracting(NotificationItem::message).containsExactly(
                "Nouvelle tâche\u00a0: Réviser et soumettre à nouveau la proposition — " + reference,
                reference + "\u00a0: Renvoyée au demandeur pour modifications");

        // A moment in a notification is written in the reader's zone, the zone named.
        Long frenchId = members.personIdOf(french).orElseThrow();
        Long englishId = members.personIdOf(english).orElseThrow();
        notifications.notify(List.of(frenchId, englishId), id, NotificationText.message("notification.vote.reminder",
                Instant.parse("2026-07-14T08:30:00Z")));
        signIn.as(french);
        assertThat(notifications.latest(1).get(0).message()).startsWith("Rappel\u00a0: votre organisation n’a pas"
                + " encore voté\u00a0; le tour de vote se termine le 14 juil. 2026, 10:30 ");
        signIn.as(english);
        assertThat(notifications.latest(1).get(0).message())
                .isEqualTo("Reminder: your organisation has not voted yet; the round closes 14 Jul 2026, 08:30 UTC.");

        smtp.waitForIncomingEmail(5_000, 6);
        List<String> mails = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0] + " | " + m.getSubject() + " | " + m.getContent().toString().strip();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).anySatisfy(mail -> assertThat(mail).isEqualTo(applicant + "@test.example | Consilium\u00a0: "
                + reference + "\u00a0: Renvoyée au demandeur pour modifications | " + reference
                + "\u00a0: Renvoyée au demandeur pour modifications\r\n\r\nOuvrez Consilium pour en savoir plus."));
        assertThat(mails).anySatisfy(mail -> assertThat(mail).startsWith(english + "@test.example | Consilium: New task:"
                + " Check completeness — " + reference + ", due ").contains(" UTC | ").endsWith("Open Consilium to see more."));
    }
    /**
     * Accepting a proposal opens the voting round: one vote task per patient organisation and the ethics review,
     * told together as the transaction commits. Each organisation's representatives hear of their own task only,
     * each in their own language; a member of the organisation who is not a representative hears nothing.
     */
    @Test
    void a_new_voting_round_tells_each_organisations_representatives_of_their_own_task() {
        MemberFixtures fixtures = new MemberFixtures(members);
        OrganisationSummary hospital = fixtures.organisation("Round Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary foundation = fixtures.organisation("Round Foundation", OrganisationType.FOUNDATION);
        OrganisationSummary patientsA = fixtures.organisation("Round Patients A", OrganisationType.PATIENT_ORGANISATION);
        OrganisationSummary patientsB = fixtures.organisation("Round Patients B", OrganisationType.PATIENT_ORGANISATION);
        String applicant = fixtures.person("Rita Round", hospital, Role.RESEARCHER);
        String staff = fixtures.person("Stan Round", foundation, Role.STAFF);
        String repA1 = fixtures.person("Ann A-One", patientsA, Role.PATIENT_REPRESENTATIVE);
        String repA2 = fixtures.person("Aline A-Deux", patientsA, Role.PATIENT_REPRESENTATIVE);
        String repB = fixtures.person("Bob B", patientsB, Role.PATIENT_REPRESENTATIVE);
        String memberOfB = fixtures.person("Bea B-Researcher", patientsB, Role.RESEARCHER);
        SignIn signIn = new SignIn(users);
        signIn.as(repA2);
        preferences.choose("fr", null);

        signIn.as(applicant);
        Long id = proposals.createDraft();
        ConsiliumUser me = (ConsiliumUser) users.loadUserByUsername(applicant);
        var content = ProposalContents.complete(hospital,
                new PersonSummary(me.personId(), me.fullName(), me.organisationId(), me.organisationName()));
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
        String reference = proposals.submit(id, proposals.openDraft(id).lockVersion(), content).reference();
        signIn.as(staff);
        String check = inbox.myTasks(0, 1000).stream().filter(t -> reference.equals(t.reference())).findFirst()
                .orElseThrow().taskId();
        governance.checkCompleteness(check, CompletenessDecision.ACCEPT, null);

        for (String representative : List.of(repA1, repB)) {
            signIn.as(representative);
            assertThat(notifications.latest(50)).filteredOn(n -> id.equals(n.proposalId()))
                    .extracting(NotificationItem::message).singleElement().asString()
                    .startsWith("New task: Declare conflicts and vote — " + reference + ", due ");
        }
        signIn.as(repA2);
        assertThat(notifications.latest(50)).filteredOn(n -> id.equals(n.proposalId()))
                .extracting(NotificationItem::message).singleElement().asString()
                .startsWith("Nouvelle tâche\u00a0: ");
        signIn.as(memberOfB);
        assertThat(notifications.latest(50)).filteredOn(n -> id.equals(n.proposalId())).isEmpty();
    }
}
