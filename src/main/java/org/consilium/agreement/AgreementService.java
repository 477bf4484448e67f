package org.consilium.agreement;

import java.io.IOException;
import org.consilium.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.member.PreferenceService;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalService;
import org.consilium.proposal.ProposalStanding;
import org.consilium.proposal.ProposalStatus;
import org.consilium.review.PatientReviewService;
import org.consilium.review.RoundResults;
import org.consilium.review.VoteChoice;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Formats;
import org.consilium.ui.Translations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-access agreements as people act on them: staff generate versions and extend access, signatories
 * sign, the applicant reports outputs, anyone signed in verifies a PDF. Every action checks the role
 * and the record; the workflow's task services call the signing and sending steps with the task checked.
 *
 * <p>Refusals speak the language of the person acting (the current UI's). A version is written in the language
 * staff chose when generating it, and what belongs to that version (its terms, the words a signature carries)
 * stays in that language.
 */
@Service
@Transactional
public class AgreementService {

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    private final AgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final AgreementDocumentRepository documents;
    private final AccessExtensionRepository extensions;
    private final ProjectOutputRepository outputs;
    private final AgreementRenderer renderer;
    private final SignatureRefusals refusals;
    private final ProposalService proposals;
    private final ProposalLifecycleSteps lifecycle;
    private final EthicsReviewService ethics;
    private final PatientReviewService patientReview;
    private final MemberService members;
    private final CurrentUser currentUser;
    private final AgreementDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;
    private final MessageSource messages;

    AgreementService(AgreementRepository agreements, AgreementVersionRepository versions,
                     AgreementSignatureRepository signatures, AgreementDocumentRepository documents,
                     AccessExtensionRepository extensions, ProjectOutputRepository outputs, AgreementRenderer renderer,
                     SignatureRefusals refusals, ProposalService proposals, ProposalLifecycleSteps lifecycle,
                     EthicsReviewService ethics, PatientReviewService patientReview, MemberService members,
                     CurrentUser currentUser, AgreementDeadlines deadlines, ApplicationEventPublisher events,
                     Clock clock, AuditTrail audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.documents = documents;
        this.extensions = extensions;
        this.outputs = outputs;
        this.renderer = renderer;
        this.refusals = refusals;
        this.proposals = proposals;
        this.lifecycle = lifecycle;
        this.ethics = ethics;
        this.patientReview = patientReview;
        this.members = members;
        this.currentUser = currentUser;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /**
     * The proposal's agreement for the signed-in person, if there is one and they may see it: staff and
     * administrators, the signatories of both parties, the applicant and the team.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<AgreementOverview> overview(Long proposalId) {
        Optional<Agreement> found = agreements.findByProposalId(proposalId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Agreement agreement = found.get();
        ConsiliumUser user = currentUser.require();
        Viewer viewer = viewerOf(agreement, user);
        if (viewer == Viewer.NONE) {
            return Optional.empty();
        }
        List<AgreementVersion> all = versions.findByAgreementIdOrderByNumberDesc(agreement.getId());
        Map<Long, List<SignatureLine>> signed = signatures.findByVersionIdInOrderBySignedAt(
                        all.stream().map(AgreementVersion::getId).toList()).stream()
                .collect(Collectors.groupingBy(AgreementSignature::getVersionId,
                        Collectors.mapping(AgreementSignature::line, Collectors.toList())));
        List<AccessExtension> extended = extensions.findByAgreementIdOrderByApprovedAt(agreement.getId());
        Set<Long> people = new HashSet<>();
        all.forEach(v -> people.add(v.getGeneratedBy()));
        extended.forEach(e -> people.add(e.getApprovedBy()));
        Map<Long, PersonSummary> names = members.summaries(people);
        Map<Long, String> organisations = members.organisationNames(
                List.of(agreement.getLeadOrganisationId(), agreement.getFoundationId()));
        Map<Long, String> shas = shasOf(all);
        ProposalStatus status = lifecycle.status(proposalId);
        boolean staff = user.hasRole(Role.STAFF);
        boolean applicantSide = viewer == Viewer.APPLICANT || viewer == Viewer.TEAM;
        return Optional.of(new AgreementOverview(proposalId, agreement.getStatus(), agreement.getAccessMonths(),
                organisations.get(agreement.getLeadOrganisationId()), organisations.get(agreement.getFoundationId()),
                agreement.getExecutedAt(), agreement.getAccessEndsAt(),
                agreement.getExecutedDocumentId() == null ? null : documentSha(agreement.getExecutedDocumentId()),
                all.stream().map(v -> new AgreementOverview.Version(v.getNumber(), v.getState(),
                        nameOf(names, v.getGeneratedBy()), v.getGeneratedAt(), v.getSentAt(), shas.get(v.getId()),
                        signed.getOrDefault(v.getId(), List.of()), v.getLanguage())).toList(),
                extended.stream().map(e -> e.view(nameOf(names, e.getApprovedBy()))).toList(),
                outputs.findByProposalIdOrderByReportedAt(proposalId).stream().map(ProjectOutput::view).toList(),
                new AgreementOverview.Permissions(
                        staff && status == ProposalStatus.APPROVED && agreement.getStatus() != AgreementStatus.EXECUTED,
                        staff && status == ProposalStatus.ACTIVE && !agreement.isClosureRequested(),
                        applicantSide && (status == ProposalStatus.ACTIVE || status == ProposalStatus.EXPIRED),
                        viewer == Viewer.APPLICANT && !agreement.isClosureRequested()
                                && (status == ProposalStatus.ACTIVE || status == ProposalStatus.EXPIRED)),
                agreement.isClosureRequested()));
    }

    /** One version's PDF, for preview or download by whoever may see the agreement. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AgreementPdf version(Long proposalId, int number) {
        Agreement agreement = readable(proposalId);
        AgreementVersion version = versions.findByAgreementIdOrderByNumberDesc(agreement.getId()).stream()
                .filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noSuchVersion", number)));
        AgreementDocument document = documents.findById(version.getDocumentId()).orElseThrow();
        audit.record("DOCUMENT_DOWNLOADED", "proposal", lifecycle.reference(proposalId), "Agreement version " + number
                + ", SHA-256 " + document.getSha256(), null);
        return new AgreementPdf(lifecycle.reference(proposalId) + "-agreement-v" + number
                + (version.getState() == VersionState.SUPERSEDED ? "-superseded" : "") + ".pdf",
                document.getContent(), document.getSha256());
    }

    /** The executed agreement: the signed PDF with its signature page. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AgreementPdf executed(Long proposalId) {
        Agreement agreement = readable(proposalId);
        if (agreement.getExecutedDocumentId() == null) {
            throw new AgreementRefused(message("agreement.refused.notExecuted"));
        }
        AgreementDocument document = documents.findById(agreement.getExecutedDocumentId()).orElseThrow();
        audit.record("DOCUMENT_DOWNLOADED", "proposal", lifecycle.reference(proposalId), "Executed agreement, SHA-256 "
                + document.getSha256(), null);
        return new AgreementPdf(lifecycle.reference(proposalId) + "-agreement-executed.pdf", document.getContent(),
                document.getSha256());
    }

    // ---- preparing -----------------------------------------------------------------------------------

    /**
     * Generates a new version from the approved proposal, in the language of the staff member's screen. Earlier
     * versions are superseded and their signatures void; if one was out for signature, signing starts again from
     * preparation.
     */
    @PreAuthorize("hasRole('STAFF')")
    public int generate(Long proposalId, int accessMonths) {
        return generate(proposalId, accessMonths, null);
    }

    /**
     * The same, for someone who saw version {@code seenLatest} (0 for none): if a colleague generated
     * another version meanwhile, they are told instead of superseding it unknowingly.
     */
    @PreAuthorize("hasRole('STAFF')")
    public int generate(Long proposalId, int accessMonths, Integer seenLatest) {
        return generate(proposalId, accessMonths, seenLatest, Translations.locale());
    }

    /** The same, in the language chosen for the document (English or French). */
    @PreAuthorize("hasRole('STAFF')")
    public int generate(Long proposalId, int accessMonths, Integer seenLatest, Locale language) {
        if (accessMonths < 1 || accessMonths > 120) {
            throw new AgreementRefused("accessMonths", message("agreement.refused.accessMonths"));
        }
        if (language == null || !PreferenceService.LANGUAGES.contains(language.getLanguage())) {
            throw new AgreementRefused("language", message("agreement.refused.language"));
        }
        Locale written = Translations.forCode(language.getLanguage());
        ProposalDetails proposal = proposals.details(proposalId);
        if (proposal.status() != ProposalStatus.APPROVED) {
            String status = "notification.proposalStatus." + proposal.status().name();
            throw new AgreementRefused(message("agreement.refused.notApproved", proposal.reference(),
                    translate(status, Translations.locale()).toLowerCase(Translations.locale())));
        }
        OrganisationSummary foundation = members.foundation()
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noFoundation")));
        OrganisationSummary lead = proposal.content().getLeadOrganisation();
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseGet(() -> agreements.saveAndFlush(new Agreement(proposalId, lead.id(), foundation.id(),
                        accessMonths)));
        boolean wasOut = agreement.getStatus() == AgreementStatus.OUT_FOR_SIGNATURE;
        List<AgreementVersion> earlier = versions.findByAgreementIdOrderByNumberDesc(agreement.getId());
        int latestNumber = earlier.isEmpty() ? 0 : earlier.get(0).getNumber();
        if (seenLatest != null && seenLatest != latestNumber) {
            throw new AgreementRefused(message("agreement.refused.generatedMeanwhile", latestNumber));
        }
        earlier.stream().filter(v -> v.getState() == VersionState.DRAFT || v.getState() == VersionState.OUT_FOR_SIGNATURE)
                .forEach(AgreementVersion::superseded);
        int number = earlier.isEmpty() ? 1 : earlier.get(0).getNumber() + 1;
        ConsiliumUser staff = currentUser.require();
        Instant now = clock.instant();
        agreement.preparing(accessMonths);
        AgreementTerms terms = terms(proposal, number, now, staff.fullName(), foundation, lead, accessMonths, written);
        AgreementDocument document = documents.save(new AgreementDocument(renderer.renderAgreement(terms, written),
                now));
        versions.save(new AgreementVersion(agreement.getId(), number, document.getId(), staff.personId(), now,
                written));
        lifecycle.recordDecision(proposalId, ProposalEventKind.AGREEMENT_GENERATED, "Version " + number
                + (earlier.isEmpty() ? "" : "; earlier versions superseded") + "; access " + accessMonths + " months"
                + "; in " + written.getDisplayLanguage(Locale.ENGLISH));
        if (wasOut) {
            events.publishEvent(new AgreementEvents.Regenerated(proposalId, proposal.reference()));
        }
        return number;
    }

    /** Sends the latest version for signature; called with the preparation task checked. */
    @PreAuthorize("hasRole('STAFF')")
    public void send(Long proposalId) {
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.generateFirst")));
        AgreementVersion latest = latest(agreement);
        if (latest.getState() != VersionState.DRAFT) {
            throw new AgreementRefused(message("agreement.refused.alreadySent", latest.getNumber()));
        }
        latest.sent(clock.instant());
        agreement.sent();
        lifecycle.recordDecision(proposalId, ProposalEventKind.AGREEMENT_SENT, "Version " + latest.getNumber());
    }

    /** The version a signatory is asked to sign, with the words their signature will carry (in its language). */
    public record ToSign(String reference, int version, String sha256, String organisation, String meaning,
                         String generatedBy) {
    }

    @PreAuthorize("hasRole('SIGNATORY')")
    @Transactional(readOnly = true)
    public ToSign toSign(Long proposalId, SigningParty party) {
        Agreement agreement = agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement")));
        ConsiliumUser signer = currentUser.require();
        requireSignatoryOf(agreement, party, signer);
        AgreementVersion latest = latest(agreement);
        String organisation = signer.organisationName();
        return new ToSign(lifecycle.reference(proposalId), latest.getNumber(), documentSha(latest.getDocumentId()),
                organisation,
                meaning(organisation, latest.getLanguage()), nameOf(members.summaries(List.of(latest.getGeneratedBy())), latest.getGeneratedBy()));
    }

    /**
     * Signs the latest version for one party: the signer re-entered their password and confirmed the
     * meaning. Records name, organisation, meaning, UTC time and the SHA-256 of the exact PDF. A wrong
     * password is refused and recorded; order, role, organisation and four eyes are enforced.
     */
    @PreAuthorize("hasRole('SIGNATORY')")
    public SignatureLine sign(Long proposalId, SigningParty party, int version, String password,
                              boolean meaningConfirmed) {
        ConsiliumUser signer = currentUser.require();
        if (!meaningConfirmed) {
            throw new AgreementRefused("meaning", message("agreement.refused.confirmMeaning",
                    signer.organisationName()));
        }
        // Who may sign for this party is checked before the password, so that nobody else can write a refusal.
        requireSignatoryOf(agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement"))), party, signer);
        if (!members.passwordMatches(signer.personId(), password)) {
            refusals.record(proposalId, "Wrong password given by " + signer.fullName() + " signing for "
                    + signer.organisationName());
            throw new AgreementRefused("password", message("agreement.refused.wrongPassword"));
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement")));
        requireSignatoryOf(agreement, party, signer);
        if (agreement.getStatus() != AgreementStatus.OUT_FOR_SIGNATURE
                || lifecycle.status(proposalId) != ProposalStatus.APPROVED) {
            throw new AgreementRefused(message("agreement.refused.notOut"));
        }
        AgreementVersion latest = latest(agreement);
        if (latest.getNumber() != version || latest.getState() != VersionState.OUT_FOR_SIGNATURE) {
            throw new AgreementRefused(message("agreement.refused.replaced", version, latest.getNumber()));
        }
        List<AgreementSignature> existing = signatures.findByVersionIdOrderBySignedAt(latest.getId());
        if (existing.stream().anyMatch(s -> s.getParty() == party)) {
            throw new AgreementRefused(party == SigningParty.FOUNDATION
                    ? message("agreement.refused.signedForFoundation", version)
                    : message("agreement.refused.signedForLead", version));
        }
        if (existing.stream().anyMatch(s -> s.getSignerId().equals(signer.personId()))) {
            throw new AgreementRefused(message("agreement.refused.signedYourself"));
        }
        if (party == SigningParty.FOUNDATION) {
            if (existing.stream().noneMatch(s -> s.getParty() == SigningParty.LEAD_ORGANISATION)) {
                throw new AgreementRefused(message("agreement.refused.leadFirst"));
            }
            if (latest.getGeneratedBy().equals(signer.personId())) {
                throw new AgreementRefused(message("agreement.refused.fourEyes", version));
            }
        }
        AgreementDocument document = documents.findById(latest.getDocumentId()).orElseThrow();
        String sha = AgreementDocument.sha256(document.getContent());
        if (!sha.equals(document.getSha256())) {
            throw new IllegalStateException("Stored agreement PDF " + document.getId() + " does not match its fingerprint");
        }
        AgreementSignature signature = signatures.saveAndFlush(new AgreementSignature(latest.getId(), party,
                signer.personId(), signer.fullName(), signer.organisationId(), signer.organisationName(),
                meaning(signer.organisationName(), latest.getLanguage()), clock.instant(), sha));
        lifecycle.recordDecision(proposalId, ProposalEventKind.AGREEMENT_SIGNED, "Version " + version + " signed by "
                + signer.fullName() + " for " + signer.organisationName() + "; SHA-256 " + sha);
        return signature.line();
    }

    // ---- the active project --------------------------------------------------------------------------

    /** Staff move the end of the access period; the workflow reschedules its notice and expiry. */
    @PreAuthorize("hasRole('STAFF')")
    public void extend(Long proposalId, LocalDate newEndDate, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (newEndDate == null) {
            throw new AgreementRefused("newEnd", message("agreement.refused.newEnd"));
        }
        if (why.isEmpty()) {
            throw new AgreementRefused("reason", message("agreement.refused.reason"));
        }
        if (why.length() > 2_000) {
            throw new AgreementRefused("reason", message("agreement.refused.tooLong", 2_000));
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement")));
        if (agreement.getStatus() != AgreementStatus.EXECUTED || lifecycle.status(proposalId) != ProposalStatus.ACTIVE) {
            throw new AgreementRefused(message("agreement.refused.notActive"));
        }
        if (agreement.isClosureRequested()) {
            throw new AgreementRefused(message("agreement.refused.closeInstead"));
        }
        Instant previous = agreement.getAccessEndsAt();
        Instant newEnd = newEndDate.atTime(previous.atOffset(ZoneOffset.UTC).toLocalTime()).toInstant(ZoneOffset.UTC);
        if (!newEnd.isAfter(previous)) {
            throw new AgreementRefused("newEnd", message("agreement.refused.endAfter",
                    Formats.date(previous.atOffset(ZoneOffset.UTC).toLocalDate(), Translations.locale())));
        }
        ConsiliumUser staff = currentUser.require();
        extensions.save(new AccessExtension(agreement.getId(), previous, newEnd, why, staff.personId(), clock.instant()));
        agreement.extendTo(newEnd);
        lifecycle.recordDecision(proposalId, ProposalEventKind.ACCESS_EXTENDED, "Access now ends "
                + newEndDate + " (was " + previous.atOffset(ZoneOffset.UTC).toLocalDate() + "): " + why);
        events.publishEvent(new AgreementEvents.AccessExtended(proposalId, lifecycle.reference(proposalId)));
    }

    /** The applicant or a team member reports an output: a publication needs its DOI. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public void reportOutput(Long proposalId, OutputKind kind, String title, String doi, String description) {
        ProposalStanding standing = proposals.standing(proposalId);
        if (!standing.viewerIsApplicant() && !standing.viewerIsTeamMember()) {
            throw new AgreementRefused(message("agreement.refused.outputsByTeam"));
        }
        if (standing.status() != ProposalStatus.ACTIVE && standing.status() != ProposalStatus.EXPIRED) {
            throw new AgreementRefused(message("agreement.refused.outputsWhen"));
        }
        if (kind == null) {
            throw new AgreementRefused("kind", message("agreement.refused.kind"));
        }
        String name = strip(title);
        String doiText = strip(doi);
        String text = strip(description);
        if (name == null) {
            throw new AgreementRefused("title", message("agreement.refused.title"));
        }
        if (name.length() > 500) {
            throw new AgreementRefused("title", message("agreement.refused.tooLong", 500));
        }
        if (kind == OutputKind.PUBLICATION && doiText == null) {
            throw new AgreementRefused("doi", message("agreement.refused.doiRequired"));
        }
        if (doiText != null) {
            doiText = doiText.replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:)", "");
            if (doiText.length() > 200 || !DOI.matcher(doiText).matches()) {
                throw new AgreementRefused("doi", message("agreement.refused.doiFormat"));
            }
        }
        if (text != null && text.length() > 2_000) {
            throw new AgreementRefused("description", message("agreement.refused.tooLong", 2_000));
        }
        outputs.save(new ProjectOutput(proposalId, kind, name, doiText, text, currentUser.require().personId(),
                clock.instant()));
        lifecycle.recordDecision(proposalId, ProposalEventKind.OUTPUT_REPORTED, kind.label() + ": " + name
                + (doiText == null ? "" : " (doi:" + doiText + ")"));
    }

    /** The applicant asks the governance office to close the project. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public void requestClosure(Long proposalId) {
        ProposalStanding standing = proposals.standing(proposalId);
        if (!standing.viewerIsApplicant()) {
            throw new AgreementRefused(message("agreement.refused.closureByApplicant"));
        }
        if (standing.status() != ProposalStatus.ACTIVE && standing.status() != ProposalStatus.EXPIRED) {
            throw new AgreementRefused(message("agreement.refused.closureWhen"));
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement")));
        if (agreement.isClosureRequested()) {
            throw new AgreementRefused(message("agreement.refused.closureAlready"));
        }
        agreement.closureRequested(clock.instant());
        lifecycle.recordDecision(proposalId, ProposalEventKind.CLOSURE_REQUESTED,
                outputs.findByProposalIdOrderByReportedAt(proposalId).size() + " output(s) reported");
        events.publishEvent(new AgreementEvents.ClosureRequested(proposalId, standing.reference()));
    }

    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public int outputCount(Long proposalId) {
        return outputs.findByProposalIdOrderByReportedAt(proposalId).size();
    }

    // ---- verification --------------------------------------------------------------------------------

    /** Says whether an uploaded PDF is an executed agreement of this portal, which one, and whether altered. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Verification verify(byte[] pdf) {
        String sha = AgreementDocument.sha256(pdf);
        for (Long documentId : documents.findIdsBySha256(sha)) {
            Optional<Agreement> executed = agreements.findByExecutedDocumentId(documentId);
            if (executed.isPresent()) {
                Agreement agreement = executed.get();
                AgreementVersion version = latest(agreement);
                return new Verification(Verification.Outcome.EXECUTED_AGREEMENT, sha,
                        lifecycle.reference(agreement.getProposalId()), version.getNumber(), agreement.getExecutedAt(),
                        signatures.findByVersionIdOrderBySignedAt(version.getId()).stream()
                                .map(AgreementSignature::line).toList());
            }
        }
        Optional<ExecutedAgreements.Claim> claim;
        try {
            claim = ExecutedAgreements.claimOf(pdf);
        } catch (IOException e) {
            return new Verification(Verification.Outcome.NOT_A_PDF, sha, null, null, null, List.of());
        }
        if (claim.isEmpty()) {
            return new Verification(Verification.Outcome.UNKNOWN, sha, null, null, null, List.of());
        }
        String reference = claim.get().reference();
        Optional<Agreement> agreement = lifecycle.proposalIdOf(reference).flatMap(agreements::findByProposalId);
        if (agreement.isPresent() && !documents.findIdsBySha256(sha).isEmpty()) {
            return new Verification(Verification.Outcome.UNSIGNED_VERSION, sha, reference, claim.get().version(),
                    null, List.of());
        }
        return new Verification(agreement.isPresent() ? Verification.Outcome.ALTERED : Verification.Outcome.UNKNOWN,
                sha, agreement.isPresent() ? reference : null, claim.get().version(), null, List.of());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** The words a signature carries, in the language of the version signed: stored, and printed with it. */
    private String meaning(String organisation, Locale language) {
        return translate("agreement.signature.meaning", language, organisation);
    }

    /** A text in the language of the person acting (English outside a screen). */
    private String message(String key, Object... args) {
        return translate(key, Translations.locale(), args);
    }

    private String translate(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }

    /** The agreement's terms in the version's language; the values typed by people stay as they were typed. */
    private AgreementTerms terms(ProposalDetails proposal, int number, Instant now, String generatedBy,
                                 OrganisationSummary foundation, OrganisationSummary lead, int accessMonths,
                                 Locale language) {
        ProposalContent c = proposal.content();
        List<AgreementTerms.Recommendation> recommendations = new ArrayList<>();
        if (patientReview.hasRound(proposal.id())) {
            RoundResults results = patientReview.results(proposal.id());
            results.votes().stream()
                    .filter(v -> v.choice() == VoteChoice.APPROVE_WITH_RECOMMENDATIONS && v.comment() != null)
                    .forEach(v -> recommendations.add(new AgreementTerms.Recommendation(v.organisation(), v.comment())));
        }
        return new AgreementTerms(proposal.reference(), number, now, generatedBy, c.getTitle(), c.getAcronym(),
                new AgreementTerms.Party(foundation.name(), foundation.countryCode()),
                new AgreementTerms.Party(lead.name(), lead.countryCode()),
                c.getPrincipalInvestigator() == null ? "" : c.getPrincipalInvestigator().fullName(),
                c.getDiseaseAreas().stream().map(a -> translate(termKey(a), language)).toList(),
                c.getDataCategories().stream().map(d -> translate(termKey(d), language)).toList(),
                c.getDataLevel() == null ? "" : translate(termKey(c.getDataLevel()), language),
                c.getEstimatedCohortSize(), c.isUsesAiModelling(), c.getObjectives(),
                c.getExpectedOutputs().stream().map(o -> translate(termKey(o), language)).toList(),
                ethics.conditionsFor(proposal.id()).orElse(null), recommendations, accessMonths);
    }

    /**
     * The key of a proposal's term (a disease area, data category, data level or expected output) as the agreement
     * words it, e.g. {@code agreement.term.DiseaseArea.AML}.
     */
    static String termKey(Enum<?> term) {
        return "agreement.term." + term.getDeclaringClass().getSimpleName() + "." + term.name();
    }

    /** Who the viewer is to an agreement: a party (staff or a signatory), the applicant, a team member. */
    private enum Viewer { NONE, APPLICANT, TEAM, PARTY }

    private Viewer viewerOf(Agreement agreement, ConsiliumUser user) {
        if (user.hasRole(Role.STAFF) || user.hasRole(Role.ADMINISTRATOR)) {
            return Viewer.PARTY;
        }
        if (user.hasRole(Role.SIGNATORY) && (agreement.getLeadOrganisationId().equals(user.organisationId())
                || agreement.getFoundationId().equals(user.organisationId()))) {
            return Viewer.PARTY;
        }
        if (user.hasRole(Role.RESEARCHER)) {
            return proposals.findStanding(agreement.getProposalId())
                    .map(s -> s.viewerIsApplicant() ? Viewer.APPLICANT
                            : s.viewerIsTeamMember() ? Viewer.TEAM : Viewer.NONE)
                    .orElse(Viewer.NONE);
        }
        return Viewer.NONE;
    }

    private Agreement readable(Long proposalId) {
        Agreement agreement = agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noAgreement")));
        if (viewerOf(agreement, currentUser.require()) == Viewer.NONE) {
            throw new org.springframework.security.access.AccessDeniedException(
                    message("agreement.denied.noAccess"));
        }
        return agreement;
    }

    private void requireSignatoryOf(Agreement agreement, SigningParty party, ConsiliumUser signer) {
        Long organisation = party == SigningParty.LEAD_ORGANISATION ? agreement.getLeadOrganisationId()
                : agreement.getFoundationId();
        if (!signer.hasRole(Role.SIGNATORY) || !organisation.equals(signer.organisationId())) {
            String name = members.organisationNames(List.of(organisation)).get(organisation);
            throw new org.springframework.security.access.AccessDeniedException(party == SigningParty.FOUNDATION
                    ? message("agreement.denied.notSignatoryOfFoundation", name)
                    : message("agreement.denied.notSignatoryOfLead", name));
        }
    }

    private AgreementVersion latest(Agreement agreement) {
        return versions.findLatest(agreement.getId())
                .orElseThrow(() -> new AgreementRefused(message("agreement.refused.noVersion")));
    }

    private String documentSha(Long documentId) {
        return documents.findSha256(documentId).orElse(null);
    }

    /** Fingerprints by version id, in one query and without loading the PDFs. */
    private Map<Long, String> shasOf(Collection<AgreementVersion> all) {
        Map<Long, String> byDocument = documents.findFingerprints(all.stream().map(AgreementVersion::getDocumentId)
                .toList()).stream().collect(Collectors.toMap(AgreementDocumentRepository.Fingerprint::id,
                AgreementDocumentRepository.Fingerprint::sha256));
        Map<Long, String> shas = new java.util.HashMap<>();
        all.forEach(v -> shas.put(v.getId(), byDocument.get(v.getDocumentId())));
        return shas;
    }

    private static String nameOf(Map<Long, PersonSummary> names, Long id) {
        PersonSummary person = names.get(id);
        return person == null ? "" : person.fullName();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
