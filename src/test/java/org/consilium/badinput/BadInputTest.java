package org.consilium.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.consilium.SignIn;
import org.consilium.TestPdfs;
import org.consilium.agreement.AgreementOverview;
import org.consilium.agreement.AgreementRefused;
import org.consilium.agreement.AgreementService;
import org.consilium.agreement.OutputKind;
import org.consilium.agreement.SigningParty;
import org.consilium.agreement.Verification;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.ethics.EthicsRoute;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberNotValid;
import org.consilium.member.MemberService;
import org.consilium.member.NewPerson;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.PersonRow;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.AttachmentInfo;
import org.consilium.proposal.AttachmentKind;
import org.consilium.proposal.AttachmentRejected;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalContents;
import org.consilium.proposal.ProposalDraft;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalNotValid;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.ProposalStatus;
import org.consilium.proposal.TeamMemberEntry;
import org.consilium.proposal.TimelineEntry;
import org.consilium.review.PatientReviewService;
import org.consilium.review.RoundResults;
import org.consilium.review.VoteChoice;
import org.consilium.review.VoteRefused;
import org.consilium.security.ConsiliumUser;
import org.consilium.workflow.AgreementTaskService;
import org.consilium.workflow.CompletenessDecision;
import org.consilium.workflow.GovernanceTaskService;
import org.consilium.workflow.ProposalLifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 5, point 4 "Bad input": every service entry point that takes text or a file from a user is fed over-long,
 * empty, Unicode, control-character, markup and CSV-injection values, and uploads are fed fake, empty, oversize and
 * hostilely named files. Each case ends in either a clear refusal by the feature's own exception, naming the field,
 * or acceptance with the value read back through the service exactly as typed (single-line fields are stripped of
 * surrounding whitespace). Never a database error, a {@code NullPointerException} or a stack trace.
 *
 * <p>Holes found are kept as {@code @Disabled("HOLE: ...")} tests that state what should happen; docs/bad-input.md
 * lists them. The mail properties match {@code MailOutboxTest}, so the suite shares its Spring context; a local
 * GreenMail receives the e-mails the decisions cause.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3126", "consilium.mail.max-attempts=3",
        "consilium.mail.first-retry-after=PT0S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {

    // ---- the hostile values ------------------------------------------------------------------------------

    /** Values that must be accepted and come back exactly as typed, wherever text is accepted. */
    static final Map<String, String> SAMPLES = samples();

    private static Map<String, String> samples() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("emoji", "Ärztin 👩‍⚕️ and 🧬 data");
        samples.put("combining characters", "Cafe\u0301 re\u0301sume\u0301 n\u0303");
        samples.put("right-to-left Arabic and Hebrew", "دراسة سريرية — מחקר קליני");
        samples.put("Greek", "Γεώργιος Παπαδόπουλος");
        samples.put("Cyrillic", "Мария Иванова");
        samples.put("CJK", "急性骨髓性白血病の研究");
        samples.put("NUL and control characters", "before\u0000after\u0007bell\u001B[31mred\u0008x");
        samples.put("script tag", "<script>alert(1)</script>");
        samples.put("HTML, ampersand and quotes", "<b>x</b> & \"q\" 'q'");
        samples.put("CSV injection", "=cmd|' /C calc'!A0");
        return Collections.unmodifiableMap(samples);
    }

    /** Every sample in one value, for fields that take at least 300 characters. */
    static final String ALL = String.join(" | ", SAMPLES.values());
    /** The gist of the samples in 45 characters, for short fields. */
    static final String SHORT = "<script>x</script> & \"q\" 'q' 👩‍⚕️ é Ж 白 \u0000";
    static final String TINY = "<b>x</b>&'q'👩‍⚕️\u0000é";
    static final String HUNDRED_THOUSAND = "x".repeat(100_000);

    static String latin(int length) {
        return "é".repeat(length);
    }

    /** {@code length} UTF-16 units of surrogate pairs: the database must count them no longer than Java does. */
    static String emoji(int length) {
        return "🧬".repeat(length / 2) + (length % 2 == 1 ? "x" : "");
    }

    // ---- the portal --------------------------------------------------------------------------------------

    @Autowired
    ProposalService proposals;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    EthicsReviewService ethics;
    @Autowired
    PatientReviewService patientReview;
    @Autowired
    AgreementService agreements;
    @Autowired
    AgreementTaskService agreementTasks;
    @Autowired
    MemberService members;
    @Autowired
    AuditService audit;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    UserDetailsService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    SignIn signIn;
    MemberFixtures fixtures;
    OrganisationSummary hospital;
    OrganisationSummary foundation;
    OrganisationSummary patients;
    String researcher;
    String staff;
    String director;
    String leadSignatory;
    String ethicsReviewer;
    List<String> representatives;
    GreenMail smtp;

    @BeforeAll
    void people() {
        try {
            smtp = new GreenMail(new ServerSetup(3126, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        } catch (RuntimeException portTaken) {
            smtp = null;
        }
        signIn = new SignIn(users);
        fixtures = new MemberFixtures(members);
        hospital = fixtures.organisation("Bad Input Hospital", OrganisationType.HOSPITAL);
        patients = fixtures.organisation("Bad Input Patients", OrganisationType.PATIENT_ORGANISATION);
        foundation = members.foundation().orElse(null);
        if (foundation == null) {
            foundation = fixtures.organisation("Bad Input Foundation", OrganisationType.FOUNDATION);
        }
        researcher = fixtures.person("Ann Applicant", hospital, Role.RESEARCHER);
        staff = fixtures.person("Stan Staff", foundation, Role.STAFF);
        director = fixtures.person("Dora Director", foundation, Role.STAFF, Role.SIGNATORY);
        leadSignatory = fixtures.person("Lea Lead", hospital, Role.SIGNATORY);
        ethicsReviewer = fixtures.person("Erik Ethics", foundation, Role.ETHICS_REVIEWER);
        representatives = new ArrayList<>();
        for (int i = 0; i <= SAMPLES.size(); i++) {
            representatives.add(fixtures.person("Pat Patient " + i, patients, Role.PATIENT_REPRESENTATIVE));
        }
    }

    @AfterAll
    void stopMail() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    // ---- how a refusal must look -------------------------------------------------------------------------

    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = String.valueOf(c.getMessage());
            s.append(s.isEmpty() ? "" : " <- ").append(c.getClass().getName()).append(": ")
                    .append(message, 0, Math.min(message.length(), 300));
        }
        return s.toString();
    }

    /** The feature's own exception, with a message a person can read: no database error, no bug. */
    static <T extends Throwable> T refused(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a clear refusal (%s), but the value was accepted", type.getSimpleName())
                .isNotNull();
        assertThat(thrown).as("refused by the feature, not by the database or a bug: %s", describe(thrown))
                .isInstanceOf(type).isNotInstanceOfAny(DataAccessException.class, NullPointerException.class);
        assertThat(thrown.getMessage()).as("a message for a person").isNotBlank()
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
        return type.cast(thrown);
    }

    static void proposalRefused(String field, ThrowingCallable call) {
        ProposalNotValid refusal = refused(ProposalNotValid.class, call);
        assertThat(refusal.problems()).as("a problem shown on the field %s", field)
                .anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.message()).isNotBlank();
                });
    }

    static void agreementRefused(String field, ThrowingCallable call) {
        assertThat(refused(AgreementRefused.class, call).field()).as("the field at fault").isEqualTo(field);
    }

    static void memberRefused(String field, ThrowingCallable call) {
        assertThat(refused(MemberNotValid.class, call).field()).as("the field at fault").isEqualTo(field);
    }

    static void voteRefused(String words, ThrowingCallable call) {
        assertThat(refused(VoteRefused.class, call).getMessage()).containsIgnoringCase(words);
    }

    /** Runs every check and reports each one that fails, so that a hole test tells the whole story. */
    static void everyOneHolds(Map<String, ThrowingCallable> checks) {
        List<String> failures = new ArrayList<>();
        checks.forEach((what, check) -> {
            Throwable failure = catchThrowable(check);
            if (failure != null) {
                failures.add(what + ": " + String.valueOf(failure.getMessage()).replaceAll("\\s+", " "));
            }
        });
        assertThat(failures).as("checks that do not hold").isEmpty();
    }

    /** Accepted: no exception at all, and in particular no database error. */
    static void accepted(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the value to be accepted, but: %s",
                thrown == null ? "" : describe(thrown)).isNull();
    }

    // ---- fixtures ----------------------------------------------------------------------------------------

    PersonSummary summaryOf(String username) {
        ConsiliumUser u = (ConsiliumUser) users.loadUserByUsername(username);
        return new PersonSummary(u.personId(), u.fullName(), u.organisationId(), u.organisationName());
    }

    ProposalContent complete() {
        return ProposalContents.complete(hospital, summaryOf(researcher));
    }

    Long draft(ProposalContent content) {
        signIn.as(researcher);
        Long id = proposals.createDraft();
        proposals.saveDraft(id, proposals.openDraft(id).lockVersion(), content);
        return id;
    }

    String submit(Long id) {
        signIn.as(researcher);
        ProposalDraft draft = proposals.openDraft(id);
        return proposals.submit(id, draft.lockVersion(), draft.content()).reference();
    }

    Task task(String reference, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(step).active()
                .singleResult();
    }

    /** Submitted and accepted at the completeness check: the voting round and the ethics review are open. */
    String underReview(Long id) {
        String reference = submit(id);
        signIn.as(staff);
        governance.checkCompleteness(task(reference, ProposalLifecycle.CHECK_COMPLETENESS_TASK).getId(),
                CompletenessDecision.ACCEPT, null);
        return reference;
    }

    void passVotingDeadline(String reference) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        Job deadline = management.createJobQuery().processInstanceId(instance).activityId("VotingDeadlineTimer")
                .singleResult();
        management.executeJob(deadline.getId());
    }

    TimelineEntry lastOf(Long id, ProposalEventKind kind) {
        signIn.as(researcher);
        List<TimelineEntry> entries = proposals.details(id).timeline().stream().filter(t -> t.kind() == kind)
                .toList();
        assertThat(entries).as("timeline entries of kind %s", kind).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    /** The accepted values of a reason or comment: each sample, and one at the limit. */
    static Map<String, String> acceptedTexts(int limit) {
        Map<String, String> values = new LinkedHashMap<>(SAMPLES);
        values.put("exactly the limit of " + limit + " characters", latin(limit));
        return values;
    }

    // =========================================================================================================
    // 1. The proposal form: every text field, in a draft and at submission
    // =========================================================================================================

    record TextField(String path, int limit, boolean stripped, String missingProblem,
                     BiConsumer<ProposalContent, String> setter, Function<ProposalContent, String> getter) {

        String expected(String typed) {
            return stripped ? typed.strip() : typed;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static final List<TextField> PROPOSAL_FIELDS = List.of(
            new TextField("title", 300, true, "title", ProposalContent::setTitle, ProposalContent::getTitle),
            new TextField("acronym", 30, true, "acronym", ProposalContent::setAcronym, ProposalContent::getAcronym),
            new TextField("background", 10_000, false, "background", ProposalContent::setBackground,
                    ProposalContent::getBackground),
            new TextField("objectives", 10_000, false, "objectives", ProposalContent::setObjectives,
                    ProposalContent::getObjectives),
            new TextField("methodology", 10_000, false, "methodology", ProposalContent::setMethodology,
                    ProposalContent::getMethodology),
            new TextField("laySummary", 4_000, false, "laySummary", ProposalContent::setLaySummary,
                    ProposalContent::getLaySummary),
            new TextField("aiModellingDescription", 2_000, true, "aiModellingDescribed", (c, v) -> {
                c.setUsesAiModelling(true);
                c.setAiModellingDescription(v);
            }, ProposalContent::getAiModellingDescription),
            new TextField("fundingSource", 500, true, "fundingSource", ProposalContent::setFundingSource,
                    ProposalContent::getFundingSource),
            new TextField("commercialInterestDetails", 2_000, true, "commercialInterestDescribed", (c, v) -> {
                c.setCommercialInterest(true);
                c.setCommercialInterestDetails(v);
            }, ProposalContent::getCommercialInterestDetails),
            new TextField("conflictsOfInterest", 4_000, true, "conflictsOfInterest",
                    ProposalContent::setConflictsOfInterest, ProposalContent::getConflictsOfInterest),
            new TextField("team[0].fullName", 200, true, "team[0].fullName",
                    (c, v) -> c.getTeam().get(0).setFullName(v), c -> c.getTeam().get(0).getFullName()),
            new TextField("team[0].organisationName", 200, true, "team[0].organisationName",
                    (c, v) -> c.getTeam().get(0).setOrganisationName(v),
                    c -> c.getTeam().get(0).getOrganisationName()),
            new TextField("team[0].projectRole", 100, true, "team[0].projectRole",
                    (c, v) -> c.getTeam().get(0).setProjectRole(v), c -> c.getTeam().get(0).getProjectRole()));

    @TestFactory
    @DisplayName("1. proposal text fields: accepted as typed, or refused on the field")
    Stream<DynamicNode> proposal_text_fields() {
        return PROPOSAL_FIELDS.stream().map(field -> {
            List<DynamicNode> cases = new ArrayList<>();
            Map<String, String> accepted = new LinkedHashMap<>(SAMPLES);
            accepted.put("exactly the limit of " + field.limit() + " characters", latin(field.limit()));
            accepted.put("the limit in emoji (surrogate pairs)", emoji(field.limit()));
            accepted.put("empty, in a draft", "");
            accepted.put("whitespace only, in a draft", " \t ");
            accepted.forEach((name, value) -> cases.add(dynamicTest("saves " + name + " as typed", () -> {
                ProposalContent content = complete();
                field.setter().accept(content, value);
                Long id = draft(content);
                assertThat(field.getter().apply(proposals.openDraft(id).content())).isEqualTo(field.expected(value));
            })));
            Map<String, String> tooLong = new LinkedHashMap<>();
            tooLong.put("limit + 1 characters", latin(field.limit() + 1));
            tooLong.put("100,000 characters", HUNDRED_THOUSAND);
            tooLong.forEach((name, value) -> cases.add(dynamicTest("refuses " + name + " and keeps the draft",
                    () -> {
                        Long id = draft(complete());
                        ProposalDraft before = proposals.openDraft(id);
                        ProposalContent content = before.content();
                        field.setter().accept(content, value);
                        proposalRefused(field.path(), () -> proposals.saveDraft(id, before.lockVersion(), content));
                        proposalRefused(field.path(), () -> proposals.submit(id, before.lockVersion(), content));
                        ProposalDraft after = proposals.openDraft(id);
                        assertThat(field.getter().apply(after.content()))
                                .isEqualTo(field.getter().apply(complete()));
                        assertThat(after.status()).isEqualTo(ProposalStatus.DRAFT);
                        assertThat(after.reference()).isNull();
                    })));
            for (String blank : List.of("", "   ")) {
                cases.add(dynamicTest("refuses to submit " + (blank.isEmpty() ? "it empty" : "whitespace only"),
                        () -> {
                            ProposalContent content = complete();
                            field.setter().accept(content, blank);
                            Long id = draft(content);
                            ProposalDraft draft = proposals.openDraft(id);
                            proposalRefused(field.missingProblem(),
                                    () -> proposals.submit(id, draft.lockVersion(), content));
                            assertThat(proposals.openDraft(id).reference()).isNull();
                        }));
            }
            return dynamicContainer(field.path(), cases);
        });
    }

    static Stream<Arguments> proposal_numbers_and_lists() {
        return Stream.of(
                Arguments.of("cohort size 0", "estimatedCohortSize", (BiConsumer<ProposalContent, Integer>)
                        ProposalContent::setEstimatedCohortSize, 0),
                Arguments.of("cohort size -1", "estimatedCohortSize",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setEstimatedCohortSize, -1),
                Arguments.of("cohort size 1,000,001", "estimatedCohortSize",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setEstimatedCohortSize, 1_000_001),
                Arguments.of("cohort size Integer.MAX_VALUE", "estimatedCohortSize",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setEstimatedCohortSize,
                        Integer.MAX_VALUE),
                Arguments.of("duration 0 months", "durationMonths",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setDurationMonths, 0),
                Arguments.of("duration 121 months", "durationMonths",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setDurationMonths, 121),
                Arguments.of("duration Integer.MIN_VALUE", "durationMonths",
                        (BiConsumer<ProposalContent, Integer>) ProposalContent::setDurationMonths, Integer.MIN_VALUE),
                Arguments.of("51 team members", "team", (BiConsumer<ProposalContent, Integer>) (c, n) ->
                        c.setTeam(Collections.nCopies(n, new TeamMemberEntry(null, "A", "B", "C"))), 51),
                Arguments.of("a lay summary of 301 words", "laySummary", (BiConsumer<ProposalContent, Integer>)
                        (c, n) -> c.setLaySummary(String.join(" ", Collections.nCopies(n, "word"))), 301));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource
    @DisplayName("1. proposal numbers and lists out of range are refused on the field")
    void proposal_numbers_and_lists(String name, String field, BiConsumer<ProposalContent, Integer> setter,
                                    Integer value) {
        Long id = draft(complete());
        ProposalDraft draft = proposals.openDraft(id);
        ProposalContent content = draft.content();
        setter.accept(content, value);
        proposalRefused(field, () -> proposals.saveDraft(id, draft.lockVersion(), content));
    }

    @Test
    @DisplayName("1. a submitted version keeps hostile text in every field, as reviewers read it")
    void a_submitted_version_keeps_hostile_text_in_every_field() {
        ProposalContent content = complete();
        content.setCommercialInterest(true);
        for (TextField field : PROPOSAL_FIELDS) {
            field.setter().accept(content, field.limit() >= ALL.length() ? ALL
                    : field.limit() >= SHORT.length() ? SHORT : TINY);
        }
        Long id = draft(content);
        underReview(id);
        signIn.as(staff);
        ProposalContent frozen = proposals.details(id).content();
        for (TextField field : PROPOSAL_FIELDS) {
            assertThat(field.getter().apply(frozen)).as(field.path())
                    .isEqualTo(field.expected(field.getter().apply(content)));
        }
    }

    // =========================================================================================================
    // 2. Attachments: content, size and name
    // =========================================================================================================

    static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdfWithoutPages() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} bytes that start like a PDF, streamed without holding them. */
    static InputStream pdfLookingStream(long size) {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= size) {
                    return -1;
                }
                int b = sent < head.length ? head[(int) sent] : ' ';
                sent++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = sent + i < head.length ? head[(int) (sent + i)] : (byte) ' ';
                }
                sent += n;
                return n;
            }
        };
    }

    static Stream<Arguments> refused_uploads() {
        byte[] real = TestPdfs.realPdf("Protocol", 2);
        return Stream.of(
                Arguments.of("a fake PDF (text starting with %PDF-)", TestPdfs.fakePdf(), "not a readable PDF"),
                Arguments.of("only the magic bytes %PDF-", "%PDF-".getBytes(StandardCharsets.US_ASCII),
                        "not a readable PDF"),
                Arguments.of("a text file named .pdf", TestPdfs.plainText(), "not a readable PDF"),
                Arguments.of("an empty file", new byte[0], "The file is empty."),
                Arguments.of("a truncated PDF", java.util.Arrays.copyOf(real, real.length / 3), "not a readable PDF"),
                Arguments.of("random bytes", new Random(42).ints(4096, 0, 256).collect(ByteArrayOutputStream::new,
                        ByteArrayOutputStream::write, (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray(),
                        "not a readable PDF"),
                Arguments.of("a password-protected PDF", encryptedPdf(), "password"),
                Arguments.of("a PDF without pages", pdfWithoutPages(), "no pages"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource
    @DisplayName("2. uploads are checked by content")
    void refused_uploads(String name, byte[] content, String message) {
        Long id = draft(complete());
        assertThat(refused(AttachmentRejected.class, () -> proposals.attach(id, AttachmentKind.PROTOCOL,
                "protocol.pdf", new ByteArrayInputStream(content))).getMessage()).contains(message);
        assertThat(proposals.openDraft(id).attachments()).isEmpty();
    }

    @Test
    @DisplayName("2. uploads are checked by size: one byte over the limit is refused before it is kept")
    void an_upload_one_byte_over_the_limit_is_refused() {
        Long id = draft(complete());
        long limit = proposals.maxAttachmentBytes();
        assertThat(refused(AttachmentRejected.class, () -> proposals.attach(id, AttachmentKind.OTHER, "huge.pdf",
                pdfLookingStream(limit + 1))).getMessage()).contains("larger than");
        assertThat(proposals.openDraft(id).attachments()).isEmpty();
    }

    static Stream<Arguments> hostile_file_names() {
        return Stream.of(
                Arguments.of("../../etc/passwd.pdf", "passwd.pdf"),
                Arguments.of("..\\..\\Windows\\System32\\evil.pdf", "evil.pdf"),
                Arguments.of("/absolute/path/ethics.pdf", "ethics.pdf"),
                Arguments.of("<img src=x onerror=alert(1)>.pdf", "_img src=x onerror=alert(1)_.pdf"),
                Arguments.of("<script>alert(1)</script>.pdf", "script_.pdf"),
                Arguments.of("=cmd|' calc'!A0.pdf", "=cmd_' calc'!A0.pdf"),
                Arguments.of("line\r\nbreak\u0000nul\u0007.pdf", "line__break_nul_.pdf"),
                Arguments.of("n".repeat(296) + ".pdf", "n".repeat(251) + ".pdf"),
                Arguments.of("Ärztin 👩‍⚕️ Γεώργιος Мария 急性 دراسة.pdf", "Ärztin 👩‍⚕️ Γεώργιος Мария 急性 دراسة.pdf"),
                Arguments.of("Cafe\u0301.pdf", "Cafe\u0301.pdf"),
                Arguments.of("", "document.pdf"),
                Arguments.of("   ", "document.pdf"),
                Arguments.of("...", "document.pdf"),
                Arguments.of(null, "document.pdf"));
    }

    @ParameterizedTest(name = "\"{0}\" is kept as \"{1}\"")
    @MethodSource
    @DisplayName("2. uploads are checked by name: a real PDF with a hostile name keeps a safe one")
    void hostile_file_names(String typed, String kept) throws IOException {
        Long id = draft(complete());
        byte[] pdf = TestPdfs.realPdf("Ethics approval", 1);
        AttachmentInfo info = proposals.attach(id, AttachmentKind.ETHICS_APPROVAL, typed, new ByteArrayInputStream(pdf));
        assertThat(info.fileName()).isEqualTo(kept).hasSizeLessThanOrEqualTo(255);
        assertThat(proposals.openDraft(id).attachments()).extracting(AttachmentInfo::fileName).containsExactly(kept);
        var download = proposals.download(info.id());
        assertThat(download.fileName()).isEqualTo(kept);
        try (InputStream in = download.content().get()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    @DisplayName("2. a 300-character emoji name is cut without splitting a character")
    void a_long_emoji_name_is_cut_between_characters() {
        Long id = draft(complete());
        String typed = "🧬".repeat(148) + ".pdf";
        AttachmentInfo info = proposals.attach(id, AttachmentKind.OTHER, typed,
                new ByteArrayInputStream(TestPdfs.realPdf("x", 1)));
        assertThat(info.fileName()).hasSizeLessThanOrEqualTo(255).endsWith(".pdf");
        assertThat(wellFormed(info.fileName())).as("no half of a surrogate pair in %s", info.fileName()).isTrue();
    }

    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    @DisplayName("2. a name that hides its real extension behind a right-to-left override is not kept as such")
    void a_right_to_left_override_in_a_file_name_is_not_kept() {
        Long id = draft(complete());
        AttachmentInfo info = proposals.attach(id, AttachmentKind.OTHER, "protocol\u202Efdp.exe",
                new ByteArrayInputStream(TestPdfs.realPdf("x", 1)));
        assertThat(info.fileName()).as("shown as \"protocolexe.pdf\", saved by a browser as .exe")
                .doesNotContain("\u202E");
    }

    // =========================================================================================================
    // 3. Governance decisions: completeness check, withdrawal, conflicts, votes, quorum, ethics
    // =========================================================================================================

    @TestFactory
    @DisplayName("3. completeness check: the reason")
    Stream<DynamicTest> completeness_reason() {
        Long id = draft(complete());
        String reference = submit(id);
        List<DynamicTest> cases = new ArrayList<>();
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("no decision at all", new Object[] {null, "x", "decision"});
        refusals.put("returned with an empty reason", new Object[] {CompletenessDecision.RETURN, "", "reason"});
        refusals.put("returned with whitespace only", new Object[] {CompletenessDecision.RETURN, " \t\n", "reason"});
        refusals.put("returned with no reason (null)", new Object[] {CompletenessDecision.RETURN, null, "reason"});
        refusals.put("rejected with an empty reason", new Object[] {CompletenessDecision.REJECT, "", "reason"});
        refusals.put("returned with 4,001 characters", new Object[] {CompletenessDecision.RETURN, latin(4_001),
                "reason"});
        refusals.put("accepted with 100,000 characters", new Object[] {CompletenessDecision.ACCEPT, HUNDRED_THOUSAND,
                "reason"});
        refusals.forEach((name, c) -> cases.add(dynamicTest("refuses " + name, () -> {
            signIn.as(staff);
            String task = task(reference, ProposalLifecycle.CHECK_COMPLETENESS_TASK).getId();
            proposalRefused((String) c[2], () -> governance.checkCompleteness(task, (CompletenessDecision) c[0],
                    (String) c[1]));
            assertThat(task(reference, ProposalLifecycle.CHECK_COMPLETENESS_TASK)).as("the task stays open")
                    .isNotNull();
        })));
        acceptedTexts(4_000).forEach((name, value) -> cases.add(dynamicTest("returns with " + name
                + ", kept as typed", () -> {
            signIn.as(staff);
            governance.checkCompleteness(task(reference, ProposalLifecycle.CHECK_COMPLETENESS_TASK).getId(),
                    CompletenessDecision.RETURN, value);
            assertThat(lastOf(id, ProposalEventKind.RETURNED_FOR_CHANGES).reason()).isEqualTo(value.strip());
            submit(id);
        })));
        return cases.stream();
    }

    @TestFactory
    @DisplayName("3. withdrawal: the reason")
    Stream<DynamicTest> withdrawal_reason() {
        List<DynamicTest> cases = new ArrayList<>();
        for (String tooLong : List.of("4,001 characters", "100,000 characters")) {
            cases.add(dynamicTest("refuses " + tooLong, () -> {
                Long id = draft(complete());
                submit(id);
                String reason = tooLong.startsWith("4") ? latin(4_001) : HUNDRED_THOUSAND;
                proposalRefused("reason", () -> proposals.withdraw(id, reason));
                assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.SUBMITTED);
            }));
        }
        Map<String, String> values = acceptedTexts(4_000);
        values.put("empty (the reason is optional)", "");
        values.forEach((name, value) -> cases.add(dynamicTest("withdraws with " + name + ", kept as typed", () -> {
            Long id = draft(complete());
            submit(id);
            proposals.withdraw(id, value);
            assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.WITHDRAWN);
            assertThat(lastOf(id, ProposalEventKind.WITHDRAWN).reason())
                    .isEqualTo(value.isBlank() ? null : value.strip());
        })));
        return cases.stream();
    }

    String voteTask(String reference, Long organisationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ProposalLifecycle.CAST_VOTE_TASK)
                .taskCandidateGroup(ProposalLifecycle.patientOrganisationGroup(organisationId)).active()
                .singleResult().getId();
    }

    @TestFactory
    @DisplayName("3. conflict declaration: the details")
    Stream<DynamicTest> conflict_details() {
        Long id = draft(complete());
        String reference = underReview(id);
        String task = voteTask(reference, patients.id());
        List<DynamicTest> cases = new ArrayList<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("a conflict without details (empty)", "");
        refusals.put("a conflict described by whitespace only", "   ");
        refusals.put("a conflict without details (null)", null);
        refusals.put("2,001 characters", latin(2_001));
        refusals.put("100,000 characters", HUNDRED_THOUSAND);
        refusals.forEach((name, value) -> cases.add(dynamicTest("refuses " + name, () -> {
            signIn.as(representatives.get(0));
            voteRefused(value != null && value.length() > 2_000 ? "at most 2000" : "Describe the conflict",
                    () -> governance.declareConflicts(task, true, value));
        })));
        Map<String, String> values = acceptedTexts(2_000);
        List<String> names = new ArrayList<>(values.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(name);
            String representative = representatives.get(i);
            cases.add(dynamicTest("declares " + name + ", kept as typed", () -> {
                signIn.as(representative);
                governance.declareConflicts(task, true, value);
                Long personId = members.personIdOf(representative).orElseThrow();
                assertThat(jdbc.queryForObject("select d.details from conflict_declaration d join voting_round r"
                        + " on r.id = d.voting_round_id where r.proposal_id = ? and d.person_id = ?", String.class,
                        id, personId)).isEqualTo(value.strip());
                SignIn.asAdministrator();
                assertThat(audit.find(new AuditFilter(representative, reference, "CONFLICT_DECLARED", null, null),
                        0, 5)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(value.strip()));
            }));
        }
        return cases.stream();
    }

    @TestFactory
    @DisplayName("3. vote: the comment")
    Stream<DynamicTest> vote_comment() {
        Map<String, String> values = acceptedTexts(4_000);
        Map<String, OrganisationSummary> organisations = new LinkedHashMap<>();
        Map<String, String> voters = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            OrganisationSummary organisation = fixtures.organisation("Bad Input Voters",
                    OrganisationType.PATIENT_ORGANISATION);
            organisations.put(name, organisation);
            voters.put(name, fixtures.person("Val Voter", organisation, Role.PATIENT_REPRESENTATIVE));
        }
        Long id = draft(complete());
        String reference = underReview(id);
        List<DynamicTest> cases = new ArrayList<>();
        String firstName = values.keySet().iterator().next();
        String firstVoter = voters.get(firstName);
        String firstTask = voteTask(reference, organisations.get(firstName).id());
        cases.add(dynamicTest("declares no conflict first", () -> {
            signIn.as(firstVoter);
            governance.declareConflicts(firstTask, false, null);
        }));
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("no choice", new Object[] {null, "fine", "Choose"});
        refusals.put("a rejection with an empty comment", new Object[] {VoteChoice.REJECT, "", "comment is needed"});
        refusals.put("a rejection with whitespace only", new Object[] {VoteChoice.REJECT, " \n ", "comment is needed"});
        refusals.put("recommendations with no comment (null)", new Object[] {VoteChoice.APPROVE_WITH_RECOMMENDATIONS,
                null, "comment is needed"});
        refusals.put("4,001 characters", new Object[] {VoteChoice.APPROVE, latin(4_001), "at most 4000"});
        refusals.put("100,000 characters", new Object[] {VoteChoice.ABSTAIN, HUNDRED_THOUSAND, "at most 4000"});
        refusals.forEach((name, c) -> cases.add(dynamicTest("refuses " + name, () -> {
            signIn.as(firstVoter);
            voteRefused((String) c[2], () -> governance.castVote(firstTask, (VoteChoice) c[0], (String) c[1]));
        })));
        values.forEach((name, value) -> cases.add(dynamicTest("casts a vote with " + name, () -> {
            signIn.as(voters.get(name));
            String task = voteTask(reference, organisations.get(name).id());
            if (!name.equals(firstName)) {
                governance.declareConflicts(task, false, null);
            }
            governance.castVote(task, VoteChoice.APPROVE_WITH_RECOMMENDATIONS, value);
        })));
        cases.add(dynamicTest("once the round closes, every comment reads back as typed", () -> {
            passVotingDeadline(reference);
            signIn.as(staff);
            RoundResults results = patientReview.results(id);
            values.forEach((name, value) -> assertThat(results.votes()).as(name)
                    .filteredOn(v -> v.organisation().equals(organisations.get(name).name())).singleElement()
                    .satisfies(v -> assertThat(v.comment()).isEqualTo(value.strip())));
        }));
        return cases.stream();
    }

    /**
     * One proposal without quorum: refused reasons, then an extension whose reason holds every sample, then (after
     * the extended deadline) a rejection at the limit. The reason goes to the same timeline as the completeness
     * check's, which takes each sample on its own.
     */
    @TestFactory
    @DisplayName("3. quorum decision: the reason")
    Stream<DynamicTest> quorum_reason() {
        List<DynamicTest> cases = new ArrayList<>();
        Long id = draft(complete());
        String reference = underReview(id);
        passVotingDeadline(reference);
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("a rejection with an empty reason", new Object[] {false, ""});
        refusals.put("a rejection with whitespace only", new Object[] {false, "\t \n"});
        refusals.put("a rejection with no reason (null)", new Object[] {false, null});
        refusals.put("a rejection with 4,001 characters", new Object[] {false, latin(4_001)});
        refusals.put("an extension with 100,000 characters", new Object[] {true, HUNDRED_THOUSAND});
        refusals.forEach((name, c) -> cases.add(dynamicTest("refuses " + name, () -> {
            signIn.as(staff);
            String task = task(reference, ProposalLifecycle.DECIDE_ON_QUORUM_TASK).getId();
            proposalRefused("reason", () -> governance.decideOnQuorum(task, (Boolean) c[0], (String) c[1]));
        })));
        cases.add(dynamicTest("extends with every sample in the reason, kept as typed", () -> {
            signIn.as(staff);
            governance.decideOnQuorum(task(reference, ProposalLifecycle.DECIDE_ON_QUORUM_TASK).getId(), true, ALL);
            assertThat(lastOf(id, ProposalEventKind.VOTING_ROUND_EXTENDED).reason()).isEqualTo(ALL);
        }));
        cases.add(dynamicTest("rejects with a reason of exactly 4,000 characters, kept as typed", () -> {
            passVotingDeadline(reference);
            signIn.as(staff);
            String task = task(reference, ProposalLifecycle.DECIDE_ON_QUORUM_TASK).getId();
            proposalRefused("decision", () -> governance.decideOnQuorum(task, true, "Once more"));
            governance.decideOnQuorum(task, false, latin(4_000));
            assertThat(lastOf(id, ProposalEventKind.REJECTED_FOR_LACK_OF_QUORUM).reason()).isEqualTo(latin(4_000));
            assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.REJECTED);
        }));
        return cases.stream();
    }

    @TestFactory
    @DisplayName("3. ethics review: conditions and comment")
    Stream<DynamicTest> ethics_conditions_and_comment() {
        Long id = draft(complete());
        String reference = underReview(id);
        List<DynamicTest> cases = new ArrayList<>();
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("no decision", new Object[] {null, "c", "c", "decision"});
        refusals.put("conditions left empty", new Object[] {EthicsOutcome.APPROVE_WITH_CONDITIONS, "", null,
                "conditions"});
        refusals.put("conditions of whitespace only", new Object[] {EthicsOutcome.APPROVE_WITH_CONDITIONS, "  \n",
                null, "conditions"});
        refusals.put("changes requested without a comment", new Object[] {EthicsOutcome.REQUEST_CHANGES, null, " ",
                "comment"});
        refusals.put("a rejection without a comment", new Object[] {EthicsOutcome.REJECT, null, "", "comment"});
        refusals.put("conditions of 4,001 characters", new Object[] {EthicsOutcome.APPROVE_WITH_CONDITIONS,
                latin(4_001), null, "conditions"});
        refusals.put("a comment of 4,001 characters", new Object[] {EthicsOutcome.REQUEST_CHANGES, null,
                latin(4_001), "comment"});
        refusals.put("conditions of 100,000 characters", new Object[] {EthicsOutcome.APPROVE_WITH_CONDITIONS,
                HUNDRED_THOUSAND, "fine", "conditions"});
        refusals.put("a comment of 100,000 characters", new Object[] {EthicsOutcome.REJECT, null, HUNDRED_THOUSAND,
                "comment"});
        refusals.forEach((name, c) -> cases.add(dynamicTest("refuses " + name, () -> {
            signIn.as(ethicsReviewer);
            proposalRefused((String) c[3], () -> ethics.decide(id, EthicsRoute.EXPEDITED, (EthicsOutcome) c[0],
                    (String) c[1], (String) c[2]));
        })));
        cases.add(dynamicTest("the task refuses over-long conditions the same way", () -> {
            signIn.as(ethicsReviewer);
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKeyIn(ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK,
                            ProposalLifecycle.FULL_ETHICS_REVIEW_TASK).active().singleResult();
            proposalRefused("conditions", () -> governance.reviewEthics(task.getId(),
                    EthicsOutcome.APPROVE_WITH_CONDITIONS, HUNDRED_THOUSAND, null));
            proposalRefused("comment", () -> governance.reviewEthics(task.getId(), EthicsOutcome.REQUEST_CHANGES,
                    null, latin(4_001)));
        }));
        acceptedTexts(4_000).forEach((name, value) -> {
            cases.add(dynamicTest("approves with conditions of " + name + ", kept as typed", () -> {
                signIn.as(ethicsReviewer);
                ethics.decide(id, EthicsRoute.EXPEDITED, EthicsOutcome.APPROVE_WITH_CONDITIONS, value, null);
                assertThat(ethics.conditionsFor(id)).contains(value.strip());
            }));
            cases.add(dynamicTest("requests changes with a comment of " + name + ", kept as typed", () -> {
                signIn.as(ethicsReviewer);
                ethics.decide(id, EthicsRoute.EXPEDITED, EthicsOutcome.REQUEST_CHANGES, null, value);
                assertThat(lastOf(id, ProposalEventKind.CHANGES_REQUESTED).reason()).isEqualTo(value.strip());
            }));
        });
        cases.add(dynamicTest("the task takes a hostile comment and passes it to the applicant", () -> {
            signIn.as(ethicsReviewer);
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKeyIn(ProposalLifecycle.EXPEDITED_ETHICS_REVIEW_TASK,
                            ProposalLifecycle.FULL_ETHICS_REVIEW_TASK).active().singleResult();
            governance.reviewEthics(task.getId(), EthicsOutcome.REQUEST_CHANGES, null, ALL);
            assertThat(lastOf(id, ProposalEventKind.CHANGES_REQUESTED).reason()).isEqualTo(ALL);
            assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.CHANGES_REQUESTED);
        }));
        return cases.stream();
    }

    // =========================================================================================================
    // 4. The agreement: access period, PDF, signing password, chase, extension, outputs, closure
    // =========================================================================================================

    static final String PDF_TITLE = "<script>alert(1)</script> <b>x</b> & \"q\" 'q' =cmd|' /C calc'!A0 Γεώργιος Мария";
    static final String PDF_CONDITIONS = "Only in <i>aggregate</i> & \"never\" linked; =HYPERLINK(\"x\")";

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document).replaceAll("\\s+", " "),
                    Normalizer.Form.NFC);
        }
    }

    static String inPdf(String typed) {
        String visible = typed.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "").replaceAll("\\s+", " ").strip();
        return Normalizer.normalize(visible, Normalizer.Form.NFC);
    }

    /** One approved proposal walked through its agreement; the steps depend on each other and run in order. */
    @TestFactory
    @DisplayName("4. data-access agreement, step by step")
    Stream<DynamicTest> agreement() {
        ProposalContent content = complete();
        content.setTitle(PDF_TITLE);
        content.setObjectives(String.join("\n\n", SAMPLES.values()));
        Long id = draft(content);
        String reference = underReview(id);
        signIn.as(ethicsReviewer);
        ethics.decide(id, EthicsRoute.EXPEDITED, EthicsOutcome.APPROVE_WITH_CONDITIONS, PDF_CONDITIONS, null);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        runtime.createProcessInstanceModification(instance).cancelAllForActivity("GovernanceReviewSubProcess")
                .startBeforeActivity("MarkApprovedTask").execute();
        SignIn.out();
        int[] version = {0};
        List<DynamicTest> cases = new ArrayList<>();

        for (int months : new int[] {0, -1, 121, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            cases.add(dynamicTest("refuses an access period of " + months + " months", () -> {
                signIn.as(staff);
                agreementRefused("accessMonths", () -> agreements.generate(id, months));
            }));
        }
        for (int months : new int[] {1, 120, 24}) {
            cases.add(dynamicTest("generates with an access period of " + months + " months", () -> {
                signIn.as(staff);
                version[0] = agreements.generate(id, months);
                assertThat(agreements.overview(id).orElseThrow().accessMonths()).isEqualTo(months);
            }));
        }
        cases.add(dynamicTest("the PDF shows title, objectives and conditions as literal text", () -> {
            signIn.as(staff);
            String text = pdfText(agreements.version(id, version[0]).content());
            assertThat(text).contains(inPdf(PDF_TITLE), inPdf(PDF_CONDITIONS));
            for (String sample : List.of("script tag", "HTML, ampersand and quotes", "CSV injection", "Greek",
                    "Cyrillic", "combining characters", "NUL and control characters")) {
                assertThat(text).as(sample).contains(inPdf(SAMPLES.get(sample)));
            }
        }));
        for (String password : new String[] {"", " ", HUNDRED_THOUSAND, "👩‍⚕️".repeat(30), "pass\u0000word-1234",
                "<script>alert(1)</script>"}) {
            cases.add(dynamicTest("refuses to sign with a wrong password of " + password.length() + " characters",
                    () -> {
                        signIn.as(leadSignatory);
                        agreementRefused("password", () -> agreements.sign(id, SigningParty.LEAD_ORGANISATION,
                                version[0], password, true));
                    }));
        }
        cases.add(dynamicTest("sends it, and sixty days pass unsigned", () -> {
            signIn.as(staff);
            agreementTasks.sendForSignature(task(reference, ProposalLifecycle.PREPARE_AGREEMENT_TASK).getId());
            Job chase = management.createJobQuery().processInstanceId(instance).activityId("SignatureChaseTimer")
                    .singleResult();
            management.executeJob(chase.getId());
            assertThat(task(reference, ProposalLifecycle.CHASE_OR_CANCEL_TASK)).isNotNull();
        }));
        Map<String, Object[]> chaseRefusals = new LinkedHashMap<>();
        chaseRefusals.put("a cancellation with an empty reason", new Object[] {true, ""});
        chaseRefusals.put("a cancellation with whitespace only", new Object[] {true, " \t"});
        chaseRefusals.put("a cancellation with no reason (null)", new Object[] {true, null});
        chaseRefusals.put("a chase with 4,001 characters", new Object[] {false, latin(4_001)});
        chaseRefusals.put("a cancellation with 100,000 characters", new Object[] {true, HUNDRED_THOUSAND});
        chaseRefusals.forEach((name, c) -> cases.add(dynamicTest("chase or cancel refuses " + name, () -> {
            signIn.as(staff);
            String task = task(reference, ProposalLifecycle.CHASE_OR_CANCEL_TASK).getId();
            agreementRefused("reason", () -> agreementTasks.chaseOrCancel(task, (Boolean) c[0], (String) c[1]));
        })));
        cases.add(dynamicTest("chases with hostile text, kept as typed", () -> {
            signIn.as(staff);
            agreementTasks.chaseOrCancel(task(reference, ProposalLifecycle.CHASE_OR_CANCEL_TASK).getId(), false, ALL);
            assertThat(lastOf(id, ProposalEventKind.SIGNATURES_CHASED).reason()).isEqualTo(ALL);
        }));
        cases.add(dynamicTest("both parties sign: the project is active", () -> {
            signIn.as(leadSignatory);
            agreementTasks.sign(task(reference, ProposalLifecycle.LEAD_SIGNATURE_TASK).getId(), version[0],
                    fixtures.password(), true);
            signIn.as(director);
            agreementTasks.sign(task(reference, ProposalLifecycle.FOUNDATION_SIGNATURE_TASK).getId(), version[0],
                    fixtures.password(), true);
            assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.ACTIVE);
        }));

        LocalDate[] end = new LocalDate[1];
        cases.add(dynamicTest("extension refuses a missing date, a missing reason and over-long reasons", () -> {
            signIn.as(staff);
            end[0] = agreements.overview(id).orElseThrow().accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate();
            LocalDate later = end[0].plusMonths(1);
            agreementRefused("newEnd", () -> agreements.extend(id, null, "reason"));
            agreementRefused("newEnd", () -> agreements.extend(id, end[0].minusDays(1), "reason"));
            agreementRefused("reason", () -> agreements.extend(id, later, null));
            agreementRefused("reason", () -> agreements.extend(id, later, ""));
            agreementRefused("reason", () -> agreements.extend(id, later, " \n\t "));
            agreementRefused("reason", () -> agreements.extend(id, later, latin(2_001)));
            agreementRefused("reason", () -> agreements.extend(id, later, HUNDRED_THOUSAND));
        }));
        acceptedTexts(2_000).forEach((name, value) -> cases.add(dynamicTest("extends with a reason of " + name
                + ", kept as typed", () -> {
            signIn.as(staff);
            end[0] = end[0].plusMonths(1);
            agreements.extend(id, end[0], value);
            List<AgreementOverview.Extension> extensions = agreements.overview(id).orElseThrow().extensions();
            assertThat(extensions.get(extensions.size() - 1).reason()).isEqualTo(value.strip());
        })));
        cases.add(dynamicTest("extends to 9999-12-31, the last day a MySQL DATETIME holds", () -> {
            signIn.as(staff);
            accepted(() -> agreements.extend(id, LocalDate.of(9999, 12, 31), "Indefinitely"));
            assertThat(agreements.overview(id).orElseThrow().accessEndsAt().atOffset(ZoneOffset.UTC).toLocalDate())
                    .isEqualTo(LocalDate.of(9999, 12, 31));
        }));

        Map<String, Object[]> outputRefusals = new LinkedHashMap<>();
        outputRefusals.put("no kind", new Object[] {null, "Title", null, null, "kind"});
        outputRefusals.put("an empty title", new Object[] {OutputKind.OTHER, "", null, null, "title"});
        outputRefusals.put("a title of whitespace only", new Object[] {OutputKind.OTHER, " \t ", null, null, "title"});
        outputRefusals.put("no title (null)", new Object[] {OutputKind.OTHER, null, null, null, "title"});
        outputRefusals.put("a title of 501 characters", new Object[] {OutputKind.OTHER, latin(501), null, null,
                "title"});
        outputRefusals.put("a title of 100,000 characters", new Object[] {OutputKind.OTHER, HUNDRED_THOUSAND, null,
                null, "title"});
        outputRefusals.put("a publication without a DOI", new Object[] {OutputKind.PUBLICATION, "Paper", " ", null,
                "doi"});
        outputRefusals.put("a DOI that is markup", new Object[] {OutputKind.PUBLICATION, "Paper",
                "<script>alert(1)</script>", null, "doi"});
        outputRefusals.put("a DOI that is a formula", new Object[] {OutputKind.PUBLICATION, "Paper",
                "=HYPERLINK(\"http://x\")", null, "doi"});
        outputRefusals.put("a DOI of 201 characters", new Object[] {OutputKind.PUBLICATION, "Paper",
                "10.1234/" + "x".repeat(193), null, "doi"});
        outputRefusals.put("a DOI of 100,000 characters", new Object[] {OutputKind.PUBLICATION, "Paper",
                "10.1234/" + HUNDRED_THOUSAND, null, "doi"});
        outputRefusals.put("a description of 2,001 characters", new Object[] {OutputKind.OTHER, "Title", null,
                latin(2_001), "description"});
        outputRefusals.put("a description of 100,000 characters", new Object[] {OutputKind.OTHER, "Title", null,
                HUNDRED_THOUSAND, "description"});
        outputRefusals.forEach((name, c) -> cases.add(dynamicTest("output report refuses " + name, () -> {
            signIn.as(researcher);
            agreementRefused((String) c[4], () -> agreements.reportOutput(id, (OutputKind) c[0], (String) c[1],
                    (String) c[2], (String) c[3]));
        })));
        Map<String, String[]> outputs = new LinkedHashMap<>();
        SAMPLES.forEach((name, value) -> outputs.put(name, new String[] {value, value, null}));
        outputs.put("every field at its limit", new String[] {latin(500), latin(2_000), "10.1234/" + "x".repeat(192)});
        outputs.forEach((name, v) -> cases.add(dynamicTest("reports an output with " + name + ", kept as typed",
                () -> {
                    signIn.as(researcher);
                    agreements.reportOutput(id, v[2] == null ? OutputKind.OTHER : OutputKind.PUBLICATION, v[0], v[2],
                            v[1]);
                    List<AgreementOverview.Output> reported = agreements.overview(id).orElseThrow().outputs();
                    AgreementOverview.Output last = reported.get(reported.size() - 1);
                    assertThat(last.title()).isEqualTo(v[0].strip());
                    assertThat(last.description()).isEqualTo(v[1].strip());
                    assertThat(last.doi()).isEqualTo(v[2]);
                })));

        cases.add(dynamicTest("the applicant asks to close; closing refuses an over-long note", () -> {
            signIn.as(researcher);
            agreements.requestClosure(id);
            signIn.as(staff);
            String task = task(reference, ProposalLifecycle.CLOSE_PROJECT_TASK).getId();
            agreementRefused("note", () -> agreementTasks.closeProject(task, latin(4_001)));
            agreementRefused("note", () -> agreementTasks.closeProject(task, HUNDRED_THOUSAND));
        }));
        cases.add(dynamicTest("closes with a hostile note, kept as typed", () -> {
            signIn.as(staff);
            agreementTasks.closeProject(task(reference, ProposalLifecycle.CLOSE_PROJECT_TASK).getId(), ALL);
            assertThat(lastOf(id, ProposalEventKind.CLOSED).reason()).isEqualTo(ALL);
            assertThat(proposals.details(id).status()).isEqualTo(ProposalStatus.CLOSED);
        }));
        return cases.stream();
    }

    @Disabled("HOLE: the agreement PDF silently drops what its embedded Liberation fonts lack: a title 'Ärztin "
            + "👩‍⚕️ and 🧬 data 急性骨髓性白血病の研究 دراسة سريرية — מחקר קליני' is accepted and stored, but the "
            + "generated agreement reads 'Ärztin ‍ and data — ינילק רקחמ': emoji, CJK and Arabic vanish, "
            + "Hebrew is laid out left to right")
    @Test
    @DisplayName("4. Unicode the agreement's fonts lack (emoji, CJK, Arabic, Hebrew) still reaches the PDF")
    void unicode_outside_the_fonts_reaches_the_agreement_pdf() throws IOException {
        ProposalContent content = complete();
        content.setTitle(SAMPLES.get("emoji") + " " + SAMPLES.get("CJK") + " " + SAMPLES.get("right-to-left Arabic and Hebrew"));
        Long id = draft(content);
        String reference = underReview(id);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        runtime.createProcessInstanceModification(instance).cancelAllForActivity("GovernanceReviewSubProcess")
                .startBeforeActivity("MarkApprovedTask").execute();
        signIn.as(staff);
        int version = agreements.generate(id, 24);
        String text = pdfText(agreements.version(id, version).content());
        assertThat(text).contains("急性骨髓性白血病の研究", "👩", "מחקר");
    }

    static Stream<Arguments> not_agreements() throws IOException {
        byte[] real = TestPdfs.realPdf("Some other document", 1);
        return Stream.of(
                Arguments.of("an empty file", new byte[0]),
                Arguments.of("a fake PDF", TestPdfs.fakePdf()),
                Arguments.of("only the magic bytes", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("plain text", TestPdfs.plainText()),
                Arguments.of("markup", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("random bytes", new Random(7).ints(10_000, 0, 256).collect(ByteArrayOutputStream::new,
                        ByteArrayOutputStream::write, (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray()),
                Arguments.of("a truncated PDF", java.util.Arrays.copyOf(real, real.length / 2)),
                Arguments.of("a password-protected PDF", encryptedPdf()),
                Arguments.of("a PDF without pages", pdfWithoutPages()),
                Arguments.of("another real PDF", real),
                Arguments.of("a PDF claiming markup as its reference",
                        pdfClaiming("consilium-agreement:<script>alert(1)</script>:v1")),
                Arguments.of("a PDF claiming an unknown reference", pdfClaiming("consilium-agreement:CONS-1999-9999:v1")));
    }

    static byte[] pdfClaiming(String keywords) {
        try (PDDocument document = Loader.loadPDF(TestPdfs.realPdf("Forged", 1));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setKeywords(keywords);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} is NOT_A_PDF or UNKNOWN")
    @MethodSource
    @DisplayName("4. verification answers every upload, never throws")
    void not_agreements(String name, byte[] upload) {
        signIn.as(researcher);
        Verification[] result = new Verification[1];
        accepted(() -> result[0] = agreements.verify(upload));
        assertThat(result[0].outcome()).isIn(Verification.Outcome.NOT_A_PDF, Verification.Outcome.UNKNOWN);
        assertThat(result[0].message()).isNotBlank();
    }

    @Test
    @DisplayName("4. verification answers a PDF whose claimed version number overflows an int")
    void a_claimed_version_that_overflows_is_answered() {
        signIn.as(researcher);
        Verification[] result = new Verification[1];
        accepted(() -> result[0] = agreements.verify(pdfClaiming("consilium-agreement:CONS-2026-0001:v99999999999")));
        assertThat(result[0].outcome()).isIn(Verification.Outcome.NOT_A_PDF, Verification.Outcome.UNKNOWN,
                Verification.Outcome.ALTERED);
    }

    // =========================================================================================================
    // 5. Members: registering a person (and an organisation)
    // =========================================================================================================

    int people;

    NewPerson person(String username, String fullName, String email, String password) {
        return new NewPerson(username, fullName, email, password, hospital.id(), EnumSet.of(Role.RESEARCHER));
    }

    String freshUsername() {
        return "bad-" + run + "-" + (++people);
    }

    static Stream<Arguments> refused_people() {
        String ok = "keep-this-secret-42";
        return Stream.of(
                Arguments.of("username", "empty", "", "Valid Name", null, ok),
                Arguments.of("username", "whitespace only", "   ", "Valid Name", null, ok),
                Arguments.of("username", "null", null, "Valid Name", "x@test.example", ok),
                Arguments.of("username", "one character", "a", "Valid Name", null, ok),
                Arguments.of("username", "61 characters", "u".repeat(61), "Valid Name", null, ok),
                Arguments.of("username", "100,000 characters", HUNDRED_THOUSAND, "Valid Name", null, ok),
                Arguments.of("username", "Unicode", "ärztin", "Valid Name", null, ok),
                Arguments.of("username", "markup", "<script>", "Valid Name", null, ok),
                Arguments.of("username", "a NUL character", "ab\u0000cd", "Valid Name", null, ok),
                Arguments.of("username", "upper case", "Admin", "Valid Name", null, ok),
                Arguments.of("username", "a formula", "=cmd|calc", "Valid Name", null, ok),
                Arguments.of("fullName", "empty", "*", "", null, ok),
                Arguments.of("fullName", "whitespace only", "*", " \t ", null, ok),
                Arguments.of("fullName", "null", "*", null, null, ok),
                Arguments.of("fullName", "201 characters", "*", latin(201), null, ok),
                Arguments.of("fullName", "100,000 characters", "*", HUNDRED_THOUSAND, null, ok),
                Arguments.of("email", "empty", "*", "Valid Name", "", ok),
                Arguments.of("email", "whitespace only", "*", "Valid Name", "   ", ok),
                Arguments.of("email", "null", "*", "Valid Name", "null", ok),
                Arguments.of("email", "no at sign", "*", "Valid Name", "not-an-email", ok),
                Arguments.of("email", "no domain dot", "*", "Valid Name", "a@b", ok),
                Arguments.of("email", "a space", "*", "Valid Name", "a b@example.org", ok),
                Arguments.of("email", "321 characters", "*", "Valid Name", "a".repeat(309) + "@example.org", ok),
                Arguments.of("email", "100,000 characters", "*", "Valid Name", HUNDRED_THOUSAND + "@example.org", ok),
                Arguments.of("password", "empty", "*", "Valid Name", null, ""),
                Arguments.of("password", "null", "*", "Valid Name", null, null),
                Arguments.of("password", "11 characters", "*", "Valid Name", null, "abcdefghij1"),
                Arguments.of("password", "whitespace only", "*", "Valid Name", null, " ".repeat(20)),
                Arguments.of("password", "129 characters", "*", "Valid Name", null, "pass-".repeat(25) + "word"),
                Arguments.of("password", "100,000 characters", "*", "Valid Name", null, HUNDRED_THOUSAND),
                Arguments.of("password", "too easy to guess", "*", "Valid Name", null, "aaaaaaaaaaaaaaaa"),
                Arguments.of("password", "the person's name", "*", "Valid Name", null, "my valid name 2026"));
    }

    @ParameterizedTest(name = "{0}: refuses {1}")
    @MethodSource
    @DisplayName("5. registering a person refuses bad input on the field")
    void refused_people(String field, String what, String username, String fullName, String email, String password) {
        String name = "*".equals(username) ? freshUsername() : username;
        String address = email == null ? freshUsername() + "@test.example" : "null".equals(email) ? null : email;
        SignIn.asAdministrator();
        memberRefused(field, () -> members.registerPerson(person(name, fullName, address, password)));
    }

    PersonRow registered(String username) {
        SignIn.asAdministrator();
        return members.people(username, 0, 10).stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow();
    }

    @TestFactory
    @DisplayName("5. registering a person keeps Unicode and markup as typed")
    Stream<DynamicTest> accepted_people() {
        List<DynamicTest> cases = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>(SAMPLES);
        names.put("exactly 200 characters", latin(200));
        names.forEach((what, fullName) -> cases.add(dynamicTest("full name: " + what, () -> {
            String username = freshUsername();
            SignIn.asAdministrator();
            accepted(() -> members.registerPerson(person(username, fullName, username + "@test.example",
                    "keep-this-secret-42")));
            assertThat(registered(username).fullName()).isEqualTo(fullName);
        })));
        for (String email : List.of("<b>x</b>&'q'@example.org", "мария@пример.рф", "=cmd|calc@example.org",
                "a".repeat(242) + "@example.org")) {
            cases.add(dynamicTest("e-mail: " + (email.length() > 60 ? email.length() + " characters" : email), () -> {
                String username = freshUsername();
                SignIn.asAdministrator();
                accepted(() -> members.registerPerson(person(username, "Mail Person", email, "keep-this-secret-42")));
                assertThat(registered(username).email()).isEqualTo(email);
            }));
        }
        for (String password : List.of("👩‍⚕️🧬".repeat(4), "Γεώργιος-Мария-急性", "<script>alert(1)</script>",
                "with\u0000nul-and-more", "abcd-".repeat(14) + "xy", "=cmd|' /C calc'!A0")) {
            cases.add(dynamicTest("password of " + password.length() + " characters: " + password.codePoints()
                    .limit(12).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().replace("\u0000", "\\0"), () -> {
                String username = freshUsername();
                SignIn.asAdministrator();
                accepted(() -> members.registerPerson(person(username, "Pass Person", username + "@test.example",
                        password)));
                Long personId = members.personIdOf(username).orElseThrow();
                assertThat(members.passwordMatches(personId, password)).isTrue();
                assertThat(members.passwordMatches(personId, "x" + password)).isFalse();
            }));
        }
        cases.add(dynamicTest("username at the limit of 60 characters", () -> {
            String username = (freshUsername() + "-" + "u".repeat(60)).substring(0, 60);
            SignIn.asAdministrator();
            accepted(() -> members.registerPerson(person(username, "Long Username", "long@test.example",
                    "keep-this-secret-42")));
            assertThat(registered(username).username()).isEqualTo(username);
        }));
        return cases.stream();
    }

    @Test
    @DisplayName("5. an e-mail address over 254 characters is refused by the service, not by the database")
    void an_email_longer_than_the_column_is_refused_clearly() {
        String username = freshUsername();
        String email = "a".repeat(243) + "@example.org";
        assertThat(email).hasSize(255);
        SignIn.asAdministrator();
        memberRefused("email", () -> members.registerPerson(person(username, "Long Mail", email, "keep-this-secret-42")));
    }

    @Test
    @DisplayName("5. a username typed with surrounding spaces is kept as it was checked: stripped")
    void a_username_with_surrounding_spaces_is_kept_stripped() {
        String username = freshUsername();
        String longest = (freshUsername() + "-" + "u".repeat(60)).substring(0, 60);
        SignIn.asAdministrator();
        Map<String, ThrowingCallable> checks = new LinkedHashMap<>();
        checks.put("'  name  ' is accepted", () -> accepted(() -> members.registerPerson(person("  " + username + "  ",
                "Padded Name", "pad@test.example", "keep-this-secret-42"))));
        checks.put("and signs in as 'name'", () -> assertThat(members.findAccount(username)).isPresent());
        checks.put("' name' is then taken", () -> memberRefused("username", () -> members.registerPerson(
                person(" " + username, "Second Padded", "pad2@test.example", "keep-this-secret-42"))));
        checks.put("a 60-character name with spaces around it is accepted", () -> accepted(() -> members
                .registerPerson(person(" " + longest + " ", "Long Padded", "pad3@test.example",
                        "keep-this-secret-42"))));
        everyOneHolds(checks);
    }

    @Test
    @DisplayName("5. a password of 73 to 128 bytes, which the policy allows, is kept or refused clearly")
    void a_password_longer_than_bcrypt_takes_is_handled() {
        String username = freshUsername();
        String password = "long-pass-".repeat(10);
        SignIn.asAdministrator();
        Throwable thrown = catchThrowable(() -> members.registerPerson(person(username, "Long Password",
                username + "@test.example", password)));
        if (thrown != null) {
            memberRefused("password", () -> {
                throw thrown;
            });
        } else {
            Long personId = members.personIdOf(username).orElseThrow();
            assertThat(members.passwordMatches(personId, password)).isTrue();
            assertThat(members.passwordMatches(personId, password.substring(0, 72) + "different")).isFalse();
        }
    }

    @Test
    @DisplayName("5. registering an organisation refuses a name or country code the columns cannot hold")
    void an_organisation_name_longer_than_the_column_is_refused_clearly() {
        SignIn.asAdministrator();
        OrganisationSummary existing = members.registerOrganisation("Bad Input Org " + run, "NL",
                OrganisationType.HOSPITAL);
        Map<String, ThrowingCallable> bad = new LinkedHashMap<>();
        bad.put("a name of 201 characters", () -> members.registerOrganisation(latin(201), "NL",
                OrganisationType.HOSPITAL));
        bad.put("a three-letter country code", () -> members.registerOrganisation("Bad Input NLD " + run, "NLD",
                OrganisationType.HOSPITAL));
        bad.put("a name that is taken", () -> members.registerOrganisation(existing.name(), "NL",
                OrganisationType.HOSPITAL));
        bad.put("a blank name", () -> members.registerOrganisation("   ", "NL", OrganisationType.HOSPITAL));
        bad.put("no name (null)", () -> members.registerOrganisation(null, "NL", OrganisationType.HOSPITAL));
        Map<String, ThrowingCallable> checks = new LinkedHashMap<>();
        bad.forEach((what, call) -> checks.put(what, () -> assertThat(refused(MemberNotValid.class, call).field())
                .isNotNull()));
        everyOneHolds(checks);
    }

    @Test
    @DisplayName("5. registering an organisation keeps markup and Unicode as typed")
    void an_organisation_name_with_markup_is_kept() {
        SignIn.asAdministrator();
        String name = "<b>Klinik</b> & \"Ärzte\" 急性 " + run;
        OrganisationSummary saved = members.registerOrganisation(name, "DE", OrganisationType.HOSPITAL);
        assertThat(members.organisationNames(List.of(saved.id()))).containsEntry(saved.id(), name);
    }

    @Test
    @DisplayName("5. the directory searches match % and _ literally")
    void directory_searches_match_wildcards_literally() {
        SignIn.asAdministrator();
        Integer everyone = jdbc.queryForObject("select count(*) from person", Integer.class);
        Map<String, ThrowingCallable> checks = new LinkedHashMap<>();
        for (String wildcard : List.of("_", "%")) {
            Integer literally = jdbc.queryForObject("select count(*) from person p join organisation o"
                    + " on o.id = p.organisation_id where locate(?, p.username) > 0 or locate(?, p.full_name) > 0"
                    + " or locate(?, o.name) > 0", Integer.class, wildcard, wildcard, wildcard);
            checks.put("countPeople(\"" + wildcard + "\") of " + everyone, () -> assertThat(members.countPeople(wildcard))
                    .isEqualTo(literally));
            checks.put("countPeopleWithRole(RESEARCHER, \"" + wildcard + "\")", () -> assertThat(members
                    .countPeopleWithRole(Role.RESEARCHER, wildcard)).isLessThanOrEqualTo(literally));
        }
        everyOneHolds(checks);
    }

    @Test
    @DisplayName("5. the directory searches take 100,000 characters and quotes without failing")
    void directory_searches_take_long_and_quoted_filters() {
        SignIn.asAdministrator();
        for (String filter : List.of(HUNDRED_THOUSAND, "o'brien \"q\"", "'; DROP TABLE person; --", "\u0000",
                "<script>")) {
            accepted(() -> members.people(filter, 0, 10));
            accepted(() -> members.findPeopleWithRole(Role.RESEARCHER, filter, 0, 10));
        }
    }

    @Test
    @DisplayName("5. a reason for a role change or deactivation has a limit, not a silent cut")
    void a_long_administration_reason_is_refused_not_cut() {
        String username = freshUsername();
        SignIn.asAdministrator();
        members.registerPerson(person(username, "Role Person", username + "@test.example", "keep-this-secret-42"));
        Long personId = members.personIdOf(username).orElseThrow();
        everyOneHolds(Map.of(
                "changeRoles", () -> memberRefused("reason", () -> members.changeRoles(personId, EnumSet.of(Role.STAFF),
                        latin(4_001))),
                "deactivate", () -> memberRefused("reason", () -> members.deactivate(personId, HUNDRED_THOUSAND))));
    }

    // =========================================================================================================
    // 6. The audit trail: filters and CSV export
    // =========================================================================================================

    Map<String, String> auditActors;

    Map<String, String> auditActors() {
        if (auditActors == null) {
            auditActors = new LinkedHashMap<>();
            for (String actor : List.of("pct%" + run, "pctX" + run, "und_" + run, "undX" + run,
                    "back\\slash" + run, "backXslash" + run, "o'brien \"q\" " + run,
                    "<script>alert(1)</script>" + run, "=cmd|' /C calc'!A0 " + run)) {
                auditTrail.record(null, actor, "BAD_INPUT_TEST", "test", actor, "Summary, with \"quotes\"\nand a line"
                        + " for " + actor, "=HYPERLINK(\"http://x\") <b>reason</b> \u0000 " + run);
                auditActors.put(actor, actor);
            }
        }
        return auditActors;
    }

    static Stream<Arguments> audit_filters_match_literally() {
        return Stream.of(
                Arguments.of("a percent sign", "pct%"),
                Arguments.of("an underscore", "und_"),
                Arguments.of("a backslash", "back\\slash"),
                Arguments.of("quotes", "o'brien \"q\" "),
                Arguments.of("markup", "<script>alert(1)</script>"),
                Arguments.of("a formula", "=cmd|' /C calc'!A0 "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("6. audit filters match what was typed literally")
    void audit_filters_match_literally(String what, String prefix) {
        auditActors();
        SignIn.asAdministrator();
        String typed = prefix + run;
        AuditFilter byPerson = new AuditFilter(typed, null, null, null, null);
        AuditFilter byRecord = new AuditFilter(null, typed, "BAD_INPUT_TEST", null, null);
        assertThat(audit.count(byPerson)).isEqualTo(1);
        assertThat(audit.find(byPerson, 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(typed));
        assertThat(audit.find(byRecord, 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.recordId()).isEqualTo(typed));
    }

    @Test
    @DisplayName("6. audit filters take 100,000 characters, quotes, NUL and SQL without failing")
    void audit_filters_take_anything() {
        SignIn.asAdministrator();
        for (String typed : List.of(HUNDRED_THOUSAND, "'; DROP TABLE audit_entry; --", "\"", "\u0000", "%", "_",
                "\\", "%" + HUNDRED_THOUSAND)) {
            AuditFilter filter = new AuditFilter(typed, typed, typed, null, null);
            accepted(() -> audit.count(filter));
            accepted(() -> audit.find(filter, 0, 10));
            accepted(() -> audit.exportCsv(filter, new StringWriter()));
            assertThat(audit.count(filter)).isZero();
        }
        assertThat(audit.count(new AuditFilter(null, null, null, null, null))).isPositive();
    }

    @Test
    @DisplayName("6. the CSV export keeps markup as text and defuses formulas")
    void the_csv_export_keeps_markup_and_defuses_formulas() {
        auditActors();
        SignIn.asAdministrator();
        StringWriter out = new StringWriter();
        audit.exportCsv(new AuditFilter(null, null, "BAD_INPUT_TEST", null, null), out);
        List<List<String>> rows = Csv.parse(out.toString());
        assertThat(rows.get(0)).hasSize(10);
        List<List<String>> ours = rows.stream().filter(r -> r.size() > 2 && r.get(2).contains(run)).toList();
        assertThat(ours).hasSize(auditActors().size()).allSatisfy(r -> assertThat(r).hasSize(10));
        assertThat(ours).extracting(r -> r.get(2)).contains("<script>alert(1)</script>" + run,
                "o'brien \"q\" " + run, "'=cmd|' /C calc'!A0 " + run, "pct%" + run);
        assertThat(ours).allSatisfy(r -> {
            assertThat(r.get(7)).as("reason").startsWith("'=HYPERLINK");
            assertThat(r.get(6)).as("summary").contains("\"quotes\"\nand a line");
            for (String cell : r) {
                assertThat(cell).as("no cell a spreadsheet reads as a formula").doesNotStartWith("=")
                        .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        });
    }

    @Test
    @DisplayName("6. an over-long summary or reason is cut to the columns, never a database error")
    void an_over_long_audit_entry_is_cut_to_the_columns() {
        String actor = "long-" + run;
        accepted(() -> auditTrail.record(null, actor + "x".repeat(100_000), "BAD_INPUT_LONG", "test",
                HUNDRED_THOUSAND, HUNDRED_THOUSAND, HUNDRED_THOUSAND));
        SignIn.asAdministrator();
        AuditEntry entry = audit.find(new AuditFilter(actor, null, "BAD_INPUT_LONG", null, null), 0, 5).get(0);
        assertThat(entry.summary()).hasSize(1_000);
        assertThat(entry.reason()).hasSize(4_000);
        assertThat(entry.actorName()).hasSize(200);
        assertThat(audit.verify().intact()).isTrue();
    }

    /** RFC 4180, enough to read the export back. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            if (!row.isEmpty() || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    // =========================================================================================================
    // 7. The schema: every column as long as the limit the service enforces
    // =========================================================================================================

    static Stream<Arguments> columns_hold_what_the_service_accepts() {
        return Stream.of(
                Arguments.of("proposal", "title", 300, true),
                Arguments.of("proposal", "acronym", 30, true),
                Arguments.of("proposal", "background", 10_000, false),
                Arguments.of("proposal", "objectives", 10_000, false),
                Arguments.of("proposal", "methodology", 10_000, false),
                Arguments.of("proposal", "lay_summary", 4_000, false),
                Arguments.of("proposal", "ai_modelling_description", 2_000, true),
                Arguments.of("proposal", "funding_source", 500, true),
                Arguments.of("proposal", "commercial_interest_details", 2_000, true),
                Arguments.of("proposal", "conflicts_of_interest", 4_000, true),
                Arguments.of("proposal_team_member", "full_name", 200, true),
                Arguments.of("proposal_team_member", "organisation_name", 200, true),
                Arguments.of("proposal_team_member", "project_role", 100, true),
                Arguments.of("attachment", "file_name", 255, true),
                Arguments.of("proposal_event", "reason", 4_000, true),
                Arguments.of("vote", "comment", 4_000, true),
                Arguments.of("conflict_declaration", "details", 2_000, true),
                Arguments.of("ethics_decision", "conditions", 4_000, true),
                Arguments.of("ethics_decision", "comment", 4_000, true),
                Arguments.of("access_extension", "reason", 2_000, true),
                Arguments.of("project_output", "title", 500, true),
                Arguments.of("project_output", "doi", 200, true),
                Arguments.of("project_output", "description", 2_000, true),
                Arguments.of("audit_entry", "summary", 1_000, true),
                Arguments.of("audit_entry", "reason", 4_000, true),
                Arguments.of("audit_entry", "actor_name", 200, true),
                Arguments.of("audit_entry", "record_id", 100, true),
                Arguments.of("person", "username", 60, true),
                Arguments.of("person", "full_name", 200, true));
    }

    Long columnLength(String table, String column) {
        return jdbc.queryForObject("select character_maximum_length from information_schema.columns"
                + " where upper(table_name) = upper(?) and upper(column_name) = upper(?)"
                + " and table_schema = schema()", Long.class, table, column);
    }

    @ParameterizedTest(name = "{0}.{1} holds {2} characters")
    @MethodSource
    @DisplayName("7. the schema agrees with the service's limits")
    void columns_hold_what_the_service_accepts(String table, String column, int limit, boolean exact) {
        Long length = columnLength(table, column);
        if (exact) {
            assertThat(length).as("%s.%s is as long as the service allows, so UI, service and schema agree", table,
                    column).isEqualTo(limit);
        } else {
            assertThat(length).as("%s.%s (TEXT) holds the service's limit", table, column)
                    .isGreaterThanOrEqualTo(limit);
        }
    }

    @Test
    @DisplayName("7. person.email is as long as the 254 characters the service and the form allow")
    void the_email_column_holds_what_the_service_accepts() {
        assertThat(columnLength("person", "email")).isEqualTo(254);
    }

    // =========================================================================================================
    // 8. E-mails and the last net under the UI
    // =========================================================================================================

    @Test
    @DisplayName("8. e-mails are plain text and carry no text a user typed")
    void emails_are_plain_text_without_user_text() throws Exception {
        Assumptions.assumeTrue(smtp != null, "SKIPPED: no mail host (port 3126 taken)");
        ProposalContent content = complete();
        content.setTitle(PDF_TITLE);
        Long id = draft(content);
        String reference = underReview(id);
        String address = researcher + "@test.example";
        List<Map<String, Object>> queued = jdbc.queryForList("select subject, body, status from outgoing_email"
                + " where recipient = ? and body like ?", address, "%" + reference + "%");
        assertThat(queued).as("the applicant is told of the decision by e-mail").isNotEmpty();
        assertThat(queued).allSatisfy(row -> {
            assertThat((String) row.get("body")).doesNotContain("<script>", "<b>", PDF_TITLE);
            assertThat((String) row.get("subject")).doesNotContain("<script>", "<b>");
            assertThat(row.get("status")).isEqualTo("SENT");
        });
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                received.add(m);
            }
        }
        assertThat(received).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getContentType()).startsWith("text/plain");
            assertThat(m.getContent().toString()).doesNotContain("<script>");
        });
    }

    static Stream<Arguments> failures_shown_to_a_user() {
        return Stream.of(
                Arguments.of(new DataIntegrityViolationException("could not execute statement [Value too long for"
                        + " column \"EMAIL CHARACTER VARYING(254)\"]", new java.sql.SQLException("22001"))),
                Arguments.of(new NullPointerException("Cannot invoke \"String.strip()\" because \"s\" is null")),
                Arguments.of(new IllegalArgumentException("password cannot be more than 72 bytes")),
                Arguments.of(new IllegalStateException("The agreement could not be rendered",
                        new RuntimeException("<script>alert(1)</script>"))),
                Arguments.of(new NumberFormatException("For input string: \"99999999999\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("8. a failure that escapes a view is shown as a message, never as a stack trace")
    void failures_shown_to_a_user(Throwable failure) throws Exception {
        Class<?> friendlyErrors = Class.forName("org.consilium.ui.FriendlyErrors");
        Method messageFor = friendlyErrors.getDeclaredMethod("messageFor", Throwable.class, java.util.Locale.class);
        messageFor.setAccessible(true);
        for (java.util.Locale language : org.consilium.ui.Translations.languages()) {
            String shown = (String) messageFor.invoke(applicationContext.getBean(friendlyErrors), failure, language);
            assertThat(shown).as(language.toString()).isNotBlank().doesNotContain("Exception", "\tat ", "org.", "SQL",
                    "EMAIL", "bytes", "<script>", "99999999999", "strip", "!");
        }
    }

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
}
