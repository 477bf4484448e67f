package org.consilium.review;

import java.time.Clock;
import org.consilium.audit.AuditTrail;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.consilium.member.MemberService;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalLifecycleSteps;
import org.consilium.proposal.ProposalReaders;
import org.consilium.security.ConsiliumUser;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient organisations' review: conflict declarations, sealed votes, and the results once the round
 * has closed. The workflow's task service calls the voting methods after checking the task is open.
 */
@Service
@Transactional
public class PatientReviewService implements ProposalReaders {

    private final VotingRoundRepository rounds;
    private final VoteRepository votes;
    private final ConflictDeclarationRepository declarations;
    private final MemberService members;
    private final CurrentUser currentUser;
    private final ProposalLifecycleSteps proposals;
    private final Clock clock;
    private final AuditTrail audit;

    /** The names of the vote choices, by constant (review.vote.APPROVE, …). */
    private static final String CHOICE_KEY = "review.vote.";

    private final Translations translations;

    PatientReviewService(VotingRoundRepository rounds, VoteRepository votes, ConflictDeclarationRepository declarations,
                         MemberService members, CurrentUser currentUser, ProposalLifecycleSteps proposals,
                         Clock clock, AuditTrail audit, Translations translations) {
        this.audit = audit;
        this.translations = translations;
        this.proposals = proposals;
        this.rounds = rounds;
        this.votes = votes;
        this.declarations = declarations;
        this.members = members;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A representative of an organisation of the round who declared no conflict may read the proposal. */
    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(Long proposalId, ConsiliumUser user) {
        return user.hasRole(Role.PATIENT_REPRESENTATIVE) && rounds.findByProposalId(proposalId)
                .filter(r -> r.getOrganisationIds().contains(user.organisationId()))
                .map(r -> declarationOf(r, user) == Declaration.NO_CONFLICT).orElse(false);
    }

    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    @Transactional(readOnly = true)
    public Declaration declaration(Long proposalId) {
        // one query for the round and the declaration: the vote screen asks at every opening
        return declarations.conflictOf(proposalId, currentUser.require().personId())
                .map(conflict -> conflict ? Declaration.CONFLICT : Declaration.NO_CONFLICT)
                .orElse(Declaration.NOT_YET);
    }

    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    public void declare(Long proposalId, Long organisationId, boolean hasConflict, String details) {
        ConsiliumUser user = currentUser.require();
        VotingRound round = openRoundFor(proposalId, organisationId, user);
        if (hasConflict && (details == null || details.isBlank())) {
            throw refused("review.refused.describeConflict");
        }
        if (details != null && details.length() > 2_000) {
            throw refused("review.refused.descriptionTooLong", "2000");
        }
        // One declaration per person and round is the database's unique key: a second one is refused here.
        try {
            declarations.saveAndFlush(new ConflictDeclaration(round.getId(), user.personId(), hasConflict,
                    hasConflict ? details.strip() : null, clock.instant()));
        } catch (DataIntegrityViolationException again) {
            throw refused("review.refused.alreadyDeclared");
        }
        audit.record("CONFLICT_DECLARED", "proposal", proposals.reference(proposalId), (hasConflict
                ? "Conflict of interest declared" : "No conflict of interest declared") + " for "
                + user.organisationName(), hasConflict ? details.strip() : null);
    }

    /** Casts the organisation's one vote. Two representatives at the same moment: the second is refused. */
    @PreAuthorize("hasRole('PATIENT_REPRESENTATIVE')")
    public void castVote(Long proposalId, Long organisationId, VoteChoice choice, String comment) {
        ConsiliumUser user = currentUser.require();
        VotingRound round = openRoundFor(proposalId, organisationId, user);
        switch (declarationOf(round, user)) {
            case NOT_YET -> throw refused("review.refused.declareFirst");
            case CONFLICT -> throw refused("review.refused.conflicted");
            default -> { }
        }
        if (choice == null) {
            throw refused("review.refused.chooseVote");
        }
        String text = comment == null ? "" : comment.strip();
        if (choice.needsComment() && text.isEmpty()) {
            throw refused("review.refused.commentNeeded", choice);
        }
        if (text.length() > 4_000) {
            throw refused("review.refused.commentTooLong", "4000");
        }
        // One vote per organisation is the database's unique key: a second one is refused here.
        try {
            votes.saveAndFlush(new Vote(round.getId(), organisationId, user.personId(), choice,
                    text.isEmpty() ? null : text, clock.instant()));
        } catch (DataIntegrityViolationException concurrent) {
            throw alreadyVoted();
        }
        // The vote stays sealed in the trail too: its fingerprint proves it later without revealing it now.
        audit.record("VOTE_CAST", "proposal", proposals.reference(proposalId), "Vote cast for "
                + user.organisationName() + "; SHA-256 of the vote " + sealOf(choice, text), null);
    }

    /**
     * The round as the viewer may see it. While it is open the votes are sealed: staff see which
     * organisations have voted, nobody sees how. Once closed, applicant and staff see everything,
     * attributed to organisations.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RoundResults results(Long proposalId) {
        VotingRound round = round(proposalId);
        ConsiliumUser user = currentUser.require();
        boolean staff = user.hasRole(Role.STAFF) || user.hasRole(Role.ADMINISTRATOR);
        boolean viewerIsApplicant = proposals.applicantUsername(proposalId).equals(user.getUsername());
        if (!staff && !viewerIsApplicant && !user.hasRole(Role.ETHICS_REVIEWER) && !mayRead(proposalId, user)) {
            throw refused("review.refused.noAccess");
        }
        List<Vote> cast = votes.findByVotingRoundId(round.getId());
        Map<Long, String> names = members.organisationNames(round.getOrganisationIds());
        List<String> voted = staff ? cast.stream().map(v -> names.get(v.getOrganisationId())).sorted().toList()
                : List.of();
        List<RoundResults.OrganisationVote> revealed = !round.isOpen() && (staff || viewerIsApplicant)
                ? cast.stream().map(v -> new RoundResults.OrganisationVote(names.get(v.getOrganisationId()),
                        v.getChoice(), v.getComment()))
                .sorted(Comparator.comparing(RoundResults.OrganisationVote::organisation)).toList()
                : List.of();
        return new RoundResults(round.isOpen(), round.getDeadline(), round.isExtended(), round.getOutcome(),
                round.getOrganisationIds().size(), voted, revealed);
    }

    @Transactional(readOnly = true)
    public boolean hasRound(Long proposalId) {
        return rounds.findByProposalId(proposalId).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean wasExtended(Long proposalId) {
        return round(proposalId).isExtended();
    }

    private VotingRound openRoundFor(Long proposalId, Long organisationId, ConsiliumUser user) {
        VotingRound round = round(proposalId);
        if (!user.hasRole(Role.PATIENT_REPRESENTATIVE) || !user.organisationId().equals(organisationId)
                || !round.getOrganisationIds().contains(organisationId)) {
            throw refused("review.refused.notRepresentative");
        }
        if (!round.isOpen()) {
            throw refused("review.refused.closed");
        }
        return round;
    }

    private Declaration declarationOf(VotingRound round, ConsiliumUser user) {
        return declarations.conflictIn(round.getId(), user.personId())
                .map(conflict -> conflict ? Declaration.CONFLICT : Declaration.NO_CONFLICT)
                .orElse(Declaration.NOT_YET);
    }

    private VotingRound round(Long proposalId) {
        return rounds.findByProposalId(proposalId)
                .orElseThrow(() -> new VoteRefused("This proposal has no voting round."));
    }

    private VoteRefused alreadyVoted() {
        return refused("review.refused.alreadyVoted");
    }

    /** A refusal in the language of the person at the screen (English outside a UI: logs and tests). */
    private VoteRefused refused(String key, Object... args) {
        Object[] words = java.util.Arrays.stream(args)
                .map(a -> a instanceof VoteChoice choice ? translations.translate(CHOICE_KEY + choice.name()) : a)
                .toArray();
        return new VoteRefused(translations.translate(key, words));
    }

    /** A fingerprint of a vote's choice and comment, kept in the audit trail while the vote is sealed. */
    static String sealOf(VoteChoice choice, String comment) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((choice.name() + "\n" + comment).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
