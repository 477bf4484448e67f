package org.consilium.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.consilium.SignIn;
import org.consilium.TestPdfs;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.InboxTask;
import org.consilium.workflow.ProposalLifecycle;
import org.consilium.workflow.TaskInboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fixtures for proposal tests: every test makes its own organisations and people, signed in as needed. */
abstract class ProposalTestSupport {

    @Autowired
    ProposalService proposals;
    @Autowired
    TaskInboxService inbox;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    SignIn signIn;
    OrganisationSummary hospital;
    String researcher;
    String otherResearcher;
    String teamMember;
    String staff;
    String secondStaff;
    String ethicsReviewer;
    String patientRepresentative;
    String patientColleague;

    @BeforeEach
    void members() {
        signIn = new SignIn(users);
        MemberFixtures fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Test University Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary university = fixtures.organisation("Test University", OrganisationType.UNIVERSITY);
        OrganisationSummary foundation = fixtures.organisation("Test Foundation", OrganisationType.FOUNDATION);
        OrganisationSummary patients = fixtures.organisation("Test Patients", OrganisationType.PATIENT_ORGANISATION);
        researcher = fixtures.person("Ann Applicant", hospital, Role.RESEARCHER);
        otherResearcher = fixtures.person("Otto Other", university, Role.RESEARCHER);
        teamMember = fixtures.person("Tess Team", university, Role.RESEARCHER);
        staff = fixtures.person("Stan Staff", foundation, Role.STAFF);
        secondStaff = fixtures.person("Sue Staff", foundation, Role.STAFF);
        ethicsReviewer = fixtures.person("Erik Ethics", foundation, Role.ETHICS_REVIEWER);
        patientRepresentative = fixtures.person("Pat Patient", patients, Role.PATIENT_REPRESENTATIVE);
        patientColleague = fixtures.person("Paula Patient", patients, Role.PATIENT_REPRESENTATIVE);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    ConsiliumUser user(String username) {
        return (ConsiliumUser) users.loadUserByUsername(username);
    }

    PersonSummary summaryOf(String username) {
        ConsiliumUser u = user(username);
        return new PersonSummary(u.personId(), u.fullName(), u.organisationId(), u.organisationName());
    }

    ProposalContent complete() {
        return ProposalContents.complete(hospital, summaryOf(researcher));
    }

    /** A draft of {@link #researcher}, saved complete; returns its id. */
    Long completeDraft() {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), complete());
        return id;
    }

    SubmissionReceipt submit(Long id) {
        signIn.as(researcher);
        ProposalDraft draft = proposals.openDraft(id);
        return proposals.submit(id, draft.lockVersion(), draft.content());
    }
}
