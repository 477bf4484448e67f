package org.consilium.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.consilium.SignIn;
import org.consilium.TestPdfs;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.ProposalStatus;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.AgreementTaskService;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.consilium.workflow.TaskGone;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps 6-8 through the portal's services and the real engine: generation, versions, signatures in order
 * with four eyes and passwords, execution, verification, extension, outputs and closure.
 */
abstract class AgreementServiceContract {

    private static final String CONDITIONS = "Results only in aggregate; <b>no</b> linkage & \"no\" export";

    @Autowired
    AgreementService agreements;
    @Autowired
    AgreementTaskService agreementTasks;
    @Autowired
    ProposalService proposals;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    EthicsReviewService ethics;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    org.consilium.audit.AuditService auditService;
    @Autowired
    AgreementRepository agreementRows;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    SignIn signIn;
    MemberFixtures fixtures;
    OrganisationSummary hospital;
    String researcher;
    String otherResearcher;
    String staff;
    String director;
    String secondDirector;
    String leadSignatory;
    String leadColleague;
    String otherSignatory;
    String ethicsReviewer;
    Long proposalId;
    String reference;

    @BeforeEach
    void approvedProposal() {
        signIn = new SignIn(users);
        fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Agreement Hospital", OrganisationType.HOSPITAL);
        OrganisationSummary elsewhere = fixtures.organisation("Other Clinic", OrganisationType.HOSPITAL);
        // A voting round without any patient organisation rejects at once (no quorum): keep one open.
        fixtures.organisation("Agreement Patients", OrganisationType.PATIENT_ORGANISATION);
        SignIn.asAdministrator();
        OrganisationSummary foundation = members.foundation().orElse(null);
        SignIn.out();
        if (foundation == null) {
            foundation = fixtures.organisation("Test Foundation", OrganisationType.FOUNDATION);
        }
        researcher = fixtures.person("Γεώργιος Παπαδόπουλος", hospital, Role.RESEARCHER);
        otherResearcher = fixtures.person("Otto Other", elsewhere, Role.RESEARCHER);
        staff = fixtures.person("Stan Staff", foundation, Role.STAFF);
        director = fixtures.person("Dora Director", foundation, Role.STAFF, Role.SIGNATORY);
        secondDirector = fixtures.person("Dirk Deputy", foundation, Role.SIGNATORY);
        leadSignatory = fixtures.person("Мария Иванова", hospital, Role.SIGNATORY);
        leadColleague = fixtures.person("Lena Legal", hospital, Role.SIGNATORY);
        otherSignatory = fixtures.person("Olaf Other", elsewhere, Role.SIGNATORY);
        ethicsReviewer = fixtures.person("Erik Ethics", foundation, Role.ETHICS_REVIEWER);

        signIn.as(researcher);
        proposalId = proposals.createDraft();
        ProposalContent content = ProposalContents.complete(hospital, summaryOf(researcher));
        content.setTitle("<script>alert(1)</script> Relapse & \"risk\" in AML — Łódź cohort");
        proposals.saveDraft(proposalId, proposals.openDraft(proposalId).lockVersion(), content);
        ProposalDraft draft = proposals.openDraft(proposalId);
        reference = proposals.submit(proposalId, draft.lockVersion(), draft.content()).reference();

        signIn.as(staff);
        governance.checkCompleteness(task(ProposalLifecycle.CHECK_COMPLETENESS_TASK).getId(),
                CompletenessDecision.ACCEPT, null);
        signIn.as(ethicsReviewer);
        ethics.decide(proposalId, EthicsRoute.EXPEDITED, EthicsOutcome.APPROVE_WITH_CONDITIONS, CONDITIONS, null);
        // The voting round is tested elsewhere; here the review ends as if both had approved.
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        runtime.createProcessInstanceModification(instance).cancelAllForActivity("GovernanceReviewSubProcess")
                .startBeforeActivity("MarkApprovedTask").execute();
        SignIn.out();
        assertThat(task(ProposalLifecycle.PREPARE_AGREEMENT_TASK)).isNotNull();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    PersonSummary summaryOf(String username) {
        ConsiliumUser u = (ConsiliumUser) users.loadUserByUsername(username);
        return new PersonSummary(u.personId(), u.fullName(), u.organisationId(), u.organisationName());
    }

    Task task(String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(step).active()
                .singleResult();
    }

    int generate(String as) {
        signIn.as(as);
        return agreements.generate(proposalId, 24);
    }

    void send() {
        signIn.as(staff);
        agreementTasks.sendForSignature(task(ProposalLifecycle.PREPARE_AGREEMENT_TASK).getId());
    }

    SignatureLine sign(String as, String step, int version) {
        signIn.as(as);
        return agreementTasks.sign(task(step).getId(), version, fixtures.password(), true);
    }

    void executed() {
        generate(staff);
        send();
        sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        sign(director, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK, 1);
    }

    ProposalStatus status() {
        signIn.as(staff);
        return proposals.details(proposalId).status();
    }

    AgreementOverview overview(String as) {
        signIn.as(as);
        return agreements.overview(proposalId).orElseThrow();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String lastPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(document.getNumberOfPages());
            return stripper.getText(document);
        }
    }

