package org.consilium.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.proposal.ProposalStatus;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many proposals with plausible timelines, written in batches straight into the tables: for the cockpit's
 * screenshot (a few hundred) and its scale benchmark (100,000 proposals, about a million timeline rows).
 * Deterministic for a seed. Each proposal walks the process from a submission in the last {@code years} years
 * with random stays (returns, ethics changes, rejections, withdrawals, cancellations) until it ends or reaches
 * {@code now}; where it stands then is its status. About ten timeline events a proposal, of which half change
 * its stage (the others are reminders, votes closed, ethics decisions, signatures, notices, outputs).
 */
public final class CockpitDemoData {

    private static final int BATCH = 1000;
    private static final String[] TITLES = {"Relapse risk after first remission", "Minimal residual disease in ALL",
            "Outcomes of CAR-T in lymphoma", "Genomic markers of MDS progression", "Treatment-free remission in CML",
            "Frailty and myeloma outcomes", "Thrombosis in MPN", "Late effects after Hodgkin lymphoma",
            "AI triage of bone-marrow reports", "Synthetic cohort for CLL trials", "Infections during induction",
            "Real-world venetoclax use"};

    private final JdbcTemplate jdbc;
    private final Random random;
    private final List<Object[]> proposals = new ArrayList<>();
    private final List<Object[]> events = new ArrayList<>();
    private final List<Object[]> agreements = new ArrayList<>();
    private final List<Object[]> versions = new ArrayList<>();
    private final Map<ProposalStatus, Long> statuses = new EnumMap<>(ProposalStatus.class);
    private long nextProposal;
    private long nextAgreement;
    private long eventCount;
    private Long document;

    public CockpitDemoData(JdbcTemplate jdbc, long seed) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    /** What was written: proposals per status, and timeline rows. */
    public record Summary(Map<ProposalStatus, Long> statuses, long events) {
    }

