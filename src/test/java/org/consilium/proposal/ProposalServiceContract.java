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
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.review.Declaration;
import org.consilium.review.PatientReviewService;
import org.consilium.review.RoundResults;
import org.consilium.review.VoteChoice;
import org.consilium.review.VoteRefused;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.InboxTask;
import org.consilium.workflow.TaskGone;
import org.consilium.workflow.VoteTask;
import org.consilium.workflow.TaskInboxService;
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

/**
 * What the proposal service promises, run against each database the portal supports (H2 by default,
 * MariaDB in CI).
 */
abstract class ProposalServiceContract extends ProposalTestSupport {

    @Autowired
    ProposalReferences references;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void a_new_draft_starts_with_the_applicant_as_principal_investigator_of_their_organisation() {
        signIn.as(researcher);
        ProposalDraft draft = proposals.openDraft(proposals.createDraft());
        assertThat(draft.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(draft.reference()).isNull();
        assertThat(draft.content().getPrincipalInvestigator().id()).isEqualTo(user(researcher).personId());
        assertThat(draft.content().getLeadOrganisation()).isEqualTo(hospital);
    }

    @Test
    void an_incomplete_draft_is_saved_as_it_is_and_reopened_unchanged() {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        ProposalContent partial = new ProposalContent();
        partial.setTitle("Only a <b>title</b> & \"quotes\" — Łódź");
        long lock = proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), partial);
        ProposalDraft reopened = proposals.openDraft(id);
        assertThat(reopened.content().getTitle()).isEqualTo("Only a <b>title</b> & \"quotes\" — Łódź");
        assertThat(reopened.content().getLeadOrganisation()).isNull();
        assertThat(reopened.lockVersion()).isEqualTo(lock);
    }

    @Test
    void submitting_gives_the_reference_freezes_version_1_and_waits_at_the_completeness_check() {
        Long id = completeDraft();
        SubmissionReceipt receipt = submit(id);

        assertThat(receipt.reference()).matches("CONS-\\d{4}-\\d{4}");
        assertThat(receipt.version()).isEqualTo(1);
        ProposalDetails details = proposals.details(id);
        assertThat(details.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(details.reference()).isEqualTo(receipt.reference());
        assertThat(details.versions()).extracting(VersionInfo::number).containsExactly(1);
        assertThat(details.editable()).isFalse();
        String frozen = jdbc.queryForObject(
                "select content_json from proposal_version where proposal_id = ? and version_number = 1", String.class, id);
        assertThat(frozen).contains("AML-RELAPSE", "Machine-learning risk scores");

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(receipt.reference()).singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys(ProposalLifecycle.PROPOSAL_ID);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> "STAFF".equals(link.getGroupId()) && "candidate".equals(link.getType()));
    }

    @Test
    void consecutive_submissions_take_consecutive_references() {
        Long first = completeDraft();
        Long second = completeDraft();
        int a = Integer.parseInt(submit(first).reference().substring(10));
        int b = Integer.parseInt(submit(second).reference().substring(10));
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void two_first_submissions_of_a_year_at_the_same_moment_both_get_a_reference() throws Exception {
        int year = 2100 + new java.util.Random().nextInt(7000);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<String> take = () -> {
                start.await();
                return transactions.execute(status -> references.next(year));
            };
            var first = pool.submit(take);
            var second = pool.submit(take);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(
                    "CONS-" + year + "-0001", "CONS-" + year + "-0002");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_incomplete_proposal_is_refused_with_every_problem_and_nothing_changes() {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        ProposalContent content = complete();
        content.setLaySummary(ProposalContents.words(301));
        content.setDataCategories(java.util.EnumSet.noneOf(DataCategory.class));
        long lock = proposals.openDraft(id).lockVersion();

        assertThatThrownBy(() -> proposals.submit(id, lock, content))
                .isInstanceOfSatisfying(ProposalNotValid.class, e -> assertThat(e.problems())
                        .extracting(ProposalNotValid.Problem::field).containsExactly("laySummary"));

        content.setLaySummary("Short and plain.");
        assertThatThrownBy(() -> proposals.submit(id, lock, content))
                .isInstanceOfSatisfying(ProposalNotValid.class, e -> assertThat(e.problems())
                        .extracting(ProposalNotValid.Problem::message)
                        .containsExactly("Choose at least one data category"));

        ProposalDraft after = proposals.openDraft(id);
        assertThat(after.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(after.reference()).isNull();
        assertThat(after.content().getLaySummary()).as("a refused submission saves nothing").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals(ProposalLifecycle.PROPOSAL_ID, id).count())
                .isZero();
    }

    @Test
    void a_submitted_version_can_no_longer_be_edited() {
        Long id = completeDraft();
        submit(id);
        signIn.as(researcher);
        assertThatThrownBy(() -> proposals.openDraft(id)).isInstanceOf(ProposalAccessDenied.class)
                .hasMessageContaining("can no longer be edited");
        assertThatThrownBy(() -> proposals.saveDraft(id, 0, complete())).isInstanceOf(ProposalAccessDenied.class);
        assertThatThrownBy(() -> proposals.attach(id, AttachmentKind.OTHER, "late.pdf",
                new ByteArrayInputStream(TestPdfs.realPdf("late", 1)))).isInstanceOf(ProposalAccessDenied.class);
    }

    @Test
    void a_save_over_a_newer_change_is_refused_instead_of_overwriting_it() {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        long opened = proposals.openDraft(id).lockVersion();
        ProposalContent first = complete();
        proposals.saveDraft(id, opened, first);
        ProposalContent second = complete();
        second.setTitle("Written in a second tab");
        assertThatThrownBy(() -> proposals.saveDraft(id, opened, second)).isInstanceOf(ProposalChangedElsewhere.class);
        assertThat(proposals.openDraft(id).content().getTitle()).isEqualTo(first.getTitle());
    }

    @Test
    void another_researcher_can_neither_see_nor_open_nor_change_nor_download_a_proposal() {
        Long id = completeDraft();
        signIn.as(researcher);
        AttachmentInfo file = proposals.attach(id, AttachmentKind.PROTOCOL, "protocol.pdf",
                new ByteArrayInputStream(TestPdfs.realPdf("Protocol", 2)));
        submit(id);

        signIn.as(otherResearcher);
        assertThat(proposals.myProposals(PageRequest.of(0, 50))).extracting(ProposalRow::id).doesNotContain(id);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(ProposalAccessDenied.class)
                .hasMessageContaining("You have no access to proposal CONS-");
        assertThatThrownBy(() -> proposals.openDraft(id)).isInstanceOf(ProposalAccessDenied.class);
        assertThatThrownBy(() -> proposals.saveDraft(id, 0, complete())).isInstanceOf(ProposalAccessDenied.class);
        assertThatThrownBy(() -> proposals.download(file.id())).isInstanceOf(ProposalAccessDenied.class);
    }

    @Test
    void a_draft_is_private_to_its_applicant_even_for_staff() {
        Long id = completeDraft();
        signIn.as(staff);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(ProposalAccessDenied.class);
    }

    @Test
    void a_team_member_sees_the_proposal_in_their_list_and_may_read_but_not_edit_it() {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        ProposalContent content = complete();
        content.getTeam().add(new TeamMemberEntry(user(teamMember).personId(), "forged name", "forged org", "Data scientist"));
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);

        signIn.as(teamMember);
        assertThat(proposals.myProposals(PageRequest.of(0, 50))).extracting(ProposalRow::id).contains(id);
        ProposalDetails details = proposals.details(id);
        assertThat(details.content().getTeam()).extracting(TeamMemberEntry::getFullName).contains("Tess Team");
        assertThat(details.content().getTeam()).extracting(TeamMemberEntry::getFullName).doesNotContain("forged name");
        assertThat(details.editable()).isFalse();
        assertThatThrownBy(() -> proposals.openDraft(id)).isInstanceOf(ProposalAccessDenied.class)
                .hasMessageContaining("Only the applicant");
    }

    @Test
    void roles_without_a_right_are_refused_by_the_service_itself() {
        signIn.as(staff);
        assertThatThrownBy(() -> proposals.createDraft()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> proposals.myProposals(PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        SignIn.out();
        assertThatThrownBy(() -> proposals.details(1L))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_submitted_proposal_waits_in_the_staff_inbox_and_only_there() {
        Long id = completeDraft();
        String reference = submit(id).reference();

        signIn.as(staff);
        List<InboxTask> staffTasks = inbox.myTasks(0, 1000);
        assertThat(staffTasks).filteredOn(t -> reference.equals(t.reference())).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Check completeness");
            assertThat(t.proposalId()).isEqualTo(id);
            assertThat(t.proposalTitle()).isEqualTo(complete().getTitle());
        });
        assertThat(proposals.details(id).reference()).isEqualTo(reference);

        signIn.as(patientRepresentative);
        assertThat(inbox.myTasks(0, 1000)).noneMatch(t -> reference.equals(t.reference()));
    }

    @Test
    void a_real_pdf_is_attached_and_downloaded_byte_for_byte() throws Exception {
        Long id = completeDraft();
        byte[] pdf = TestPdfs.realPdf("Ethics approval of Rijnland University Hospital", 3);
        signIn.as(researcher);
        AttachmentInfo info = proposals.attach(id, AttachmentKind.ETHICS_APPROVAL, "../ethics approval.pdf",
                new ByteArrayInputStream(pdf));
        assertThat(info.fileName()).isEqualTo("ethics approval.pdf");
        assertThat(info.pageCount()).isEqualTo(3);
        assertThat(info.sizeBytes()).isEqualTo(pdf.length);
        AttachmentDownload download = proposals.download(info.id());
        try (InputStream in = download.content().get()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        submit(id);
        signIn.as(researcher);
        assertThat(proposals.details(id).attachments()).singleElement()
                .satisfies(a -> assertThat(a.frozenInVersion()).isEqualTo(1));
    }

    @Test
    void files_that_are_not_pdfs_are_refused_by_their_content_whatever_their_name() {
        Long id = completeDraft();
        signIn.as(researcher);
        assertThatThrownBy(() -> proposals.attach(id, AttachmentKind.PROTOCOL, "protocol.pdf",
                new ByteArrayInputStream(TestPdfs.plainText()))).isInstanceOf(AttachmentRejected.class)
                .hasMessage("Only PDF files can be attached, and this file is not a readable PDF.");
        assertThatThrownBy(() -> proposals.attach(id, AttachmentKind.PROTOCOL, "fake.pdf",
                new ByteArrayInputStream(TestPdfs.fakePdf()))).isInstanceOf(AttachmentRejected.class)
                .hasMessageContaining("not a readable PDF");
        assertThatThrownBy(() -> proposals.attach(id, AttachmentKind.PROTOCOL, "empty.pdf",
                new ByteArrayInputStream(new byte[0]))).isInstanceOf(AttachmentRejected.class)
                .hasMessage("The file is empty.");
        assertThat(proposals.openDraft(id).attachments()).isEmpty();
    }

    @Test
    void a_pdf_over_20_mb_is_refused_before_it_is_kept() {
        Long id = completeDraft();
        signIn.as(researcher);
        long limit = 20L * 1024 * 1024;
        byte[] head = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        InputStream tooLarge = new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent > limit) {
                    return -1;
                }
                int b = sent < head.length ? head[(int) sent] : ' ';
                sent++;
                return b;
            }
        };
        assertThatThrownBy(() -> proposals.attach(id, AttachmentKind.OTHER, "huge.pdf", tooLarge))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("larger than 20 MB");
        assertThat(proposals.openDraft(id).attachments()).isEmpty();
    }

    // --- the governance workflow: completeness check, revision, withdrawal ----------------------------

    private String completenessTask(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ProposalLifecycle.CHECK_COMPLETENESS_TASK).singleResult().getId();
    }

    private List<Task> openTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
    }

    private List<ProposalEventKind> timelineKinds(Long id) {
        signIn.as(researcher);
        return proposals.details(id).timeline().stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void accepted_by_staff_a_proposal_goes_to_every_patient_organisation_and_to_ethics_at_once() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.ACCEPT, "");

        int patientOrganisations = members.activePatientOrganisationIds().size();
        assertThat(openTasks(reference)).filteredOn(t -> t.getTaskDefinitionKey().equals(ProposalLifecycle.CAST_VOTE_TASK))
                .hasSize(patientOrganisations).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
        assertThat(openTasks(reference)).extracting(Task::getTaskDefinitionKey)
                .contains(ProposalLifecycle.FULL_ETHICS_REVIEW_TASK);
        signIn.as(patientRepresentative);
        assertThat(inbox.myTasks(0, 1000)).filteredOn(t -> reference.equals(t.reference()))
                .extracting(InboxTask::stepKey).containsExactly(ProposalLifecycle.CAST_VOTE_TASK);
        signIn.as(researcher);
        assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.UNDER_REVIEW);
        assertThat(timelineKinds(id)).containsExactly(ProposalEventKind.SUBMITTED, ProposalEventKind.ACCEPTED_AT_CHECK,
                ProposalEventKind.REVIEW_STARTED);
    }

    @Test
    void a_returned_proposal_is_revised_and_resubmitted_as_version_2_and_checked_again() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.RETURN,
                "Please add the statistical power calculation.");

        signIn.as(researcher);
        ProposalDraft returned = proposals.openDraft(id);
        assertThat(returned.status()).isEqualTo(ProposalStatus.RETURNED);
        returned.content().setMethodology("Survival models; power calculation: 80% power at alpha 0.05.");
        SubmissionReceipt receipt = proposals.submit(id, returned.lockVersion(), returned.content());

        assertThat(receipt.reference()).isEqualTo(reference);
        assertThat(receipt.version()).isEqualTo(2);
        ProposalDetails details = proposals.details(id);
        assertThat(details.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(details.versions()).extracting(VersionInfo::number).containsExactly(1, 2);
        assertThat(details.timeline()).filteredOn(e -> e.kind() == ProposalEventKind.RETURNED_FOR_CHANGES)
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("Please add the statistical power calculation.");
                    assertThat(e.actor()).isEqualTo("Stan Staff");
                });
        assertThat(openTasks(reference)).extracting(Task::getTaskDefinitionKey)
                .containsExactly(ProposalLifecycle.CHECK_COMPLETENESS_TASK);
        assertThatThrownBy(() -> proposals.openDraft(id)).isInstanceOf(ProposalAccessDenied.class);

        signIn.as(staff);
        assertThat(proposals.changes(id, 1, 2)).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("Methodology and statistical plan");
            assertThat(change.before()).startsWith("Gradient-boosted");
            assertThat(change.after()).contains("power calculation");
        });
        signIn.as(otherResearcher);
        assertThatThrownBy(() -> proposals.changes(id, 1, 2)).isInstanceOf(ProposalAccessDenied.class);
    }

    @Test
    void returning_or_rejecting_needs_a_reason_and_without_one_nothing_happens() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        String task = completenessTask(reference);
        assertThatThrownBy(() -> governance.checkCompleteness(task, CompletenessDecision.RETURN, "  "))
                .isInstanceOf(ProposalNotValid.class).hasMessageContaining("Tell the applicant what to change");
        assertThatThrownBy(() -> governance.checkCompleteness(task, CompletenessDecision.REJECT, null))
                .isInstanceOf(ProposalNotValid.class).hasMessageContaining("reason for the rejection");
        assertThat(completenessTask(reference)).isEqualTo(task);
    }

    @Test
    void a_proposal_rejected_at_the_check_ends_with_its_reason_and_can_no_longer_be_withdrawn() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.REJECT,
                "Out of scope: no haematological malignancy studied.");
        assertThat(openTasks(reference)).isEmpty();
        signIn.as(researcher);
        ProposalDetails details = proposals.details(id);
        assertThat(details.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(details.withdrawable()).isFalse();
        assertThatThrownBy(() -> proposals.withdraw(id, "too late")).isInstanceOf(ProposalAccessDenied.class);
    }

    @Test
    void a_task_completed_by_one_staff_member_is_gone_for_the_next_with_a_clear_message() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        String task = completenessTask(reference);
        signIn.as(staff);
        governance.checkCompleteness(task, CompletenessDecision.ACCEPT, null);
        signIn.as(secondStaff);
        assertThatThrownBy(() -> governance.checkCompleteness(task, CompletenessDecision.REJECT, "Out of scope"))
                .isInstanceOf(TaskGone.class).hasMessageContaining("someone else has completed it");
        signIn.as(researcher);
        assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.UNDER_REVIEW);
    }

    @Test
    void only_staff_check_completeness() {
        Long id = completeDraft();
        String task = completenessTask(submit(id).reference());
        for (String user : List.of(researcher, patientRepresentative)) {
            signIn.as(user);
            assertThatThrownBy(() -> governance.checkCompleteness(task, CompletenessDecision.ACCEPT, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_applicant_withdraws_during_review_and_every_open_task_ends() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.ACCEPT, null);
        assertThat(openTasks(reference)).isNotEmpty();

        signIn.as(otherResearcher);
        assertThatThrownBy(() -> proposals.withdraw(id, "not mine")).isInstanceOf(ProposalAccessDenied.class);
        signIn.as(researcher);
        proposals.withdraw(id, "The consortium lost its funding.");

        assertThat(openTasks(reference)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        ProposalDetails details = proposals.details(id);
        assertThat(details.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(details.timeline()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ProposalEventKind.WITHDRAWN);
            assertThat(e.reason()).isEqualTo("The consortium lost its funding.");
        });
    }

    // --- the patient organisations' voting round ---------------------------------------------------

    @Autowired
    PatientReviewService patientReview;
    @Autowired
    EthicsReviewService ethicsReview;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    /** Submits and accepts a proposal; returns its id. */
    private Long underReview() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        signIn.as(staff);
        governance.checkCompleteness(completenessTask(reference), CompletenessDecision.ACCEPT, null);
        return id;
    }

    private String voteTaskOf(String representative, Long id) {
        signIn.as(representative);
        return inbox.myTasks(0, 1000).stream().filter(t -> id.equals(t.proposalId())
                && t.stepKey().equals(ProposalLifecycle.CAST_VOTE_TASK)).findFirst().orElseThrow().taskId();
    }

    @Test
    void a_representative_declares_conflicts_before_reading_and_one_with_a_conflict_cannot_vote_but_a_colleague_can() {
        Long id = underReview();
        String task = voteTaskOf(patientRepresentative, id);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(ProposalAccessDenied.class);
        assertThatThrownBy(() -> governance.castVote(task, VoteChoice.APPROVE, null))
                .isInstanceOf(VoteRefused.class).hasMessageContaining("Declare your conflicts");

        // the vote as it now stands, as the screen shows it without reading it again
        assertThat(governance.declareConflicts(task, true, "I advise the funder of this study."))
                .isEqualTo(governance.openVote(task)).extracting(VoteTask::declaration).isEqualTo(Declaration.CONFLICT);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(ProposalAccessDenied.class);
        assertThatThrownBy(() -> governance.castVote(task, VoteChoice.APPROVE, null))
                .isInstanceOf(VoteRefused.class).hasMessageContaining("a colleague");
        assertThatThrownBy(() -> governance.declareConflicts(task, false, null)).isInstanceOf(VoteRefused.class);

        signIn.as(patientColleague);
        assertThat(governance.declareConflicts(task, false, null)).isEqualTo(governance.openVote(task))
                .extracting(VoteTask::declaration).isEqualTo(Declaration.NO_CONFLICT);
        assertThat(proposals.details(id).content().getLaySummary()).isNotBlank();
        assertThatThrownBy(() -> governance.castVote(task, VoteChoice.REJECT, " "))
                .isInstanceOf(VoteRefused.class).hasMessageContaining("A comment is needed");
        governance.castVote(task, VoteChoice.APPROVE_WITH_RECOMMENDATIONS, "Explain the results to patients.");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void two_representatives_of_one_organisation_voting_at_the_same_moment_leave_exactly_one_vote() throws Exception {
        Long id = underReview();
        String task = voteTaskOf(patientRepresentative, id);
        for (String representative : List.of(patientRepresentative, patientColleague)) {
            signIn.as(representative);
            governance.declareConflicts(task, false, null);
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (String representative : List.of(patientRepresentative, patientColleague)) {
                outcomes.add(pool.submit(() -> {
                    signIn.as(representative);
                    start.await();
                    try {
                        governance.castVote(task, VoteChoice.APPROVE, null);
                        return "cast";
                    } catch (VoteRefused | TaskGone | org.springframework.dao.ConcurrencyFailureException e) {
                        return "refused";
                    } finally {
                        SignIn.out();
                    }
                }));
            }
            start.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("cast", "refused");
        } finally {
            pool.shutdownNow();
        }
        Integer votes = jdbc.queryForObject("select count(*) from vote v join voting_round r on r.id = v.voting_round_id"
                + " where r.proposal_id = ? and v.organisation_id = ?", Integer.class, id, user(patientRepresentative).organisationId());
        assertThat(votes).isEqualTo(1);
    }

    @Test
    void votes_are_sealed_while_the_round_is_open_and_attributed_to_organisations_once_it_closes() {
        Long id = underReview();
        String task = voteTaskOf(patientRepresentative, id);
        governance.declareConflicts(task, false, null);
        governance.castVote(task, VoteChoice.REJECT, "The lay summary does not explain the risks.");

        signIn.as(researcher);
        assertThat(patientReview.results(id).votes()).isEmpty();
        assertThat(patientReview.results(id).organisationsVoted()).isEmpty();
        signIn.as(staff);
        RoundResults forStaff = patientReview.results(id);
        assertThat(forStaff.votes()).isEmpty();
        assertThat(forStaff.organisationsVoted()).singleElement().asString().startsWith("Test Patients");
        signIn.as(otherResearcher);
        assertThatThrownBy(() -> patientReview.results(id)).isInstanceOf(VoteRefused.class);

        signIn.as(researcher);
        String reference = proposals.details(id).reference();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        var deadline = management.createJobQuery().processInstanceId(instance)
                .activityId("VotingDeadlineTimer").singleResult();
        management.executeJob(deadline.getId());

        signIn.as(researcher);
        RoundResults closed = patientReview.results(id);
        assertThat(closed.open()).isFalse();
        assertThat(closed.votes()).singleElement().satisfies(v -> {
            assertThat(v.organisation()).startsWith("Test Patients");
            assertThat(v.choice()).isEqualTo(VoteChoice.REJECT);
            assertThat(v.comment()).isEqualTo("The lay summary does not explain the risks.");
        });
        assertThat(closed.toString()).doesNotContain("Pat Patient");
    }

    @Test
    void only_patient_representatives_of_the_organisation_can_vote() {
        Long id = underReview();
        String task = voteTaskOf(patientRepresentative, id);
        for (String other : List.of(staff, researcher)) {
            signIn.as(other);
            assertThatThrownBy(() -> governance.castVote(task, VoteChoice.APPROVE, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    // --- the ethics review ----------------------------------------------------------------------

    private String ethicsTaskOf(Long id) {
        signIn.as(ethicsReviewer);
        return inbox.myTasks(0, 1000).stream().filter(t -> id.equals(t.proposalId())).findFirst().orElseThrow().taskId();
    }

    @Test
    void a_full_ethics_review_cannot_approve_without_the_institutions_ethics_approval_attached() {
        Long id = underReview();
        String task = ethicsTaskOf(id);
        assertThat(governance.openEthicsReview(task).route()).isEqualTo(EthicsRoute.FULL);
        assertThatThrownBy(() -> governance.reviewEthics(task, EthicsOutcome.APPROVE, null, null))
                .isInstanceOf(ProposalNotValid.class).hasMessageContaining("ethics approval attached");
        assertThatThrownBy(() -> governance.reviewEthics(task, EthicsOutcome.APPROVE_WITH_CONDITIONS, " ", null))
                .isInstanceOf(ProposalNotValid.class).hasMessageContaining("State the conditions");
        assertThat(governance.openEthicsReview(task).taskId()).isEqualTo(task);
    }

    @Test
    void requested_changes_go_back_to_the_applicant_and_the_revision_returns_to_ethics_as_a_new_version() {
        Long id = underReview();
        String task = ethicsTaskOf(id);
        governance.reviewEthics(task, EthicsOutcome.REQUEST_CHANGES, null, "Attach your hospital's ethics approval.");

        signIn.as(researcher);
        ProposalDraft draft = proposals.openDraft(id);
        assertThat(draft.status()).isEqualTo(ProposalStatus.CHANGES_REQUESTED);
        proposals.attach(id, AttachmentKind.ETHICS_APPROVAL, "ethics-approval.pdf",
                new ByteArrayInputStream(TestPdfs.realPdf("Ethics committee approval", 1)));
        assertThat(proposals.submit(id, draft.lockVersion(), draft.content()).version()).isEqualTo(2);
        assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.UNDER_REVIEW);

        String again = ethicsTaskOf(id);
        assertThat(again).isNotEqualTo(task);
        governance.reviewEthics(again, EthicsOutcome.APPROVE_WITH_CONDITIONS,
                "Results are published only in aggregate; no linkage with other registries.", null);
        assertThat(ethicsReview.conditionsFor(id)).contains(
                "Results are published only in aggregate; no linkage with other registries.");
        signIn.as(researcher);
        assertThat(proposals.details(id).timeline()).extracting(TimelineEntry::kind).contains(
                ProposalEventKind.CHANGES_REQUESTED, ProposalEventKind.RESUBMITTED,
                ProposalEventKind.ETHICS_APPROVED_WITH_CONDITIONS);
    }

    @Test
    void rejected_by_ethics_the_proposal_is_rejected_and_every_vote_task_closes() {
        Long id = underReview();
        String task = ethicsTaskOf(id);
        governance.reviewEthics(task, EthicsOutcome.REJECT, null, "Re-identification risk is too high.");
        signIn.as(researcher);
        ProposalDetails details = proposals.details(id);
        assertThat(details.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(openTasks(details.reference())).isEmpty();
    }

    @Test
    void only_ethics_reviewers_review_ethics() {
        Long id = underReview();
        String task = ethicsTaskOf(id);
        for (String other : List.of(staff, researcher, patientRepresentative)) {
            signIn.as(other);
            assertThatThrownBy(() -> governance.reviewEthics(task, EthicsOutcome.APPROVE, null, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_claimed_task_leaves_the_colleagues_inbox_until_it_is_released() {
        Long id = completeDraft();
        String reference = submit(id).reference();
        String task = completenessTask(reference);
        signIn.as(staff);
        inbox.claim(task);

        signIn.as(secondStaff);
        assertThat(inbox.myTasks(0, 1000)).noneMatch(t -> t.taskId().equals(task));
        assertThatThrownBy(() -> inbox.claim(task)).isInstanceOf(TaskGone.class);
        assertThatThrownBy(() -> governance.checkCompleteness(task, CompletenessDecision.ACCEPT, null))
                .isInstanceOf(TaskGone.class);
        assertThatThrownBy(() -> inbox.release(task)).isInstanceOf(TaskGone.class);

        signIn.as(staff);
        assertThat(inbox.myTasks(0, 1000)).filteredOn(t -> t.taskId().equals(task)).singleElement()
                .satisfies(t -> assertThat(t.heldBy(user(staff).getUsername())).isTrue());
        inbox.release(task);
        signIn.as(secondStaff);
        assertThat(inbox.myTasks(0, 1000)).anyMatch(t -> t.taskId().equals(task));
    }

    @Test
    void reviewers_read_the_submitted_version_and_only_staff_see_which_organisations_still_have_to_vote() {
        Long id = underReview();
        governance.reviewEthics(ethicsTaskOf(id), EthicsOutcome.REQUEST_CHANGES, null, "Clarify the linkage.");
        signIn.as(researcher);
        String reference = proposals.details(id).reference();
        ProposalDraft draft = proposals.openDraft(id);
        draft.content().setMethodology("A revision still being written");
        proposals.saveDraft(id, draft.lockVersion(), draft.content());
        assertThat(proposals.details(id).content().getMethodology()).isEqualTo("A revision still being written");
        assertThat(inbox.openTasksOf(reference)).extracting(TaskInboxService.OpenTask::heldBy)
                .contains("patient organisations (sealed until the round closes)")
                .noneMatch(held -> held.startsWith("representatives of"));

        signIn.as(staff);
        assertThat(proposals.details(id).content().getMethodology()).startsWith("Gradient-boosted");
        assertThat(inbox.openTasksOf(reference)).extracting(TaskInboxService.OpenTask::heldBy)
                .anyMatch(held -> held.startsWith("representatives of Test Patients"));
    }
}