    // ---- generation and versions ----------------------------------------------------------------------

    @Test
    void staff_generate_the_agreement_from_the_approved_proposal_with_every_value_as_text() throws IOException {
        assertThat(status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(generate(staff)).isEqualTo(1);

        signIn.as(staff);
        AgreementPdf pdf = agreements.version(proposalId, 1);
        String text = text(pdf.content()).replaceAll("\\s+", " ");
        assertThat(text).contains(reference, "<script>alert(1)</script> Relapse & \"risk\" in AML — Łódź cohort",
                CONDITIONS, "Agreement Hospital", "24 months", "Γεώργιος Παπαδόπουλος");
        assertThat(pdf.sha256()).isEqualTo(AgreementDocument.sha256(pdf.content()));
        AgreementOverview overview = overview(staff);
        assertThat(overview.status()).isEqualTo(AgreementStatus.PREPARING);
        assertThat(overview.latest().state()).isEqualTo(VersionState.DRAFT);
        assertThat(overview.latest().generatedBy()).isEqualTo("Stan Staff");
    }

    @Test
    void a_transaction_reads_its_agreement_once_and_locks_it_as_last_committed() {
        generate(staff);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        TransactionTemplate another = new TransactionTemplate(transactionManager);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            transaction.executeWithoutResult(status -> {
                long before = statistics.getPrepareStatementCount();
                Agreement seen = agreementRows.findByProposalId(proposalId).orElseThrow();
                assertThat(agreementRows.findByProposalId(proposalId)).containsSame(seen);
                assertThat(seen.getStatus()).isEqualTo(AgreementStatus.PREPARING);
                assertThat(statistics.getPrepareStatementCount() - before).as("read twice, one select").isEqualTo(1);

                another.executeWithoutResult(meanwhile -> agreementRows.findByProposalId(proposalId).orElseThrow().sent());

                before = statistics.getPrepareStatementCount();
                Agreement locked = agreementRows.lockByProposalId(proposalId).orElseThrow();
                assertThat(locked).isSameAs(seen);
                assertThat(locked.getStatus()).as("the lock reads what the other transaction committed")
                        .isEqualTo(AgreementStatus.OUT_FOR_SIGNATURE);
                assertThat(agreementRows.lockByProposalId(proposalId)).containsSame(seen);
                assertThat(agreementRows.findByProposalId(proposalId)).containsSame(seen);
                assertThat(statistics.getPrepareStatementCount() - before).as("locked twice, read again, one select")
                        .isEqualTo(1);
            });
            transaction.executeWithoutResult(status -> {
                long before = statistics.getPrepareStatementCount();
                Agreement locked = agreementRows.lockByProposalId(proposalId).orElseThrow();
                assertThat(agreementRows.lockByProposalId(proposalId)).containsSame(locked);
                assertThat(agreementRows.findByProposalId(proposalId)).containsSame(locked);
                assertThat(statistics.getPrepareStatementCount() - before).as("locked first: one select for update")
                        .isEqualTo(1);
            });
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void only_staff_generate_and_only_for_an_approved_proposal_with_a_sensible_period() {
        signIn.as(researcher);
        assertThatThrownBy(() -> agreements.generate(proposalId, 24)).isInstanceOf(AccessDeniedException.class);
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.generate(proposalId, 0)).isInstanceOf(AgreementRefused.class)
                .hasMessageContaining("between 1 and 120");
        assertThatThrownBy(() -> agreements.generate(proposalId, 121)).isInstanceOf(AgreementRefused.class);
        signIn.as(researcher);
        Long draft = proposals.createDraft();
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.generate(draft, 24)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void regenerating_supersedes_the_earlier_version_which_stays_downloadable_and_only_the_latest_is_signable() {
        generate(staff);
        assertThat(generate(staff)).isEqualTo(2);
        AgreementOverview overview = overview(staff);
        assertThat(overview.versions()).extracting(AgreementOverview.Version::number, AgreementOverview.Version::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, VersionState.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(1, VersionState.SUPERSEDED));
        signIn.as(staff);
        assertThat(agreements.version(proposalId, 1).fileName()).endsWith("-v1-superseded.pdf");

        send();
        signIn.as(leadSignatory);
        String taskId = task(ProposalLifecycle.LEAD_SIGNATURE_TASK).getId();
        assertThatThrownBy(() -> agreementTasks.sign(taskId, 1, fixtures.password(), true))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("version 2 replaced it");
        assertThat(sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 2).organisation())
                .isEqualTo(hospital.name());
    }

    @Test
    void a_colleague_who_generates_meanwhile_is_not_superseded_unknowingly() {
        generate(staff);
        signIn.as(staff);
        assertThat(agreements.generate(proposalId, 24, 1)).isEqualTo(2);
        signIn.as(director);
        assertThatThrownBy(() -> agreements.generate(proposalId, 24, 1)).isInstanceOf(AgreementRefused.class)
                .hasMessageContaining("Version 2 was generated by someone else meanwhile");
        assertThat(overview(staff).versions()).hasSize(2);
    }

    @Test
    void regenerating_after_the_first_signature_voids_it_and_signing_starts_again_from_preparation() {
        generate(staff);
        send();
        sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        assertThat(generate(staff)).isEqualTo(2);

        assertThat(task(ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)).isNull();
        assertThat(task(ProposalLifecycle.PREPARE_AGREEMENT_TASK)).isNotNull();
        AgreementOverview overview = overview(staff);
        assertThat(overview.versions().get(1).state()).isEqualTo(VersionState.SUPERSEDED);
        assertThat(overview.versions().get(1).signatures()).hasSize(1);
        send();
        assertThat(task(ProposalLifecycle.LEAD_SIGNATURE_TASK)).as("the new version needs the lead signature again")
                .isNotNull();
    }

    // ---- signatures -----------------------------------------------------------------------------------

    @Test
    void both_signatures_execute_the_agreement_with_a_signature_page_and_the_project_becomes_active()
            throws IOException {
        generate(staff);
        send();
        signIn.as(staff);
        String signedSha = agreements.version(proposalId, 1).sha256();
        SignatureLine lead = sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        assertThat(lead.documentSha256()).isEqualTo(signedSha);
        assertThat(lead.meaning()).isEqualTo("I sign this agreement on behalf of " + hospital.name());
        SignatureLine foundation = sign(director, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK, 1);

        assertThat(status()).isEqualTo(ProposalStatus.ACTIVE);
        AgreementOverview overview = overview(researcher);
        assertThat(overview.status()).isEqualTo(AgreementStatus.EXECUTED);
        assertThat(overview.accessEndsAt()).isEqualTo(overview.executedAt().atOffset(ZoneOffset.UTC).plusMonths(24)
                .toInstant());
        signIn.as(researcher);
        AgreementPdf executed = agreements.executed(proposalId);
        String page = lastPage(executed.content()).replaceAll("\\s+", "");
        for (SignatureLine line : List.of(lead, foundation)) {
            assertThat(page).contains(line.signerName().replaceAll("\\s+", ""),
                    line.organisation().replaceAll("\\s+", ""), line.meaning().replaceAll("\\s+", ""), signedSha);
        }
        assertThat(text(executed.content())).contains(reference);
        assertThat(proposals.details(proposalId).timeline()).extracting(t -> t.kind())
                .contains(ProposalEventKind.AGREEMENT_SIGNED, ProposalEventKind.AGREEMENT_EXECUTED);
    }

    @Test
    void a_version_generated_in_french_is_worded_signed_and_executed_in_french() throws IOException {
        signIn.as(staff);
        assertThat(agreements.generate(proposalId, 24, 0, Locale.FRENCH)).isEqualTo(1);
        assertThat(overview(staff).latest().language()).isEqualTo(Locale.FRENCH);
        signIn.as(staff);
        String version = french(text(agreements.version(proposalId, 1).content()));
        assertThat(version).contains("Convention d’accès aux données", reference, "(« le Bénéficiaire »)",
                "LAM — leucémie aiguë myéloïde", "Individuelles anonymisées", "Suivi de la survie",
                "Nouveaux indicateurs de résultats", "24 mois", CONDITIONS, "UTC", "Page 1 sur");
        assertThat(version).doesNotContain("Data-access agreement", "acute myeloid leukaemia", "24 months");

        send();
        SignatureLine lead = sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        // The words of the signature are the version's, whatever language the signer's screen speaks.
        assertThat(lead.meaning()).isEqualTo("Je signe la présente convention au nom de l’organisation "
                + hospital.name());
        sign(director, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK, 1);

        signIn.as(researcher);
        String page = french(lastPage(agreements.executed(proposalId).content()));
        assertThat(page).contains("Page de signatures", "La présente convention a été conclue au moyen de Consilium le",
                "Organisation chef de file", "Fondation", "Portée Je signe la présente convention au nom de",
                "Heure (UTC)", "Vérifiez ce document sur /agreements/verify");
        assertThat(page).containsPattern("le \\d{1,2}(er)? \\p{L}+ 20\\d\\d à \\d\\d:\\d\\d:\\d\\d UTC\\.");
        assertThat(page).doesNotContain("Signature page", "I sign this agreement", "Lead organisation");
    }

    @Test
    void a_version_is_written_in_english_or_french_only() {
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.generate(proposalId, 24, 0, Locale.GERMAN))
                .isInstanceOfSatisfying(AgreementRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("language");
                    assertThat(refused).hasMessage("An agreement is written in English or French");
                });
        assertThat(agreements.overview(proposalId)).isEmpty();
        assertThat(agreements.generate(proposalId, 24)).isEqualTo(1);
        assertThat(overview(staff).latest().language()).as("outside a screen, English").isEqualTo(Locale.ENGLISH);
    }

    /** A French PDF's text on one line, its no-break spaces (in « », before : and in dates) read as spaces. */
    static String french(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void the_foundation_cannot_sign_before_the_lead_organisation() {
        generate(staff);
        send();
        assertThat(task(ProposalLifecycle.FOUNDATION_SIGNATURE_TASK)).isNull();
        signIn.as(director);
        assertThatThrownBy(() -> agreements.sign(proposalId, SigningParty.FOUNDATION, 1, fixtures.password(), true))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("lead organisation signs first");
        String leadTask = task(ProposalLifecycle.LEAD_SIGNATURE_TASK).getId();
        assertThatThrownBy(() -> agreementTasks.sign(leadTask, 1, fixtures.password(), true))
                .as("a foundation signatory is not offered the lead organisation's task").isInstanceOf(TaskGone.class);
    }

    @Test
    void only_signatories_of_the_right_organisation_sign() {
        generate(staff);
        send();
        String leadTask = task(ProposalLifecycle.LEAD_SIGNATURE_TASK).getId();
        signIn.as(researcher);
        assertThatThrownBy(() -> agreementTasks.sign(leadTask, 1, fixtures.password(), true))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.sign(proposalId, SigningParty.LEAD_ORGANISATION, 1, fixtures.password(),
                true)).isInstanceOf(AccessDeniedException.class);
        signIn.as(otherSignatory);
        assertThatThrownBy(() -> agreementTasks.sign(leadTask, 1, fixtures.password(), true)).isInstanceOf(TaskGone.class);
        assertThatThrownBy(() -> agreements.sign(proposalId, SigningParty.LEAD_ORGANISATION, 1, fixtures.password(),
                true)).isInstanceOf(AccessDeniedException.class).hasMessageContaining(hospital.name());
        assertThat(overview(staff).latest().signatures()).isEmpty();
    }

    @Test
    void nobody_signs_twice_for_a_party() {
        generate(staff);
        send();
        sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        signIn.as(leadColleague);
        assertThatThrownBy(() -> agreements.sign(proposalId, SigningParty.LEAD_ORGANISATION, 1, fixtures.password(),
                true)).isInstanceOf(AgreementRefused.class).hasMessageContaining("already been signed");
        assertThat(overview(staff).latest().signatures()).hasSize(1);
    }

    @Test
    void whoever_generated_a_version_cannot_countersign_it() {
        generate(director);
        send();
        sign(leadSignatory, ProposalLifecycle.LEAD_SIGNATURE_TASK, 1);
        signIn.as(director);
        String foundationTask = task(ProposalLifecycle.FOUNDATION_SIGNATURE_TASK).getId();
        assertThatThrownBy(() -> agreementTasks.sign(foundationTask, 1, fixtures.password(), true))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("four eyes");
        assertThat(status()).isEqualTo(ProposalStatus.APPROVED);
        sign(secondDirector, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK, 1);
        assertThat(status()).isEqualTo(ProposalStatus.ACTIVE);
    }

    @Test
    void a_wrong_password_is_refused_and_recorded_and_nothing_is_signed() {
        generate(staff);
        send();
        signIn.as(leadSignatory);
        String leadTask = task(ProposalLifecycle.LEAD_SIGNATURE_TASK).getId();
        assertThatThrownBy(() -> agreementTasks.sign(leadTask, 1, "not-my-password", true))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("password is not correct");
        assertThatThrownBy(() -> agreementTasks.sign(leadTask, 1, fixtures.password(), false))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("on behalf of");

        assertThat(task(ProposalLifecycle.LEAD_SIGNATURE_TASK)).isNotNull();
        assertThat(overview(staff).latest().signatures()).isEmpty();
        signIn.as(staff);
        assertThat(proposals.details(proposalId).timeline())
                .filteredOn(t -> t.kind() == ProposalEventKind.SIGNATURE_REFUSED).hasSize(1)
                .first().satisfies(t -> assertThat(t.reason()).contains("Wrong password", "Мария Иванова"));
    }

    // ---- verification ---------------------------------------------------------------------------------

    @Test
    void verification_recognises_the_executed_agreement_and_detects_any_alteration() throws IOException {
        executed();
        signIn.as(otherResearcher);
        byte[] genuine;
        signIn.as(researcher);
        genuine = agreements.executed(proposalId).content();
        signIn.as(otherResearcher);
        Verification ok = agreements.verify(genuine);
        assertThat(ok.outcome()).isEqualTo(Verification.Outcome.EXECUTED_AGREEMENT);
        assertThat(ok.reference()).isEqualTo(reference);
        assertThat(ok.signatures()).extracting(SignatureLine::signerName).containsExactly("Мария Иванова", "Dora Director");

        byte[] altered;
        try (PDDocument document = Loader.loadPDF(genuine)) {
            document.getPage(0).setRotation(90);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            altered = out.toByteArray();
        }
        assertThat(agreements.verify(altered).outcome()).isEqualTo(Verification.Outcome.ALTERED);
        byte[] appended = java.util.Arrays.copyOf(genuine, genuine.length + 1);
        appended[genuine.length] = '\n';
        assertThat(agreements.verify(appended).outcome()).isEqualTo(Verification.Outcome.ALTERED);

        signIn.as(staff);
        byte[] unsigned = agreements.version(proposalId, 1).content();
        assertThat(agreements.verify(unsigned).outcome()).isEqualTo(Verification.Outcome.UNSIGNED_VERSION);
        assertThat(agreements.verify(TestPdfs.realPdf("Some other document", 1)).outcome()).isEqualTo(Verification.Outcome.UNKNOWN);
        assertThat(agreements.verify("%PDF-1.7 not really".getBytes()).outcome())
                .isEqualTo(Verification.Outcome.NOT_A_PDF);
    }

    // ---- who sees the agreement -----------------------------------------------------------------------

    @Test
    void the_agreement_is_for_its_parties_and_applicant_only() {
        generate(staff);
        signIn.as(otherResearcher);
        assertThat(agreements.overview(proposalId)).isEmpty();
        assertThatThrownBy(() -> agreements.version(proposalId, 1)).isInstanceOf(AccessDeniedException.class);
        signIn.as(otherSignatory);
        assertThat(agreements.overview(proposalId)).isEmpty();
        signIn.as(ethicsReviewer);
        assertThat(agreements.overview(proposalId)).isEmpty();
        signIn.as(leadSignatory);
        assertThat(agreements.overview(proposalId)).isPresent();
        assertThat(proposals.details(proposalId).reference()).as("the lead signatory may read what they sign")
                .isEqualTo(reference);
        assertThat(overview(researcher).may().generate()).isFalse();
        assertThat(overview(staff).may().generate()).isTrue();
    }

    // ---- the active project ---------------------------------------------------------------------------

    @Test
    void staff_extend_access_with_a_reason_and_the_engine_reschedules_notice_and_end() {
        executed();
        AgreementOverview before = overview(staff);
        LocalDate newEnd = before.accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate().plusMonths(6);
        signIn.as(researcher);
        assertThatThrownBy(() -> agreements.extend(proposalId, newEnd, "More follow-up"))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.extend(proposalId, newEnd, " ")).isInstanceOf(AgreementRefused.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> agreements.extend(proposalId, LocalDate.of(2020, 1, 1), "Earlier"))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("after the current end");

        agreements.extend(proposalId, newEnd, "Survival follow-up needs six more months");

        AgreementOverview after = overview(staff);
        assertThat(after.accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(newEnd);
        assertThat(after.extensions()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Survival follow-up needs six more months"));
        Job notice = management.createJobQuery().processInstanceId(instanceId())
                .activityId("AccessEndNoticeTimer").singleResult();
        assertThat(notice.getDuedate()).isEqualTo(Date.from(after.accessEndsAt().minus(java.time.Duration.ofDays(30))));
    }

    private String instanceId() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    @Test
    void the_applicant_reports_outputs_and_asks_to_close_then_staff_close_the_project() {
        executed();
        signIn.as(researcher);
        assertThatThrownBy(() -> agreements.reportOutput(proposalId, OutputKind.PUBLICATION, "Relapse paper", null,
                null)).isInstanceOf(AgreementRefused.class).hasMessageContaining("DOI");
        assertThatThrownBy(() -> agreements.reportOutput(proposalId, OutputKind.PUBLICATION, "Relapse paper",
                "not a doi", null)).isInstanceOf(AgreementRefused.class);
        agreements.reportOutput(proposalId, OutputKind.PUBLICATION, "Relapse <i>risk</i> paper",
                "https://doi.org/10.1182/blood.2026012345", null);
        agreements.reportOutput(proposalId, OutputKind.RESULTS_RETURNED, "Risk scores returned", null,
                "Scores for 4,210 patients");
        signIn.as(otherResearcher);
        assertThatThrownBy(() -> agreements.reportOutput(proposalId, OutputKind.OTHER, "x", null, null))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(researcher);
        agreements.requestClosure(proposalId);
        assertThat(task(ProposalLifecycle.CLOSE_PROJECT_TASK)).isNotNull();
        assertThatThrownBy(() -> agreements.requestClosure(proposalId)).isInstanceOf(AgreementRefused.class)
                .hasMessageContaining("already been requested");
        assertThat(overview(researcher).may().requestClosure()).isFalse();
        signIn.as(staff);
        assertThatThrownBy(() -> agreements.extend(proposalId, LocalDate.now().plusYears(5), "More time"))
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("asked to close");
        assertThat(overview(staff).may().extend()).isFalse();
        signIn.as(researcher);
        assertThat(overview(researcher).outputs()).extracting(AgreementOverview.Output::doi)
                .containsExactly("10.1182/blood.2026012345", null);

        signIn.as(staff);
        agreementTasks.closeProject(task(ProposalLifecycle.CLOSE_PROJECT_TASK).getId(), "All outputs reported");
        assertThat(status()).isEqualTo(ProposalStatus.CLOSED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    }

    @Test
    void withdrawing_while_out_for_signature_cancels_the_agreement() {
        generate(staff);
        send();
        signIn.as(researcher);
        proposals.withdraw(proposalId, "Funding withdrawn");
        assertThat(status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(overview(staff).status()).isEqualTo(AgreementStatus.CANCELLED);
        assertThat(overview(staff).latest().state()).isEqualTo(VersionState.CANCELLED);
    }

    @Test
    void every_step_of_the_lifecycle_leaves_its_entry_in_one_intact_audit_trail() {
        executed();
        signIn.as(researcher);
        agreements.executed(proposalId);
        SignIn.asAdministrator();
        List<org.consilium.audit.AuditEntry> trail = auditService.find(
                new org.consilium.audit.AuditFilter(null, reference, null, null, null), 0, 500);
        assertThat(trail).extracting(org.consilium.audit.AuditEntry::kind).contains("SUBMITTED", "STATUS_CHANGED",
                "ACCEPTED_AT_CHECK", "REVIEW_STARTED", "ETHICS_APPROVED_WITH_CONDITIONS", "APPROVED",
                "AGREEMENT_GENERATED", "AGREEMENT_SENT", "AGREEMENT_SIGNED", "AGREEMENT_EXECUTED",
                "DOCUMENT_DOWNLOADED");
        assertThat(trail).filteredOn(e -> e.kind().equals("AGREEMENT_SIGNED")).hasSize(2)
                .extracting(org.consilium.audit.AuditEntry::actorName).containsExactlyInAnyOrder(leadSignatory, director);
        assertThat(trail).filteredOn(e -> e.kind().equals("STATUS_CHANGED"))
                .extracting(org.consilium.audit.AuditEntry::summary)
                .contains("Status: Approved — awaiting agreement", "Status: Active — data access granted");
        var verification = auditService.verify();
        assertThat(verification.intact()).as(verification.message()).isTrue();
    }

    @Test
    void an_active_project_can_no_longer_be_withdrawn() {
        executed();
        signIn.as(researcher);
        assertThat(proposals.details(proposalId).withdrawable()).isFalse();
        assertThatThrownBy(() -> proposals.withdraw(proposalId, null)).isInstanceOf(AccessDeniedException.class);
    }
}