    /**
     * Writes {@code count} proposals of the applicant, led by the organisations given in turn, submitted over
     * the {@code years} before {@code now}.
     */
    public Summary generate(int count, int years, Instant now, List<Long> organisations, Long applicant) {
        nextProposal = next("proposal");
        nextAgreement = next("agreement");
        Map<Integer, Integer> perYear = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            Instant submitted = now.minus(Duration.ofSeconds((long) (random.nextDouble() * years * 365 * 86_400L)))
                    .truncatedTo(ChronoUnit.SECONDS);
            int year = submitted.atOffset(ZoneOffset.UTC).getYear();
            int number = perYear.merge(year, 1, Integer::sum) + 5000;
            walk(String.format("CONS-%d-%05d", year, number), submitted, now,
                    organisations.get(i % organisations.size()), applicant);
            if (proposals.size() >= BATCH) {
                flush();
            }
        }
        flush();
        // the timelines were written around the services: their stays in stages at once, as V15's backfill
        jdbc.update(StageSql.REBUILD);
        return new Summary(statuses, eventCount);
    }

    private long next(String table) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }

    /** One proposal through the process, until it ends or reaches now. */
    private void walk(String reference, Instant submitted, Instant now, Long lead, Long applicant) {
        long id = nextProposal++;
        Timeline t = new Timeline(id, submitted, now);
        ProposalStatus status = walk(t);
        statuses.merge(status, 1L, Long::sum);
        String title = TITLES[random.nextInt(TITLES.length)] + " (" + reference.substring(5) + ")";
        proposals.add(new Object[] {id, reference, status.name(), applicant, title, "P" + reference.substring(10),
                lead, utc(submitted), utc(t.last), utc(submitted)});
        if (t.agreement != null) {
            long agreementId = nextAgreement++;
            agreements.add(new Object[] {agreementId, id, lead, lead, t.agreement, t.executed == null ? null : utc(t.executed),
                    t.executed == null ? null : utc(t.executed.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant()),
                    t.closed == null ? null : utc(t.closed)});
            if (t.sent != null) {
                versions.add(new Object[] {agreementId, t.agreement.equals("EXECUTED") ? "EXECUTED"
                        : t.agreement.equals("CANCELLED") ? "CANCELLED" : "OUT_FOR_SIGNATURE", applicant,
                        utc(t.sent.minus(Duration.ofDays(1))), utc(t.sent)});
            }
        }
    }

    private ProposalStatus walk(Timeline t) {
        if (!t.event("SUBMITTED", 0)) {
            return ProposalStatus.SUBMITTED;
        }
        // Completeness check, with returns to the applicant.
        while (true) {
            double roll = random.nextDouble();
            if (roll < 0.06) {
                return t.event("REJECTED_AT_CHECK", days(1, 8)) ? ProposalStatus.REJECTED : ProposalStatus.SUBMITTED;
            }
            if (roll < 0.22) {
                if (!t.event("RETURNED_FOR_CHANGES", days(1, 8))) {
                    return ProposalStatus.SUBMITTED;
                }
                if (random.nextDouble() < 0.05) {
                    return t.event("WITHDRAWN", days(3, 30)) ? ProposalStatus.WITHDRAWN : ProposalStatus.RETURNED;
                }
                if (!t.event("RESUBMITTED", days(3, 35))) {
                    return ProposalStatus.RETURNED;
                }
                continue;
            }
            if (!t.event("ACCEPTED_AT_CHECK", days(1, 10))) {
                return ProposalStatus.SUBMITTED;
            }
            break;
        }
        t.event("REVIEW_STARTED", 0);
        // Patient and ethics review, with changes asked by the ethics board.
        t.event("VOTING_REMINDER", days(9, 11));
        if (random.nextDouble() < 0.12) {
            if (!t.event("CHANGES_REQUESTED", days(2, 15))) {
                return ProposalStatus.UNDER_REVIEW;
            }
            if (!t.event("RESUBMITTED", days(5, 40))) {
                return ProposalStatus.CHANGES_REQUESTED;
            }
        }
        if (!t.event("VOTING_ROUND_CLOSED", days(3, 10)) || !t.event("ETHICS_APPROVED", days(1, 20))) {
            return ProposalStatus.UNDER_REVIEW;
        }
        double outcome = random.nextDouble();
        if (outcome < 0.10) {
            return t.event("REJECTED", days(0, 3)) ? ProposalStatus.REJECTED : ProposalStatus.UNDER_REVIEW;
        }
        if (outcome < 0.13) {
            return t.event("WITHDRAWN", days(0, 3)) ? ProposalStatus.WITHDRAWN : ProposalStatus.UNDER_REVIEW;
        }
        if (!t.event("APPROVED", days(0, 3))) {
            return ProposalStatus.UNDER_REVIEW;
        }
        // The agreement.
        t.agreement = "PREPARING";
        if (!t.event("AGREEMENT_GENERATED", days(1, 12)) || !t.event("AGREEMENT_SENT", days(0, 6))) {
            return ProposalStatus.APPROVED;
        }
        t.agreement = "OUT_FOR_SIGNATURE";
        t.sent = t.last;
        if (random.nextDouble() < 0.04) {
            if (t.event("AGREEMENT_CANCELLED", days(60, 75))) {
                t.agreement = "CANCELLED";
                return ProposalStatus.CANCELLED;
            }
            return ProposalStatus.APPROVED;
        }
        if (!t.event("AGREEMENT_SIGNED", days(2, 35)) || !t.event("AGREEMENT_SIGNED", days(1, 14))
                || !t.event("AGREEMENT_EXECUTED", 0)) {
            return ProposalStatus.APPROVED;
        }
        t.agreement = "EXECUTED";
        t.executed = t.last;
        // The active project: 24 months of access, then closure.
        if (!t.event("ACCESS_ENDING_NOTICE", days(700, 700)) || !t.event("ACCESS_EXPIRED", days(30, 31))) {
            return ProposalStatus.ACTIVE;
        }
        t.event("OUTPUT_REPORTED", days(1, 20));
        if (!t.event("CLOSED", days(2, 45))) {
            return ProposalStatus.EXPIRED;
        }
        t.closed = t.last;
        return ProposalStatus.CLOSED;
    }

    /** A random whole number of days and hours between the bounds. */
    private Duration days(int from, int to) {
        return Duration.ofDays(from + (to > from ? random.nextInt(to - from + 1) : 0))
                .plusHours(random.nextInt(24));
    }

    private final class Timeline {
        final long proposal;
        final Instant now;
        Instant last;
        String agreement;
        Instant sent;
        Instant executed;
        Instant closed;

        Timeline(long proposal, Instant start, Instant now) {
            this.proposal = proposal;
            this.last = start;
            this.now = now;
        }

        /** Writes the event after the pause, unless that is after now (then the proposal stays where it is). */
        boolean event(String kind, Duration after) {
            Instant at = last.plus(after);
            if (at.isAfter(now)) {
                return false;
            }
            last = at;
            events.add(new Object[] {proposal, utc(at), "Demo data", kind});
            eventCount++;
            return true;
        }

        boolean event(String kind, int seconds) {
            return event(kind, Duration.ofSeconds(seconds));
        }
    }

    private void flush() {
        if (proposals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO proposal (id, reference, status, applicant_id, title, acronym, lead_organisation_id,"
                + " current_version, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)", proposals);
        jdbc.batchUpdate("INSERT INTO proposal_event (proposal_id, occurred_at, actor_name, kind) VALUES (?, ?, ?, ?)",
                events);
        if (!agreements.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO agreement (id, proposal_id, lead_organisation_id, foundation_id, status,"
                    + " access_months, executed_at, access_ends_at, closed_at) VALUES (?, ?, ?, ?, ?, 24, ?, ?, ?)",
                    agreements);
        }
        if (!versions.isEmpty()) {
            if (document == null) {
                jdbc.update("INSERT INTO agreement_document (sha256, size_bytes, content, created_at) VALUES (?, 1, ?, ?)",
                        "0".repeat(64), new byte[] {1}, utc(Instant.now()));
                document = jdbc.queryForObject("SELECT MAX(id) FROM agreement_document", Long.class);
            }
            List<Object[]> rows = versions.stream().map(v -> new Object[] {v[0], v[1], document, v[2], v[3], v[4]})
                    .toList();
            jdbc.batchUpdate("INSERT INTO agreement_version (agreement_id, number, state, document_id, generated_by,"
                    + " generated_at, sent_at) VALUES (?, 1, ?, ?, ?, ?, ?)", rows);
        }
        proposals.clear();
        events.clear();
        agreements.clear();
        versions.clear();
    }

    /**
     * Opens tasks for up to {@code max} proposals waiting at a staff step (submitted, approved, expired), due
     * from {@code overdueDays} days ago to {@code soonDays} days ahead, so that the task figures have something
     * to count. Through the engine, one process instance each.
     */
    public int openTasks(RuntimeService runtime, TaskService tasks, int max, Instant now) {
        List<Map<String, Object>> waiting = jdbc.queryForList("SELECT id, reference, status FROM proposal"
                + " WHERE status IN ('SUBMITTED', 'APPROVED', 'EXPIRED') ORDER BY id LIMIT ?", max);
        for (Map<String, Object> row : waiting) {
            String step = switch ((String) row.get("status")) {
                case "SUBMITTED" -> ProposalLifecycle.CHECK_COMPLETENESS_TASK;
                case "APPROVED" -> ProposalLifecycle.PREPARE_AGREEMENT_TASK;
                default -> ProposalLifecycle.CLOSE_PROJECT_TASK;
            };
            String instance = runtime.createProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY)
                    .businessKey((String) row.get("reference"))
                    .setVariable(ProposalLifecycle.PROPOSAL_ID, ((Number) row.get("id")).longValue())
                    .startBeforeActivity(step).execute().getId();
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            task.setDueDate(Date.from(now.plus(Duration.ofHours(random.nextInt(24 * 24) - 24 * 10))));
            tasks.saveTask(task);
        }
        return waiting.size();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
