package org.consilium.perf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.consilium.agreement.AgreementStatus;
import org.consilium.agreement.OutputKind;
import org.consilium.agreement.SigningParty;
import org.consilium.agreement.VersionState;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.ethics.EthicsRoute;
import org.consilium.perf.Population.Human;
import org.consilium.perf.Population.Org;
import org.consilium.proposal.DataCategory;
import org.consilium.proposal.DataLevel;
import org.consilium.proposal.DiseaseArea;
import org.consilium.proposal.ExpectedOutput;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.ProposalStatus;
import org.consilium.review.VoteChoice;

/**
 * One proposal's invented life, from draft to where it stands now: the steps the portal would have
 * recorded (timeline, audit, votes, ethics decisions, agreement versions and signatures, outputs,
 * notifications) at plausible intervals, and, for a proposal in an open stage, where its process
 * waits. Deterministic for a seed: the generator runs each story twice, once from time 0 to learn how
 * long it takes, then from the creation time that puts its current stage (or its end) where it belongs
 * in the three-year window.
 */
final class Story {

    static final long DAY = 86_400;
    static final long MONTH = 30 * DAY;

    /** Where the process waits: the activities to start before, when the stage began. */
    enum Stage {
        NONE, CHECK, REVISE, VOTE_AND_ETHICS, ETHICS_AFTER_VOTE, QUORUM_AND_ETHICS, REVISE_FOR_ETHICS_VOTING,
        REVISE_FOR_ETHICS_VOTED, PREPARE_AGREEMENT, LEAD_SIGNATURE, FOUNDATION_SIGNATURE, CHASE,
        ACCESS_NOTICE_TIMER, ACCESS_END_TIMER, REPORT_OUTPUTS, CLOSE_PROJECT
    }

    record Event(long at, ProposalEventKind kind, Human actor, Integer version, String reason) {
    }

    record Audit(long at, Human actor, String kind, String summary, String reason) {
    }

    record VoteRow(Org org, Human voter, VoteChoice choice, String comment, long at) {
    }

    record DeclarationRow(Human person, boolean conflict, String details, long at) {
    }

    static final class Round {
        long opened;
        /** When the current voting window opened: the opening, or the extension. */
        long votingFrom;
        long deadline;
        boolean extended;
        Long closed;
        String outcome;
        final List<VoteRow> votes = new ArrayList<>();
        final List<DeclarationRow> declarations = new ArrayList<>();
    }

    record EthicsRow(Human reviewer, EthicsRoute route, EthicsOutcome decision, String conditions, String comment,
                     long at) {
    }

    record Signature(SigningParty party, Human signer, long at) {
    }

    static final class AgreementVersionRow {
        int number;
        VersionState state;
        Human generatedBy;
        long generatedAt;
        Long sentAt;
        final List<Signature> signatures = new ArrayList<>();
    }

    record Extension(long previousEnd, long newEnd, String reason, Human approver, long at) {
    }

    static final class AgreementRow {
        AgreementStatus status = AgreementStatus.PREPARING;
        int months;
        Long executedAt;
        Long accessEndsAt;
        Long closureRequestedAt;
        Long closedAt;
        final List<AgreementVersionRow> versions = new ArrayList<>();
        final List<Extension> extensions = new ArrayList<>();
    }

    record Output(OutputKind kind, String title, String doi, String description, long at) {
    }

    record Note(Human person, long at, String message) {
    }

    // what the proposal says
    final Human applicant;
    final ProposalStatus target;
    final boolean longHistory;
    String title;
    String acronym;
    Set<DiseaseArea> areas;
    Set<DataCategory> categories;
    DataLevel level;
    int cohort;
    boolean ai;
    Set<ExpectedOutput> expected;
    int durationMonths;
    boolean commercial;
    final List<Human> linkedTeam = new ArrayList<>();
    int unlinkedTeam;

