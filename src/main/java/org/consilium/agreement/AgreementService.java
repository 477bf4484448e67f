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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consilium.ethics.EthicsReviewService;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.proposal.DataCategory;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ExpectedOutput;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-access agreements as people act on them: staff generate versions and extend access, signatories
 * sign, the applicant reports outputs, anyone signed in verifies a PDF. Every action checks the role
 * and the record; the workflow's task services call the signing and sending steps with the task checked.
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

    AgreementService(AgreementRepository agreements, AgreementVersionRepository versions,
                     AgreementSignatureRepository signatures, AgreementDocumentRepository documents,
                     AccessExtensionRepository extensions, ProjectOutputRepository outputs, AgreementRenderer renderer,
                     SignatureRefusals refusals, ProposalService proposals, ProposalLifecycleSteps lifecycle,
                     EthicsReviewService ethics, PatientReviewService patientReview, MemberService members,
                     CurrentUser currentUser, AgreementDeadlines deadlines, ApplicationEventPublisher events,
                     Clock clock, AuditTrail audit) {
        this.audit = audit;
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
                        signed.getOrDefault(v.getId(), List.of()))).toList(),
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
                .orElseThrow(() -> new AgreementRefused("There is no version " + number + " of this agreement."));
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
            throw new AgreementRefused("This agreement has not been executed yet.");
        }
        AgreementDocument document = documents.findById(agreement.getExecutedDocumentId()).orElseThrow();
        audit.record("DOCUMENT_DOWNLOADED", "proposal", lifecycle.reference(proposalId), "Executed agreement, SHA-256 "
                + document.getSha256(), null);
        return new AgreementPdf(lifecycle.reference(proposalId) + "-agreement-executed.pdf", document.getContent(),
                document.getSha256());
    }

    // ---- preparing -----------------------------------------------------------------------------------

    /**
     * Generates a new version from the approved proposal. Earlier versions are superseded and their
     * signatures void; if one was out for signature, signing starts again from preparation.
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
        if (accessMonths < 1 || accessMonths > 120) {
            throw new AgreementRefused("accessMonths", "The access period must be between 1 and 120 months");
        }
        ProposalDetails proposal = proposals.details(proposalId);
        if (proposal.status() != ProposalStatus.APPROVED) {
            throw new AgreementRefused("An agreement can only be generated for an approved proposal awaiting its"
                    + " agreement; " + proposal.reference() + " is " + proposal.status().label().toLowerCase() + ".");
        }
        OrganisationSummary foundation = members.foundation()
                .orElseThrow(() -> new AgreementRefused("The foundation is not registered as an organisation."));
        OrganisationSummary lead = proposal.content().getLeadOrganisation();
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseGet(() -> agreements.saveAndFlush(new Agreement(proposalId, lead.id(), foundation.id(),
                        accessMonths)));
        boolean wasOut = agreement.getStatus() == AgreementStatus.OUT_FOR_SIGNATURE;
        List<AgreementVersion> earlier = versions.findByAgreementIdOrderByNumberDesc(agreement.getId());
        int latestNumber = earlier.isEmpty() ? 0 : earlier.get(0).getNumber();
        if (seenLatest != null && seenLatest != latestNumber) {
            throw new AgreementRefused("Version " + latestNumber + " was generated by someone else meanwhile. Look at"
                    + " it before generating another.");
        }
        earlier.stream().filter(v -> v.getState() == VersionState.DRAFT || v.getState() == VersionState.OUT_FOR_SIGNATURE)
                .forEach(AgreementVersion::superseded);
        int number = earlier.isEmpty() ? 1 : earlier.get(0).getNumber() + 1;
        ConsiliumUser staff = currentUser.require();
        Instant now = clock.instant();
        agreement.preparing(accessMonths);
        AgreementTerms terms = terms(proposal, number, now, staff.fullName(), foundation, lead, accessMonths);
        AgreementDocument document = documents.save(new AgreementDocument(renderer.renderAgreement(terms), now));
        versions.save(new AgreementVersion(agreement.getId(), number, document.getId(), staff.personId(), now));
        lifecycle.recordDecision(proposalId, ProposalEventKind.AGREEMENT_GENERATED, "Version " + number
                + (earlier.isEmpty() ? "" : "; earlier versions superseded") + "; access " + accessMonths + " months");
        if (wasOut) {
            events.publishEvent(new AgreementEvents.Regenerated(proposalId, proposal.reference()));
        }
        return number;
    }

    /** Sends the latest version for signature; called with the preparation task checked. */
    @PreAuthorize("hasRole('STAFF')")
    public void send(Long proposalId) {
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("Generate the agreement before sending it for signature."));
        AgreementVersion latest = latest(agreement);
        if (latest.getState() != VersionState.DRAFT) {
            throw new AgreementRefused("Version " + latest.getNumber() + " has already been sent; generate a new"
                    + " version to send again.");
        }
        latest.sent(clock.instant());
        agreement.sent();
        lifecycle.recordDecision(proposalId, ProposalEventKind.AGREEMENT_SENT, "Version " + latest.getNumber());
    }

    /** The version a signatory is asked to sign, with the words their signature will carry. */
    public record ToSign(String reference, int version, String sha256, String organisation, String meaning,
                         String generatedBy) {
    }

    @PreAuthorize("hasRole('SIGNATORY')")
    @Transactional(readOnly = true)
    public ToSign toSign(Long proposalId, SigningParty party) {
        Agreement agreement = agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement."));
        ConsiliumUser signer = currentUser.require();
        requireSignatoryOf(agreement, party, signer);
        AgreementVersion latest = latest(agreement);
        String organisation = signer.organisationName();
        return new ToSign(lifecycle.reference(proposalId), latest.getNumber(), documentSha(latest.getDocumentId()),
                organisation,
                meaning(organisation), nameOf(members.summaries(List.of(latest.getGeneratedBy())), latest.getGeneratedBy()));
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
            throw new AgreementRefused("meaning", "Confirm that you sign on behalf of " + signer.organisationName());
        }
        // Who may sign for this party is checked before the password, so that nobody else can write a refusal.
        requireSignatoryOf(agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement.")), party, signer);
        if (!members.passwordMatches(signer.personId(), password)) {
            refusals.record(proposalId, "Wrong password given by " + signer.fullName() + " signing for "
                    + signer.organisationName());
            throw new AgreementRefused("password", "The password is not correct. Nothing was signed, and the attempt"
                    + " has been recorded.");
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement."));
        requireSignatoryOf(agreement, party, signer);
        if (agreement.getStatus() != AgreementStatus.OUT_FOR_SIGNATURE
                || lifecycle.status(proposalId) != ProposalStatus.APPROVED) {
            throw new AgreementRefused("This agreement is not out for signature.");
        }
        AgreementVersion latest = latest(agreement);
        if (latest.getNumber() != version || latest.getState() != VersionState.OUT_FOR_SIGNATURE) {
            throw new AgreementRefused("Version " + version + " can no longer be signed: version "
                    + latest.getNumber() + " replaced it. Read the new version before signing.");
        }
        List<AgreementSignature> existing = signatures.findByVersionIdOrderBySignedAt(latest.getId());
        if (existing.stream().anyMatch(s -> s.getParty() == party)) {
            throw new AgreementRefused("Version " + version + " has already been signed for the "
                    + party.label().toLowerCase() + ".");
        }
        if (existing.stream().anyMatch(s -> s.getSignerId().equals(signer.personId()))) {
            throw new AgreementRefused("You have already signed this version; the other party must sign.");
        }
        if (party == SigningParty.FOUNDATION) {
            if (existing.stream().noneMatch(s -> s.getParty() == SigningParty.LEAD_ORGANISATION)) {
                throw new AgreementRefused("The lead organisation signs first; the foundation countersigns after.");
            }
            if (latest.getGeneratedBy().equals(signer.personId())) {
                throw new AgreementRefused("You prepared version " + version + ", so you cannot countersign it"
                        + " (four eyes): another signatory of the foundation must.");
            }
        }
        AgreementDocument document = documents.findById(latest.getDocumentId()).orElseThrow();
        String sha = AgreementDocument.sha256(document.getContent());
        if (!sha.equals(document.getSha256())) {
            throw new IllegalStateException("Stored agreement PDF " + document.getId() + " does not match its fingerprint");
        }
        AgreementSignature signature = signatures.saveAndFlush(new AgreementSignature(latest.getId(), party,
                signer.personId(), signer.fullName(), signer.organisationId(), signer.organisationName(),
                meaning(signer.organisationName()), clock.instant(), sha));
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
            throw new AgreementRefused("newEnd", "Choose the new end date");
        }
        if (why.isEmpty()) {
            throw new AgreementRefused("reason", "Give the reason for the extension");
        }
        if (why.length() > 2_000) {
            throw new AgreementRefused("reason", "At most 2000 characters");
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement."));
        if (agreement.getStatus() != AgreementStatus.EXECUTED || lifecycle.status(proposalId) != ProposalStatus.ACTIVE) {
            throw new AgreementRefused("Only an active project's access can be extended.");
        }
        if (agreement.isClosureRequested()) {
            throw new AgreementRefused("The applicant has asked to close this project: close it instead of extending.");
        }
        Instant previous = agreement.getAccessEndsAt();
        Instant newEnd = newEndDate.atTime(previous.atOffset(ZoneOffset.UTC).toLocalTime()).toInstant(ZoneOffset.UTC);
        if (!newEnd.isAfter(previous)) {
            throw new AgreementRefused("newEnd", "The new end must be after the current end, "
                    + previous.atOffset(ZoneOffset.UTC).toLocalDate());
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
            throw new AgreementRefused("Only the applicant and the team report this project's outputs.");
        }
        if (standing.status() != ProposalStatus.ACTIVE && standing.status() != ProposalStatus.EXPIRED) {
            throw new AgreementRefused("Outputs are reported while the project is active or after its access ended.");
        }
        if (kind == null) {
            throw new AgreementRefused("kind", "Choose what kind of output this is");
        }
        String name = strip(title);
        String doiText = strip(doi);
        String text = strip(description);
        if (name == null) {
            throw new AgreementRefused("title", "Give the title or a short name");
        }
        if (name.length() > 500) {
            throw new AgreementRefused("title", "At most 500 characters");
        }
        if (kind == OutputKind.PUBLICATION && doiText == null) {
            throw new AgreementRefused("doi", "A publication needs its DOI");
        }
        if (doiText != null) {
            doiText = doiText.replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:)", "");
            if (doiText.length() > 200 || !DOI.matcher(doiText).matches()) {
                throw new AgreementRefused("doi", "A DOI looks like 10.1182/blood.2026012345");
            }
        }
        if (text != null && text.length() > 2_000) {
            throw new AgreementRefused("description", "At most 2000 characters");
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
            throw new AgreementRefused("Only the applicant asks for the project to be closed.");
        }
        if (standing.status() != ProposalStatus.ACTIVE && standing.status() != ProposalStatus.EXPIRED) {
            throw new AgreementRefused("Only an active or expired project can be closed.");
        }
        Agreement agreement = agreements.lockByProposalId(proposalId)
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement."));
        if (agreement.isClosureRequested()) {
            throw new AgreementRefused("Closure has already been requested; the governance office will close the"
                    + " project.");
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

    static String meaning(String organisation) {
        return "I sign this agreement on behalf of " + organisation;
    }

    private AgreementTerms terms(ProposalDetails proposal, int number, Instant now, String generatedBy,
                                 OrganisationSummary foundation, OrganisationSummary lead, int accessMonths) {
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
                c.getDiseaseAreas().stream().map(DiseaseArea::label).toList(),
                c.getDataCategories().stream().map(DataCategory::label).toList(),
                c.getDataLevel() == null ? "" : c.getDataLevel().label(), c.getEstimatedCohortSize(),
                c.isUsesAiModelling(), c.getObjectives(),
                c.getExpectedOutputs().stream().map(ExpectedOutput::label).toList(),
                ethics.conditionsFor(proposal.id()).orElse(null), recommendations, accessMonths);
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
                .orElseThrow(() -> new AgreementRefused("This proposal has no agreement."));
        if (viewerOf(agreement, currentUser.require()) == Viewer.NONE) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "You have no access to this agreement.");
        }
        return agreement;
    }

    private void requireSignatoryOf(Agreement agreement, SigningParty party, ConsiliumUser signer) {
        Long organisation = party == SigningParty.LEAD_ORGANISATION ? agreement.getLeadOrganisationId()
                : agreement.getFoundationId();
        if (!signer.hasRole(Role.SIGNATORY) || !organisation.equals(signer.organisationId())) {
            throw new org.springframework.security.access.AccessDeniedException("Only a signatory of "
                    + members.organisationNames(List.of(organisation)).get(organisation)
                    + " may sign for the " + party.label().toLowerCase() + ".");
        }
    }

    private AgreementVersion latest(Agreement agreement) {
        return versions.findFirstByAgreementIdOrderByNumberDesc(agreement.getId())
                .orElseThrow(() -> new AgreementRefused("No version of this agreement has been generated yet."));
    }

    private String documentSha(Long documentId) {
        return documents.findFingerprints(List.of(documentId)).stream().findFirst()
                .map(AgreementDocumentRepository.Fingerprint::sha256).orElse(null);
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
