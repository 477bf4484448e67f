package org.consilium.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.member.MemberService;
import org.consilium.member.Person;
import org.consilium.member.PersonSummary;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting and submitting proposals. Every method checks the role (annotation) and the record
 * (applicant, team member, reviewer) before it reveals or changes anything.
 */
@Service
@Transactional
public class ProposalService {

    /** Columns a proposal list may be sorted by, and the entity paths behind them. */
    private static final Map<String, String> SORTABLE = Map.of(
            "reference", "reference", "title", "title", "status", "status", "updatedAt", "updatedAt");

    private final ProposalRepository proposals;
    private final ProposalVersionRepository versions;
    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final ProposalReferences references;
    private final ProposalTimeline timeline;
    private final ProposalAccess access;
    private final MemberService members;
    private final CurrentUser currentUser;
    private final Validator validator;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalService(ProposalRepository proposals, ProposalVersionRepository versions, AttachmentRepository attachments,
                    AttachmentStore store, ProposalReferences references, ProposalTimeline timeline,
                    ProposalAccess access, MemberService members,
                    CurrentUser currentUser, Validator validator, ObjectMapper json, ApplicationEventPublisher events,
                    Clock clock) {
        this.proposals = proposals;
        this.versions = versions;
        this.attachments = attachments;
        this.store = store;
        this.references = references;
        this.timeline = timeline;
        this.access = access;
        this.members = members;
        this.currentUser = currentUser;
        this.validator = validator;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    public Long createDraft() {
        Person applicant = members.person(currentUser.require().personId());
        return proposals.save(new Proposal(applicant, clock.instant())).getId();
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public ProposalDraft openDraft(Long id) {
        Proposal proposal = find(id);
        access.requireEditable(proposal, currentUser.require());
        return new ProposalDraft(proposal.getId(), proposal.getReference(), proposal.getStatus(),
                proposal.getLockVersion(), proposal.content(), attachmentInfos(id));
    }

    /** Saves a draft as it is, complete or not; only length and range limits apply. Returns the new lock version. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public long saveDraft(Long id, long lockVersion, ProposalContent content) {
        Proposal proposal = findForChange(id, lockVersion);
        apply(proposal, content, "saved");
        proposals.flush();
        return proposal.getLockVersion();
    }

    /**
     * Saves and submits: checks every rule and freezes the next version. The first submission takes the
     * reference and, through {@link ProposalSubmitted}, starts the governance workflow; a revision
     * returned for changes goes back to it through {@link ProposalResubmitted}. All in this one transaction.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public SubmissionReceipt submit(Long id, long lockVersion, ProposalContent content) {
        Proposal proposal = findForChange(id, lockVersion);
        apply(proposal, content, "submitted");
        ProposalContent submitted = proposal.content();
        List<ProposalNotValid.Problem> problems = problems(submitted, Submission.class);
        if (!problems.isEmpty()) {
            throw new ProposalNotValid("submitted", problems);
        }
        Instant now = clock.instant();
        boolean first = proposal.getReference() == null;
        if (first) {
            proposal.submitFirstVersion(references.next(now.atZone(ZoneOffset.UTC).getYear()), now);
        } else {
            proposal.freezeNextVersion(now);
        }
        int version = proposal.getCurrentVersion();
        String reference = proposal.getReference();
        List<Attachment> files = attachments.findByProposal(id);
        files.forEach(a -> a.freezeIn(version));
        versions.save(new ProposalVersion(proposal, version, now, proposal.getApplicant(),
                toJson(new FrozenVersion(submitted, files.stream().map(Attachment::info).toList()))));
        timeline.record(proposal, first ? ProposalEventKind.SUBMITTED : ProposalEventKind.RESUBMITTED, version, null);
        events.publishEvent(first ? new ProposalSubmitted(proposal.getId(), reference, version)
                : new ProposalResubmitted(proposal.getId(), reference, version));
        return new SubmissionReceipt(proposal.getId(), reference, version);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ProposalDetails details(Long id) {
        Proposal proposal = find(id);
        ConsiliumUser user = currentUser.require();
        access.requireReadable(proposal, user);
        // Reviewers read what was submitted, not a revision the applicant is still writing.
        boolean ownTeam = proposal.isApplicant(user.personId()) || proposal.isTeamMember(user.personId());
        ProposalContent content = ownTeam || proposal.getCurrentVersion() == 0 ? proposal.content()
                : frozen(id, proposal.getCurrentVersion());
        return new ProposalDetails(proposal.getId(), proposal.getReference(), proposal.getStatus(),
                proposal.getApplicant().summary(), content, proposal.getCurrentVersion(),
                proposal.getSubmittedAt(), proposal.getUpdatedAt(), versions.findInfos(id), attachmentInfos(id),
                timeline.of(id), access.mayEdit(proposal, user),
                proposal.isApplicant(user.personId()) && proposal.getStatus().withdrawable());
    }

    /** The proposal's standing for the signed-in person; refused to anyone who may not read it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ProposalStanding standing(Long id) {
        Proposal proposal = find(id);
        ConsiliumUser user = currentUser.require();
        access.requireReadable(proposal, user);
        return standingOf(proposal, user);
    }

    /** The same, empty (not refused) for someone who may not read the proposal. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<ProposalStanding> findStanding(Long id) {
        Proposal proposal = find(id);
        ConsiliumUser user = currentUser.require();
        return access.mayRead(proposal, user) ? java.util.Optional.of(standingOf(proposal, user))
                : java.util.Optional.empty();
    }

    private static ProposalStanding standingOf(Proposal proposal, ConsiliumUser user) {
        return new ProposalStanding(proposal.getId(), proposal.getReference(), proposal.getTitle(),
                proposal.getStatus(), proposal.getApplicant().getId(), proposal.isApplicant(user.personId()),
                proposal.isTeamMember(user.personId()));
    }

    /** What changed from one frozen version to another, for reviewers who saw the earlier one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<VersionChange> changes(Long id, int fromVersion, int toVersion) {
        access.requireReadable(find(id), currentUser.require());
        return VersionComparison.between(frozen(id, fromVersion), frozen(id, toVersion));
    }

    private ProposalContent frozen(Long id, int version) {
        ProposalVersion frozen = versions.findByProposalIdAndVersionNumber(id, version)
                .orElseThrow(() -> new ProposalNotFound(id));
        try {
            return json.readValue(frozen.getContentJson(), FrozenVersion.class).content();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Version " + version + " of proposal " + id + " cannot be read", e);
        }
    }

    /** The applicant withdraws a submitted proposal; the workflow ends every open task in this transaction. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public void withdraw(Long id, String reason) {
        Proposal proposal = find(id);
        access.requireApplicant(proposal, currentUser.require());
        if (!proposal.getStatus().withdrawable()) {
            throw new ProposalAccessDenied("A proposal that is " + proposal.getStatus().label().toLowerCase()
                    + " cannot be withdrawn.", LocalizedText.message("proposal.denied.notWithdrawable",
                    proposal.getStatus()));
        }
        if (reason != null && reason.length() > 4_000) {
            throw new ProposalNotValid("withdrawn", List.of(new ProposalNotValid.Problem("reason",
                    "The reason may have at most 4000 characters",
                    LocalizedText.message("proposal.withdraw.reasonTooLong", 4_000))));
        }
        timeline.record(proposal, ProposalEventKind.WITHDRAWN, proposal.getCurrentVersion(), reason);
        events.publishEvent(new ProposalWithdrawn(id, proposal.getReference()));
    }

    /** The signed-in researcher's proposals: as applicant or as team member. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<ProposalRow> myProposals(Pageable page) {
        Set<Long> mine = myProposalIds();
        return mine.isEmpty() ? List.of() : proposals.findRows(mine, sanitise(page));
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public long countMyProposals() {
        return myProposalIds().size();
    }

    /** The proposals the signed-in person applied for or is on the team of. */
    private Set<Long> myProposalIds() {
        Long personId = currentUser.require().personId();
        Set<Long> ids = new HashSet<>(proposals.findIdsByApplicant(personId));
        ids.addAll(proposals.findIdsByTeamMember(personId));
        return ids;
    }

    /** List lines for proposals a reviewer's tasks point at. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ProposalRow> rowsForTasks(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return proposals.findRows(ids).stream().collect(Collectors.toMap(ProposalRow::id, Function.identity()));
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    public AttachmentInfo attach(Long proposalId, AttachmentKind kind, String fileName, InputStream content) {
        Proposal proposal = find(proposalId);
        ConsiliumUser user = currentUser.require();
        access.requireEditable(proposal, user);
        StoredPdf pdf = store.store(content);
        Attachment attachment = new Attachment(proposal, kind == null ? AttachmentKind.OTHER : kind,
                FileNames.clean(fileName), pdf, members.person(user.personId()), clock.instant());
        AttachmentInfo info = attachments.save(attachment).info();
        timeline.auditOnly(proposal, "DOCUMENT_UPLOADED", info.kind().label() + " \"" + info.fileName() + "\", "
                + info.sizeBytes() + " bytes, SHA-256 " + info.sha256());
        return info;
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    public void removeAttachment(Long proposalId, Long attachmentId) {
        Proposal proposal = find(proposalId);
        access.requireEditable(proposal, currentUser.require());
        Attachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.getProposal().getId().equals(proposalId))
                .orElseThrow(() -> new ProposalAccessDenied("This attachment does not belong to the proposal.",
                        LocalizedText.message("proposal.denied.attachmentElsewhere")));
        if (attachment.isFrozen()) {
            throw new ProposalAccessDenied("An attachment of a submitted version cannot be removed.",
                    LocalizedText.message("proposal.denied.attachmentFrozen"));
        }
        attachments.delete(attachment);
        timeline.auditOnly(proposal, "DOCUMENT_REMOVED", "\"" + attachment.getFileName() + "\", SHA-256 "
                + attachment.getSha256());
    }

    /** A download, checked like reading the proposal itself. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AttachmentDownload download(Long attachmentId) {
        Attachment attachment = attachments.findById(attachmentId)
                .orElseThrow(() -> new ProposalAccessDenied("There is no such attachment.",
                        LocalizedText.message("proposal.denied.noAttachment")));
        access.requireReadable(attachment.getProposal(), currentUser.require());
        String sha256 = attachment.getSha256();
        timeline.auditOnly(attachment.getProposal(), "DOCUMENT_DOWNLOADED", "\"" + attachment.getFileName()
                + "\", SHA-256 " + sha256);
        return new AttachmentDownload(attachment.getFileName(), attachment.info().sizeBytes(), () -> store.open(sha256));
    }

    public long maxAttachmentBytes() {
        return store.maxBytes();
    }

    private Proposal find(Long id) {
        return proposals.findWithPeople(id).orElseThrow(() -> new ProposalNotFound(id));
    }

    private Proposal findForChange(Long id, long lockVersion) {
        Proposal proposal = find(id);
        access.requireEditable(proposal, currentUser.require());
        if (proposal.getLockVersion() != lockVersion) {
            throw new ProposalChangedElsewhere();
        }
        return proposal;
    }

    private void apply(Proposal proposal, ProposalContent content, String action) {
        List<ProposalNotValid.Problem> problems = problems(content);
        if (!problems.isEmpty()) {
            throw new ProposalNotValid(action, problems);
        }
        linkTeamToDirectory(content);
        proposal.update(content,
                content.getLeadOrganisation() == null ? null : members.organisation(content.getLeadOrganisation().id()),
                content.getPrincipalInvestigator() == null ? null : members.person(content.getPrincipalInvestigator().id()),
                clock.instant());
    }

    /** A team member linked to a portal user takes name and organisation from the directory, not from the form. */
    private void linkTeamToDirectory(ProposalContent content) {
        Set<Long> ids = content.getTeam().stream().map(TeamMemberEntry::getPersonId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, PersonSummary> known = members.summaries(ids);
        for (TeamMemberEntry entry : content.getTeam()) {
            if (entry.getPersonId() == null) {
                continue;
            }
            PersonSummary person = known.get(entry.getPersonId());
            if (person == null) {
                entry.setPersonId(null);
            } else {
                entry.setFullName(person.fullName());
                entry.setOrganisationName(person.organisationName());
            }
        }
    }

    private List<ProposalNotValid.Problem> problems(ProposalContent content, Class<?>... groups) {
        return validator.validate(content, groups).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProposalService::problem).toList();
    }

    private static ProposalNotValid.Problem problem(ConstraintViolation<ProposalContent> violation) {
        return new ProposalNotValid.Problem(violation.getPropertyPath().toString(), violation.getMessage(),
                ProblemTexts.of(violation));
    }

    private List<AttachmentInfo> attachmentInfos(Long proposalId) {
        return attachments.findByProposal(proposalId).stream().map(Attachment::info).toList();
    }

    private static Pageable sanitise(Pageable page) {
        Sort sort = Sort.by(page.getSort().stream()
                .filter(o -> SORTABLE.containsKey(o.getProperty()))
                .map(o -> o.withProperty(SORTABLE.get(o.getProperty())))
                .toList());
        if (sort.isUnsorted()) {
            sort = Sort.by(Sort.Direction.DESC, "updatedAt");
        }
        return PageRequest.of(page.getPageNumber(), page.getPageSize(), sort.and(Sort.by("id")));
    }

    private String toJson(FrozenVersion version) {
        try {
            return json.writeValueAsString(version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not freeze the proposal version", e);
        }
    }

    /** What a frozen version keeps. */
    record FrozenVersion(ProposalContent content, List<AttachmentInfo> attachments) {
    }
}