    // what happened
    long created;
    long updated;
    Long submitted;
    ProposalStatus status = ProposalStatus.DRAFT;
    final List<Long> versionTimes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Audit> audits = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    Round round;
    final List<EthicsRow> ethics = new ArrayList<>();
    EthicsRoute route;
    AgreementRow agreement;
    final List<Output> outputs = new ArrayList<>();

    // where it stands
    Stage stage = Stage.NONE;
    long anchor;
    long minElapsed;
    long maxElapsed;
    long taskTime;
    long end;

    private final Population people;
    private final Random random;
    private final long now;
    private long t;

    private Story(Population people, long seed, Human applicant, ProposalStatus target, boolean longHistory,
                  long created, long now) {
        this.people = people;
        this.random = new Random(seed);
        this.applicant = applicant;
        this.target = target;
        this.longHistory = longHistory;
        this.created = created;
        this.now = now;
    }

    /** Runs the story from {@code created}; {@code now} only matters after the current stage began. */
    static Story tell(Population people, long seed, Human applicant, ProposalStatus target, boolean longHistory,
                      long created, long now) {
        Story story = new Story(people, seed, applicant, target, longHistory, created, now);
        story.run();
        return story;
    }

    private long days(double from, double to) {
        return (long) ((from + random.nextDouble() * (to - from)) * DAY);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T any(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Human staff() {
        return any(people.staff);
    }

    private void run() {
        content();
        t = created;
        updated = created;
        if (target == ProposalStatus.DRAFT) {
            updated = created + days(0, 20);
            end = updated;
            return;
        }
        submit();
        switch (target) {
            case SUBMITTED -> {
                returns(returnLoops());
                anchor(Stage.CHECK, t, 0, 8 * DAY);
            }
            case RETURNED -> {
                returns(returnLoops());
                t += days(1, 8);
                sendBack();
                anchor(Stage.REVISE, t, 0, 25 * DAY);
            }
            case WITHDRAWN -> withdrawnStory();
            case REJECTED -> rejectedStory();
            default -> reviewedStory();
        }
    }

    // ---- content -----------------------------------------------------------------------------------------

    private static final String[] METHODS = {"Machine-learning risk scores", "Real-world outcomes", "Long-term survival",
            "Treatment sequencing", "Minimal residual disease monitoring", "Quality of life", "Cost of care",
            "Early relapse prediction", "Cardiotoxicity", "Infection burden", "Transplant outcomes",
            "Molecular subgroups"};
    private static final String[] POPULATIONS = {"in older patients", "after first remission",
            "in adolescents and young adults", "across European registries", "after CAR-T therapy",
            "in rural centres", "in patients with comorbidities", "under targeted therapy", "after stem-cell transplant"};

    private void content() {
        DiseaseArea area = DiseaseArea.values()[random.nextInt(DiseaseArea.values().length - 1)];
        title = any(List.of(METHODS)) + " for " + area.name().replace('_', ' ') + " " + any(List.of(POPULATIONS));
        acronym = area.name().replace("_", "").substring(0, Math.min(4, area.name().replace("_", "").length()))
                + "-" + (100 + random.nextInt(900));
        areas = chance(0.3) ? EnumSet.of(area, DiseaseArea.values()[random.nextInt(9)]) : EnumSet.of(area);
        categories = EnumSet.noneOf(DataCategory.class);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            categories.add(DataCategory.values()[random.nextInt(DataCategory.values().length)]);
        }
        level = DataLevel.values()[random.nextInt(DataLevel.values().length)];
        cohort = 200 + random.nextInt(20_000);
        ai = chance(0.35);
        expected = chance(0.5) ? EnumSet.of(ExpectedOutput.PUBLICATIONS)
                : EnumSet.of(ExpectedOutput.PUBLICATIONS, ExpectedOutput.NEW_OUTCOME_INDICATORS);
        durationMonths = 12 + 6 * random.nextInt(5);
        commercial = chance(0.1);
        int team = random.nextInt(4);
        for (int i = 0; i < team; i++) {
            if (chance(0.5)) {
                Human member = any(people.researchers);
                if (member != applicant && !linkedTeam.contains(member)) {
                    linkedTeam.add(member);
                }
            } else {
                unlinkedTeam++;
            }
        }
        route = level == DataLevel.INDIVIDUAL_LEVEL_ANONYMISED || categories.contains(DataCategory.GENOMIC_SEQUENCING)
                ? EthicsRoute.FULL : EthicsRoute.EXPEDITED;
    }

    // ---- recording ---------------------------------------------------------------------------------------

    private void event(long at, ProposalEventKind kind, Human actor, Integer version, String reason) {
        events.add(new Event(at, kind, actor, version, reason));
        updated = Math.max(updated, at);
        if (actor != null && chance(0.35)) {
            audits.add(new Audit(at - 60 - random.nextInt(1_800), actor, "SIGN_IN", "Signed in", null));
        }
    }

    private void status(long at, ProposalStatus next, Human actor) {
        status = next;
        updated = Math.max(updated, at);
        audits.add(new Audit(at, actor, "STATUS_CHANGED", "Status: " + next.label(), null));
        if (actor != applicant) {
            notes.add(new Note(applicant, at, "Your proposal is now: " + next.label()));
        }
    }

    private void anchor(Stage stage, long at, long minElapsed, long maxElapsed) {
        this.stage = stage;
        this.anchor = at;
        this.taskTime = at;
        this.minElapsed = minElapsed;
        this.maxElapsed = maxElapsed;
    }

    private int version() {
        return versionTimes.size();
    }

    // ---- steps -------------------------------------------------------------------------------------------

    private void submit() {
        t += days(1, 45);
        submitted = t;
        versionTimes.add(t);
        status = ProposalStatus.SUBMITTED;
        event(t, ProposalEventKind.SUBMITTED, applicant, 1, null);
    }

    private int returnLoops() {
        if (longHistory) {
            return 2;
        }
        double r = random.nextDouble();
        return r < 0.8 ? 0 : r < 0.95 ? 1 : 2;
    }

    private void returns(int loops) {
        for (int i = 0; i < loops; i++) {
            t += days(1, 8);
            sendBack();
            t += days(3, 25);
            resubmit();
        }
    }

    private void sendBack() {
        Human staff = staff();
        event(t, ProposalEventKind.RETURNED_FOR_CHANGES, staff, version(),
                any(List.of("The statistical plan is missing.", "Please attach the data management plan.",
                        "The lay summary is too technical.", "Clarify the data categories requested.")));
        status(t, ProposalStatus.RETURNED, staff);
    }

    private void resubmit() {
        versionTimes.add(t);
        event(t, ProposalEventKind.RESUBMITTED, applicant, version(), null);
        status(t, ProposalStatus.SUBMITTED, applicant);
    }

    private void accept() {
        t += days(1, 8);
        Human staff = staff();
        event(t, ProposalEventKind.ACCEPTED_AT_CHECK, staff, version(), null);
        status(t, ProposalStatus.UNDER_REVIEW, staff);
        event(t, ProposalEventKind.REVIEW_STARTED, null, null, null);
        round = new Round();
        round.opened = t;
        round.votingFrom = t;
        round.deadline = t + 14 * DAY;
    }

    private enum Leaning { APPROVE, REJECT, THIN }

    /** Declarations and votes cast in the round before {@code until}. */
    private void votes(Leaning leaning, long until) {
        for (Org org : people.patientOrganisations) {
            if (round.votes.stream().anyMatch(v -> v.org() == org)) {
                continue;
            }
            List<Human> reps = people.representatives.get(org.id());
            if (!chance(leaning == Leaning.THIN ? 0.4 : 0.88)) {
                continue;
            }
            long declared = round.votingFrom + (long) (random.nextDouble() * (round.deadline - round.votingFrom - DAY));
            Human voter = reps.get(random.nextInt(reps.size()));
            if (declared >= until || round.declarations.stream().anyMatch(d -> d.person() == voter)) {
                continue;
            }
            if (chance(0.04)) {
                round.declarations.add(new DeclarationRow(voter, true, "I advise the applicant's team.", declared));
                audits.add(new Audit(declared, voter, "CONFLICT_DECLARED", "Conflict of interest declared for "
                        + org.name(), "I advise the applicant's team."));
                continue;
            }
            round.declarations.add(new DeclarationRow(voter, false, null, declared));
            audits.add(new Audit(declared, voter, "CONFLICT_DECLARED", "No conflict of interest declared for "
                    + org.name(), null));
            long cast = Math.min(declared + (long) (random.nextDouble() * 1.5 * DAY), round.deadline - 3_600);
            if (cast >= until || !chance(leaning == Leaning.THIN ? 0.5 : 0.93)) {
                continue;
            }
            double r = random.nextDouble();
            VoteChoice choice = switch (leaning) {
                case REJECT -> r < 0.2 ? VoteChoice.APPROVE : r < 0.3 ? VoteChoice.APPROVE_WITH_RECOMMENDATIONS
                        : r < 0.9 ? VoteChoice.REJECT : VoteChoice.ABSTAIN;
                default -> r < 0.65 ? VoteChoice.APPROVE : r < 0.88 ? VoteChoice.APPROVE_WITH_RECOMMENDATIONS
                        : r < 0.94 ? VoteChoice.REJECT : VoteChoice.ABSTAIN;
            };
            String comment = choice == VoteChoice.APPROVE ? null : any(List.of(
                    "Please involve patients in the interpretation of the results.",
                    "The burden on patients is not justified by the expected benefit.",
                    "Report the results back to the patient community in plain language.",
                    "We have no expertise on this disease area."));
            round.votes.add(new VoteRow(org, voter, choice, comment, cast));
            audits.add(new Audit(cast, voter, "VOTE_CAST", "Vote cast for " + org.name()
                    + "; SHA-256 of the vote " + Long.toHexString(random.nextLong()), null));
        }
    }

    private boolean allVoted() {
        return round.votes.size() == people.patientOrganisations.size();
    }

    /** Three days before the deadline the engine reminds the organisations still to vote. */
    private void reminderBefore(long until) {
        long reminder = round.deadline - 3 * DAY;
        if (reminder < until && !allVotedBefore(reminder)) {
            event(reminder, ProposalEventKind.VOTING_REMINDER, null, null, null);
        }
    }

    private boolean allVotedBefore(long at) {
        return round.votes.stream().filter(v -> v.at() < at).count() == people.patientOrganisations.size();
    }

    private long closeRound(String outcome) {
        boolean all = allVoted();
        long at = all ? round.votes.stream().mapToLong(VoteRow::at).max().orElse(round.deadline) : round.deadline;
        reminderBefore(at);
        round.closed = at;
        round.outcome = outcome;
        event(at, ProposalEventKind.VOTING_ROUND_CLOSED, null, null, "Outcome: " + switch (outcome) {
            case "APPROVED" -> "approved";
            case "REJECTED" -> "rejected";
            default -> "no quorum";
        });
        return at;
    }

    /** A patient review that ends approved, possibly after an extension for lack of quorum. */
    private long approvingRound() {
        if (longHistory || chance(0.06)) {
            votes(Leaning.THIN, round.deadline);
            long closed = closeRound("NO_QUORUM");
            long decided = closed + days(0.5, 4);
            Human staff = staff();
            event(decided, ProposalEventKind.VOTING_ROUND_EXTENDED, staff, null, "Seven more days for the organisations");
            round.extended = true;
            round.closed = null;
            round.outcome = null;
            round.deadline = decided + 7 * DAY;
            round.votingFrom = decided;
        }
        votes(Leaning.APPROVE, round.deadline);
        return closeRound("APPROVED");
    }

    private EthicsRow decide(long at, EthicsOutcome outcome) {
        Human reviewer = any(people.ethicsReviewers);
        String conditions = outcome == EthicsOutcome.APPROVE_WITH_CONDITIONS
                ? "Results may only be published in aggregate; cells under 10 patients are suppressed." : null;
        String comment = outcome == EthicsOutcome.APPROVE ? null : any(List.of(
                "The consent basis for secondary use must be documented.",
                "Clarify how re-identification risk is assessed.",
                "The retention period exceeds what the protocol needs."));
        EthicsRow row = new EthicsRow(reviewer, route, outcome, conditions, comment, at);
        ethics.add(row);
        ProposalEventKind kind = switch (outcome) {
            case APPROVE -> ProposalEventKind.ETHICS_APPROVED;
            case APPROVE_WITH_CONDITIONS -> ProposalEventKind.ETHICS_APPROVED_WITH_CONDITIONS;
            case REQUEST_CHANGES -> ProposalEventKind.CHANGES_REQUESTED;
            case REJECT -> ProposalEventKind.ETHICS_REJECTED;
        };
        event(at, kind, reviewer, version(), conditions != null ? conditions : comment);
        return row;
    }

    /** Ethics review ending approved, after zero to two requests for changes; returns the approval time. */
    private long approvingEthics(long from) {
        long at = from + days(3, 20);
        int changes = longHistory ? 2 : chance(0.15) ? 1 : 0;
        for (int i = 0; i < changes; i++) {
            Human reviewer = decide(at, EthicsOutcome.REQUEST_CHANGES).reviewer();
            status(at, ProposalStatus.CHANGES_REQUESTED, reviewer);
            at += days(3, 20);
            versionTimes.add(at);
            event(at, ProposalEventKind.RESUBMITTED, applicant, version(), null);
            status(at, ProposalStatus.UNDER_REVIEW, applicant);
            at += days(3, 15);
        }
        decide(at, chance(0.6) ? EthicsOutcome.APPROVE : EthicsOutcome.APPROVE_WITH_CONDITIONS);
        return at;
    }

    private void approve(long at) {
        t = at;
        event(t, ProposalEventKind.APPROVED, null, null, "Approved by the patient organisations and the ethics board");
        status(t, ProposalStatus.APPROVED, null);
    }

    /** Check, patient review and ethics review, to approval. */
    private void toApproval() {
        returns(returnLoops());
        accept();
        long ethicsDone = approvingEthics(round.opened);
        long roundClosed = approvingRound();
        approve(Math.max(ethicsDone, roundClosed));
    }

    private AgreementVersionRow generate(long at) {
        if (agreement == null) {
            agreement = new AgreementRow();
            agreement.months = longHistory ? 36 : any(List.of(12, 18, 24, 24, 24, 36));
        }
        for (AgreementVersionRow v : agreement.versions) {
            if (v.state == VersionState.DRAFT || v.state == VersionState.OUT_FOR_SIGNATURE) {
                v.state = VersionState.SUPERSEDED;
            }
        }
        AgreementVersionRow v = new AgreementVersionRow();
        v.number = agreement.versions.size() + 1;
        v.state = VersionState.DRAFT;
        v.generatedBy = staff();
        v.generatedAt = at;
        agreement.versions.add(v);
        agreement.status = AgreementStatus.PREPARING;
        event(at, ProposalEventKind.AGREEMENT_GENERATED, v.generatedBy, null, "Version " + v.number);
        return v;
    }

    private void send(AgreementVersionRow v, long at) {
        v.state = VersionState.OUT_FOR_SIGNATURE;
        v.sentAt = at;
        agreement.status = AgreementStatus.OUT_FOR_SIGNATURE;
        event(at, ProposalEventKind.AGREEMENT_SENT, staff(), null, "Version " + v.number);
    }

    private Human sign(AgreementVersionRow v, SigningParty party, long at) {
        Human signer = any(people.signatories.get(party == SigningParty.FOUNDATION ? people.foundation.id()
                : applicant.org().id()));
        v.signatures.add(new Signature(party, signer, at));
        event(at, ProposalEventKind.AGREEMENT_SIGNED, signer, null, "Version " + v.number + ", for "
                + signer.org().name());
        return signer;
    }

    /** Generated, sent, signed by both, executed: the project becomes active. */
    private void toExecution() {
        t += days(1, 15);
        AgreementVersionRow v = generate(t);
        if (longHistory) {
            t += days(1, 3);
            send(v, t);
            t += days(2, 10);
            sign(v, SigningParty.LEAD_ORGANISATION, t);
            t += days(1, 3);
            v = generate(t);
            t += days(1, 2);
            v = generate(t);
        } else if (chance(0.2)) {
            t += days(0.5, 5);
            v = generate(t);
        }
        t += days(0.5, 4);
        send(v, t);
        t += days(1, 20);
        sign(v, SigningParty.LEAD_ORGANISATION, t);
        t += days(0.5, 8);
        Human foundationSigner = sign(v, SigningParty.FOUNDATION, t);
        v.state = VersionState.EXECUTED;
        agreement.status = AgreementStatus.EXECUTED;
        agreement.executedAt = t;
        agreement.accessEndsAt = t + agreement.months * MONTH;
        event(t, ProposalEventKind.AGREEMENT_EXECUTED, null, null, "Version " + v.number + "; access until "
                + java.time.Instant.ofEpochSecond(agreement.accessEndsAt).toString().substring(0, 10));
        status(t, ProposalStatus.ACTIVE, foundationSigner);
    }

    /** The active period from execution up to {@code until}: outputs, perhaps an extension, the notice. */
    private void activePeriod(long until) {
        long from = agreement.executedAt;
        int outputs = longHistory ? 8 : (int) ((until - from) / (8 * MONTH)) + (chance(0.5) ? 1 : 0);
        for (int i = 0; i < outputs; i++) {
            long at = from + (long) (random.nextDouble() * (until - from));
            OutputKind kind = any(List.of(OutputKind.PUBLICATION, OutputKind.PUBLICATION, OutputKind.RESULTS_RETURNED,
                    OutputKind.OUTCOME_INDICATOR, OutputKind.OTHER));
            String outputTitle = kind == OutputKind.PUBLICATION ? "Findings on " + title.toLowerCase()
                    : kind.label() + " of " + acronym;
            this.outputs.add(new Output(kind, outputTitle, kind == OutputKind.PUBLICATION
                    ? "10.1000/perf." + Long.toHexString(random.nextLong() & 0xffffffL) : null, null, at));
            event(at, ProposalEventKind.OUTPUT_REPORTED, applicant, null, kind.label() + ": " + outputTitle);
        }
        if (longHistory || chance(0.06)) {
            long at = from + (long) (random.nextDouble() * (until - from));
            long previous = agreement.accessEndsAt;
            agreement.accessEndsAt = previous + (chance(0.5) ? 6 : 12) * MONTH;
            Human staff = staff();
            agreement.extensions.add(new Extension(previous, agreement.accessEndsAt, "Recruitment took longer"
                    + " than planned.", staff, at));
            event(at, ProposalEventKind.ACCESS_EXTENDED, staff, null, "Until "
                    + java.time.Instant.ofEpochSecond(agreement.accessEndsAt).toString().substring(0, 10));
        }
        long notice = agreement.accessEndsAt - MONTH;
        if (notice <= until) {
            event(notice, ProposalEventKind.ACCESS_ENDING_NOTICE, null, null, null);
        }
    }

    private void expire() {
        t = agreement.accessEndsAt;
        event(t, ProposalEventKind.ACCESS_EXPIRED, null, null, null);
        status(t, ProposalStatus.EXPIRED, null);
    }

    private void close(long at) {
        Human staff = staff();
        agreement.closedAt = at;
        event(at, ProposalEventKind.CLOSED, staff, null, null);
        status(at, ProposalStatus.CLOSED, staff);
        t = at;
    }

    private void requestClosure(long at) {
        agreement.closureRequestedAt = at;
        event(at, ProposalEventKind.CLOSURE_REQUESTED, applicant, null, null);
    }

    // ---- the stories -------------------------------------------------------------------------------------

    private void reviewedStory() {
        switch (target) {
            case UNDER_REVIEW -> underReview();
            case CHANGES_REQUESTED -> changesRequested();
            case APPROVED -> approved();
            case ACTIVE -> active();
            case EXPIRED -> expired();
            case CLOSED -> closed();
            case CANCELLED -> cancelled();
            default -> throw new IllegalStateException(target.name());
        }
    }

    private void underReview() {
        returns(returnLoops());
        accept();
        double r = random.nextDouble();
        if (r < 0.75) {
            anchor(Stage.VOTE_AND_ETHICS, round.opened, 0, 13 * DAY);
            votes(Leaning.APPROVE, now);
            if (allVoted()) {
                closeRound("APPROVED");
                stage = Stage.ETHICS_AFTER_VOTE;
            } else {
                reminderBefore(now);
            }
        } else if (r < 0.9) {
            votes(Leaning.APPROVE, round.deadline);
            closeRound("APPROVED");
            anchor(Stage.ETHICS_AFTER_VOTE, round.opened, 14 * DAY, 28 * DAY);
            taskTime = round.opened;
        } else {
            votes(Leaning.THIN, round.deadline);
            long closed = closeRound("NO_QUORUM");
            anchor(Stage.QUORUM_AND_ETHICS, round.opened, 15 * DAY, 20 * DAY);
            taskTime = closed;
        }
    }

    private void changesRequested() {
        returns(returnLoops());
        accept();
        long at = round.opened + days(3, 10);
        Human reviewer = decide(at, EthicsOutcome.REQUEST_CHANGES).reviewer();
        status(at, ProposalStatus.CHANGES_REQUESTED, reviewer);
        anchor(Stage.REVISE_FOR_ETHICS_VOTING, at, 0, 20 * DAY);
        if (now < round.deadline) {
            votes(Leaning.APPROVE, now);
            if (allVoted()) {
                closeRound("APPROVED");
                stage = Stage.REVISE_FOR_ETHICS_VOTED;
            } else {
                reminderBefore(now);
            }
        } else {
            votes(Leaning.APPROVE, round.deadline);
            closeRound("APPROVED");
            stage = Stage.REVISE_FOR_ETHICS_VOTED;
        }
    }

    private void approved() {
        toApproval();
        double r = random.nextDouble();
        if (r < 0.35) {
            anchor(Stage.PREPARE_AGREEMENT, t, 0, 20 * DAY);
            if (chance(0.5)) {
                generate(Math.min(now - 600, t + days(0.2, 5)));
            }
        } else if (r < 0.8) {
            t += days(1, 10);
            AgreementVersionRow v = generate(t);
            t += days(0.2, 3);
            send(v, t);
            anchor(Stage.LEAD_SIGNATURE, t, 0, 29 * DAY);
        } else if (r < 0.95) {
            t += days(1, 10);
            AgreementVersionRow v = generate(t);
            t += days(0.2, 3);
            send(v, t);
            t += days(1, 15);
            sign(v, SigningParty.LEAD_ORGANISATION, t);
            anchor(Stage.FOUNDATION_SIGNATURE, t, 0, 13 * DAY);
            taskTime = t;
        } else {
            t += days(1, 10);
            AgreementVersionRow v = generate(t);
            t += days(0.2, 3);
            send(v, t);
            event(t + 30 * DAY, ProposalEventKind.SIGNATURE_REMINDER, null, null, null);
            anchor(Stage.CHASE, t, 61 * DAY, 75 * DAY);
            taskTime = t + 60 * DAY;
        }
    }

    private void active() {
        toApproval();
        toExecution();
        long access = agreement.accessEndsAt - agreement.executedAt;
        anchor(Stage.ACCESS_NOTICE_TIMER, agreement.executedAt, 0, access - DAY);
        if (longHistory) {
            minElapsed = access / 2;
            maxElapsed = access / 2 + DAY;
        }
        activePeriod(now);
        if (now >= agreement.accessEndsAt - MONTH) {
            stage = Stage.ACCESS_END_TIMER;
        }
        if (!longHistory && chance(0.05)) {
            long at = agreement.executedAt + (long) (random.nextDouble() * (now - agreement.executedAt));
            requestClosure(at);
            stage = Stage.CLOSE_PROJECT;
            taskTime = at;
        }
    }

    private void expired() {
        toApproval();
        toExecution();
        activePeriod(agreement.accessEndsAt);
        expire();
        anchor(Stage.REPORT_OUTPUTS, t, 0, 40 * DAY);
        if (chance(0.3)) {
            long at = t + (long) (random.nextDouble() * (now - t));
            requestClosure(at);
            stage = Stage.CLOSE_PROJECT;
            taskTime = at;
        }
    }

    private void closed() {
        toApproval();
        toExecution();
        if (chance(0.7)) {
            activePeriod(agreement.accessEndsAt);
            expire();
            t += days(1, 40);
            requestClosure(t);
            close(t + days(1, 10));
        } else {
            long at = agreement.executedAt + days(90, agreement.months * 30 - 30);
            activePeriod(at);
            requestClosure(at);
            close(at + days(1, 10));
        }
        end = t;
    }

    private void cancelled() {
        toApproval();
        t += days(1, 10);
        AgreementVersionRow v = generate(t);
        t += days(0.2, 3);
        send(v, t);
        int chases = chance(0.4) ? 1 : 0;
        for (int i = 0; i <= chases; i++) {
            event(t + 30 * DAY, ProposalEventKind.SIGNATURE_REMINDER, null, null, null);
            t += 60 * DAY + days(0.5, 5);
            if (i < chases) {
                event(t, ProposalEventKind.SIGNATURES_CHASED, staff(), null, null);
            }
        }
        Human staff = staff();
        v.state = VersionState.CANCELLED;
        agreement.status = AgreementStatus.CANCELLED;
        event(t, ProposalEventKind.AGREEMENT_CANCELLED, staff, null, "Not signed after two reminders");
        status(t, ProposalStatus.CANCELLED, staff);
        end = t;
    }

    private void withdrawnStory() {
        double r = random.nextDouble();
        if (r < 0.4) {
            returns(returnLoops());
            t += days(1, 6);
        } else if (r < 0.8) {
            returns(returnLoops());
            accept();
            t = round.opened + days(1, 12);
            votes(Leaning.APPROVE, t);
        } else {
            toApproval();
            t += days(1, 20);
        }
        event(t, ProposalEventKind.WITHDRAWN, applicant, version(), chance(0.5) ? null
                : "The funding was not granted.");
        status(t, ProposalStatus.WITHDRAWN, applicant);
        end = t;
    }

    private void rejectedStory() {
        double r = random.nextDouble();
        if (r < 0.3) {
            returns(returnLoops());
            t += days(1, 8);
            Human staff = staff();
            event(t, ProposalEventKind.REJECTED_AT_CHECK, staff, version(), "Outside the platform's scope.");
            status(t, ProposalStatus.REJECTED, staff);
        } else if (r < 0.7) {
            returns(returnLoops());
            accept();
            if (chance(0.2)) {
                votes(Leaning.THIN, round.deadline);
                long closed = closeRound("NO_QUORUM");
                t = closed + days(0.5, 4);
                event(t, ProposalEventKind.REJECTED_FOR_LACK_OF_QUORUM, staff(), null, null);
            } else {
                votes(Leaning.REJECT, round.deadline);
                t = closeRound("REJECTED");
            }
            event(t, ProposalEventKind.REJECTED, null, null, null);
            status(t, ProposalStatus.REJECTED, null);
        } else {
            returns(returnLoops());
            accept();
            t = round.opened + days(3, 13);
            votes(Leaning.APPROVE, t);
            decide(t, EthicsOutcome.REJECT);
            event(t, ProposalEventKind.REJECTED, null, null, null);
            status(t, ProposalStatus.REJECTED, null);
        }
        end = t;
    }
}
