package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.consilium.SignIn;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.workflow.EngineIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * An e-mail that cannot be sent is kept, retried, then shown as an incident that an administrator sends
 * again once the mail server is back; workflow incidents are listed and resolved the same way.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3126", "consilium.mail.max-attempts=3",
        "consilium.mail.first-retry-after=PT0S"})
class MailOutboxTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MemberService members;
    @Autowired
    AuditService audit;
    @Autowired
    EngineIncidents engineIncidents;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void an_unsendable_email_is_retried_then_becomes_an_incident_that_an_administrator_sends_again() {
        MemberFixtures fixtures = new MemberFixtures(members);
        String username = fixtures.person("Mail Recipient", fixtures.organisation("Mail Hospital",
                OrganisationType.HOSPITAL), Role.RESEARCHER);
        Long personId = members.personIdOf(username).orElseThrow();

        // No server on the port: the attempt right after the commit fails, and the decision stands.
        notifications.notify(List.of(personId), null, "Your proposal <b>moved</b> & more");
        assertThat(outbox.sendDue()).isZero();
        assertThat(outbox.sendDue()).isZero();

        SignIn.asAdministrator();
        MailIncident incident = outbox.incidents(50).stream()
                .filter(i -> i.recipient().equals(username + "@test.example")).findFirst().orElseThrow();
        assertThat(incident.attempts()).isEqualTo(3);
        assertThat(incident.lastError()).isNotBlank();
        assertThat(audit.find(new AuditFilter(null, "email #" + incident.id(), "EMAIL_FAILED", null, null), 0, 5))
                .hasSize(1);

        GreenMail smtp = new GreenMail(new ServerSetup(3126, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            assertThat(outbox.retry(incident.id())).isTrue();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(outbox.incidents(50)).extracting(MailIncident::id).doesNotContain(incident.id());
            assertThat(audit.find(new AuditFilter(null, "email #" + incident.id(), null, null, null), 0, 5))
                    .extracting(AuditEntry::kind).contains("EMAIL_RETRIED");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void only_administrators_see_and_retry_incidents() {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated("staff-member", null, org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList("ROLE_STAFF")));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> outbox.incidents(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outbox.retry(1L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engineIncidents.open(10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void workflow_incidents_are_listed_and_resolved_by_an_administrator() {
        SignIn.asAdministrator();
        repository.createDeployment().addModelInstance("incident-test.bpmn", org.camunda.bpm.model.bpmn.Bpmn
                .createExecutableProcess("incident-test").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Wait").endEvent().done()).deploy();
        var instance = runtime.startProcessInstanceByKey("incident-test", "INCIDENT-TEST");
        var incident = runtime.createIncident("consiliumCheck", instance.getId(), "test", "A step failed");
        assertThat(engineIncidents.open(100)).filteredOn(i -> i.id().equals(incident.getId())).singleElement()
                .satisfies(i -> assertThat(i.reference()).isEqualTo("INCIDENT-TEST"));
        engineIncidents.retry(incident.getId());
        assertThat(engineIncidents.open(100)).extracting(EngineIncidents.EngineIncident::id)
                .doesNotContain(incident.getId());
    }
}
