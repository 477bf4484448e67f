package org.consilium.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.consilium.member.MemberService;
import org.consilium.member.Role;
import org.consilium.notification.NotificationService;
import org.consilium.notification.NotificationText;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflow does with an agreement by itself: who signs, execution after both signatures,
 * reminders, the access period's dates, expiry, cancellation and closure. Called from the engine inside
 * the transaction that moved the process, so it checks no user (the task services did).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class AgreementSteps {

    private final AgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final AgreementDocumentRepository documents;
    private final AgreementRenderer renderer;
    private final ProposalLifecycleSteps proposals;
    private final MemberService members;
    private final NotificationService notifications;
    private final AgreementDeadlines deadlines;
    private final Clock clock;

    AgreementSteps(AgreementRepository agreements, AgreementVersionRepository versions,
                   AgreementSignatureRepository signatures, AgreementDocumentRepository documents,
                   AgreementRenderer renderer, ProposalLifecycleSteps proposals, MemberService members,
                   NotificationService notifications, AgreementDeadlines deadlines, Clock clock) {
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.documents = documents;
        this.renderer = renderer;
        this.proposals = proposals;
        this.members = members;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Long leadOrganisationId(Long proposalId) {
        return agreement(proposalId).getLeadOrganisationId();
    }

    public Long foundationId(Long proposalId) {
        return agreement(proposalId).getFoundationId();
    }

    /** Whether the lead organisation has signed the version out for signature (signing resumes after a chase). */
    public boolean leadSigned(Long proposalId) {
        return signatures.findByVersionIdOrderBySignedAt(latest(agreement(proposalId)).getId()).stream()
                .anyMatch(s -> s.getParty() == SigningParty.LEAD_ORGANISATION);
    }

    /** Both parties signed: the executed PDF is the signed one with a signature page, and access starts. */
    public void execute(Long proposalId) {
        Agreement agreement = agreements.lockByProposalId(proposalId).orElseThrow();
        AgreementVersion version = latest(agreement);
        List<AgreementSignature> signed = signatures.findByVersionIdOrderBySignedAt(version.getId());
        if (signed.size() != SigningParty.values().length) {
            throw new IllegalStateException("Agreement of proposal " + proposalId + " lacks a signature");
        }
        Instant now = clock.instant();
        AgreementDocument signedPdf = documents.findById(version.getDocumentId()).orElseThrow();
        Set<Long> parties = Set.of(agreement.getLeadOrganisationId(), agreement.getFoundationId());
        var names = members.organisationNames(parties);
        AgreementTerms terms = new AgreementTerms(proposals.reference(proposalId), version.getNumber(),
                version.getGeneratedAt(), "", proposals.title(proposalId), "",
                party(names.get(agreement.getFoundationId()), agreement.getFoundationId()),
                party(names.get(agreement.getLeadOrganisationId()), agreement.getLeadOrganisationId()), "",
                List.of(), List.of(), "", null, false, "", List.of(), null, List.of(), agreement.getAccessMonths());
        // In the language of the version signed, so that the executed agreement speaks one language throughout.
        byte[] page = renderer.renderSignaturePage(terms,
                signed.stream().map(AgreementSignature::line).toList(), now, version.getLanguage());
        byte[] executed = renderer.assembleExecutedAgreement(signedPdf.getContent(), page, terms.marker(),
                signedPdf.getSha256());
        AgreementDocument document = documents.save(new AgreementDocument(executed, now));
        agreement.executed(now, document.getId());
        version.executed();
        proposals.recordWorkflowEvent(proposalId, ProposalEventKind.AGREEMENT_EXECUTED, "Version "
                + version.getNumber() + "; access until " + agreement.getAccessEndsAt().atOffset(ZoneOffset.UTC)
                .toLocalDate() + "; SHA-256 of the executed PDF " + document.getSha256());
    }

    /** Unsigned after the reminder period: whoever has to sign now is reminded. */
    public void remindSignatories(Long proposalId) {
        Agreement agreement = agreement(proposalId);
        Long organisation = leadSigned(proposalId) ? agreement.getFoundationId() : agreement.getLeadOrganisationId();
        proposals.recordWorkflowEvent(proposalId, ProposalEventKind.SIGNATURE_REMINDER);
        notifications.notify(members.activePeopleOfOrganisationWithRole(organisation, Role.SIGNATORY), proposalId,
                NotificationText.message("notification.agreement.signatureReminder", proposals.reference(proposalId)));
    }

    /** Staff cancelled the unsigned agreement. */
    public void cancel(Long proposalId) {
        agreements.findByProposalId(proposalId).ifPresent(this::cancel);
    }

    public Instant executedAt(Long proposalId) {
        return agreement(proposalId).getExecutedAt();
    }

    public Instant accessEnd(Long proposalId) {
        return agreement(proposalId).getAccessEndsAt();
    }

    public Instant endNoticeTime(Long proposalId) {
        return accessEnd(proposalId).minus(deadlines.accessNoticeBefore());
    }

    /** Some time before access ends, the applicant and the governance office are told. */
    public void noticeAccessEnding(Long proposalId) {
        Instant end = accessEnd(proposalId);
        proposals.recordWorkflowEvent(proposalId, ProposalEventKind.ACCESS_ENDING_NOTICE, "Access ends "
                + end.atOffset(ZoneOffset.UTC).toLocalDate());
        notifications.notify(applicantAndStaff(proposalId), proposalId,
                NotificationText.message("notification.agreement.accessEnding", proposals.reference(proposalId), end));
    }

    public void expire(Long proposalId) {
        proposals.recordWorkflowEvent(proposalId, ProposalEventKind.ACCESS_EXPIRED, "Access ended "
                + accessEnd(proposalId).atOffset(ZoneOffset.UTC).toLocalDate());
    }

    public void close(Long proposalId) {
        agreement(proposalId).closed(clock.instant());
    }

    /** A proposal withdrawn while its agreement was prepared or out for signature: the agreement is void. */
    @EventListener(condition = "#changed.status().name() == 'WITHDRAWN'")
    public void on(ProposalStatusChanged changed) {
        agreements.findByProposalId(changed.proposalId())
                .filter(a -> a.getStatus() != AgreementStatus.EXECUTED).ifPresent(this::cancel);
    }

    private void cancel(Agreement agreement) {
        agreement.cancelled();
        versions.findLatest(agreement.getId()).ifPresent(AgreementVersion::cancelled);
    }

    private Set<Long> applicantAndStaff(Long proposalId) {
        Set<Long> recipients = new HashSet<>(members.activePeopleWithRole(Role.STAFF));
        members.personIdOf(proposals.applicantUsername(proposalId)).ifPresent(recipients::add);
        return recipients;
    }

    private static AgreementTerms.Party party(String name, Long id) {
        return new AgreementTerms.Party(name == null ? "#" + id : name, "");
    }

    private Agreement agreement(Long proposalId) {
        return agreements.findByProposalId(proposalId)
                .orElseThrow(() -> new IllegalStateException("Proposal " + proposalId + " has no agreement"));
    }

    private AgreementVersion latest(Agreement agreement) {
        return versions.findLatest(agreement.getId()).orElseThrow();
    }

}
