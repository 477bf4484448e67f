package org.consilium.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known data set for the cockpit, written straight into the tables (the services that would write it are
 * tested elsewhere): 16 submitted proposals and a draft, 2025 timelines with whole-day stays, nine agreements,
 * and seven open tasks with due dates around now. Every figure CockpitServiceTest asserts follows from here.
 *
 * <pre>
 * ref            status        timeline (2025 unless said)                              agreement            task
 * CONS-2025-0001 CLOSED        check 2, review 20, preparation 2+3, signature 10,       executed, closed      -
 *                              active, awaiting closure 10
 * CONS-2025-0002 ACTIVE        check 4, returned 10, check 1, returned 10, check 3,      executed, ends +30 d  -
 *                              review 10, changes 10, review 20, preparation 1+3,
 *                              signature 6, preparation 2, signature 30
 * CONS-2025-0003 REJECTED      check 6, review 13, rejected                             -                     -
 * CONS-2025-0004 UNDER_REVIEW  check 1, review (open)                                   -                     -
 * CONS-2025-0005 WITHDRAWN     check 10, withdrawn                                      -                     -
 * CONS-2025-0006 APPROVED      check 3 (in 2024), review 67 (from Nov 2024)             preparing             prepare, due +8 d
 * CONS-2025-0007 UNDER_REVIEW  check from 20 Dec 2025 to 5 Jan 2026                     -                     -
 * CONS-2025-0008 APPROVED      -                                                        sent 12 days ago      -
 * CONS-2025-0009 APPROVED      -                                                        sent 40 days ago      -
 * CONS-2025-0010 ACTIVE        -                                                        executed, ends +61 d  -
 * CONS-2026-0101 SUBMITTED     -                                                        -                     check, due -3 d
 * CONS-2026-0102 SUBMITTED     -                                                        -                     check, due -1 h
 * CONS-2026-0103 SUBMITTED     -                                                        -                     check, due +2 d
 * CONS-2026-0104 APPROVED      -                                                        preparing             prepare, due +6 d
 * CONS-2026-0111 EXPIRED       -                                                        executed, ended -5 d  close, due -10 d
 * CONS-2026-0112 ACTIVE        -                                                        executed, ends +59 d  close, no due date
 * (draft)        DRAFT
 * </pre>
 */
final class CockpitTestData {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Long applicant;
    private final Long lead;
    private final Long foundation;
    private final Instant now;
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Instant> dues = new HashMap<>();
    private final Map<String, Instant> sent = new HashMap<>();
    private long document;

    CockpitTestData(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, Long applicant, Long lead,
                    Long foundation, Instant now) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.applicant = applicant;
        this.lead = lead;
        this.foundation = foundation;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    Long id(String reference) {
        return ids.get(reference);
    }

    Instant due(String reference) {
        return dues.get(reference);
    }

    Instant sent(String reference) {
        return sent.get(reference);
    }

    void seed() {
        proposal("CONS-2025-0001", "CLOSED", "Closed project");
        events("CONS-2025-0001", "2025-01-01 SUBMITTED", "2025-01-03 ACCEPTED_AT_CHECK", "2025-01-03 REVIEW_STARTED",
                "2025-01-20 ETHICS_APPROVED", "2025-01-23 APPROVED", "2025-01-25 AGREEMENT_GENERATED",
                "2025-01-28 AGREEMENT_SENT", "2025-02-01 AGREEMENT_SIGNED", "2025-02-07 AGREEMENT_EXECUTED",
                "2025-05-08 ACCESS_ENDING_NOTICE", "2025-06-07 ACCESS_EXPIRED", "2025-06-17 CLOSED");
        agreement("CONS-2025-0001", "EXECUTED", null, Instant.parse("2025-06-07T00:00:00Z"),
                Instant.parse("2025-06-17T00:00:00Z"));

        proposal("CONS-2025-0002", "ACTIVE", "Relapse after remission");
        events("CONS-2025-0002", "2025-02-01 SUBMITTED", "2025-02-05 RETURNED_FOR_CHANGES", "2025-02-15 RESUBMITTED",
                "2025-02-16 RETURNED_FOR_CHANGES", "2025-02-26 RESUBMITTED", "2025-03-01 ACCEPTED_AT_CHECK",
                "2025-03-01 REVIEW_STARTED", "2025-03-11 CHANGES_REQUESTED", "2025-03-21 RESUBMITTED",
                "2025-03-25 VOTING_ROUND_CLOSED", "2025-04-10 APPROVED", "2025-04-11 AGREEMENT_GENERATED",
                "2025-04-14 AGREEMENT_SENT", "2025-04-20 AGREEMENT_GENERATED", "2025-04-22 AGREEMENT_SENT",
                "2025-05-22 AGREEMENT_EXECUTED");
        agreement("CONS-2025-0002", "EXECUTED", null, now.plus(Duration.ofDays(30)), null);

        proposal("CONS-2025-0003", "REJECTED", "Rejected in review");
        events("CONS-2025-0003", "2025-03-01 SUBMITTED", "2025-03-07 ACCEPTED_AT_CHECK", "2025-03-07 REVIEW_STARTED",
                "2025-03-20 ETHICS_REJECTED", "2025-03-20 REJECTED");

        proposal("CONS-2025-0004", "UNDER_REVIEW", "Still in review");
        events("CONS-2025-0004", "2025-04-01 SUBMITTED", "2025-04-02 ACCEPTED_AT_CHECK", "2025-04-02 REVIEW_STARTED");

        proposal("CONS-2025-0005", "WITHDRAWN", "Withdrawn early");
        events("CONS-2025-0005", "2025-05-01 SUBMITTED", "2025-05-11 WITHDRAWN");

        proposal("CONS-2025-0006", "APPROVED", "Approved last winter");
        events("CONS-2025-0006", "2024-11-01 SUBMITTED", "2024-11-04 ACCEPTED_AT_CHECK", "2024-11-04 REVIEW_STARTED",
                "2025-01-10 APPROVED");
        agreement("CONS-2025-0006", "PREPARING", null, null, null);
        task("CONS-2025-0006", ProposalLifecycle.PREPARE_AGREEMENT_TASK, Duration.ofDays(8));

        proposal("CONS-2025-0007", "UNDER_REVIEW", "Submitted at the turn of the year");
        events("CONS-2025-0007", "2025-12-20 SUBMITTED", "2026-01-05 ACCEPTED_AT_CHECK", "2026-01-05 REVIEW_STARTED");

        proposal("CONS-2025-0008", "APPROVED", "Waiting for the hospital");
        agreement("CONS-2025-0008", "OUT_FOR_SIGNATURE", now.minus(Duration.ofDays(12)), null, null);
        proposal("CONS-2025-0009", "APPROVED", "Waiting for a long time");
        agreement("CONS-2025-0009", "OUT_FOR_SIGNATURE", now.minus(Duration.ofDays(40)), null, null);
        proposal("CONS-2025-0010", "ACTIVE", "Access for two more months");
        agreement("CONS-2025-0010", "EXECUTED", null, now.plus(Duration.ofDays(61)), null);

        proposal("CONS-2026-0101", "SUBMITTED", "=HYPERLINK(\"http://example.org\",\"x\")");
        task("CONS-2026-0101", ProposalLifecycle.CHECK_COMPLETENESS_TASK, Duration.ofDays(-3));
        proposal("CONS-2026-0102", "SUBMITTED", "Second check");
        task("CONS-2026-0102", ProposalLifecycle.CHECK_COMPLETENESS_TASK, Duration.ofHours(-1));
        proposal("CONS-2026-0103", "SUBMITTED", "Third check of 1000 patients");
        task("CONS-2026-0103", ProposalLifecycle.CHECK_COMPLETENESS_TASK, Duration.ofDays(2));
        proposal("CONS-2026-0104", "APPROVED", "Agreement being prepared");
        agreement("CONS-2026-0104", "PREPARING", null, null, null);
        task("CONS-2026-0104", ProposalLifecycle.PREPARE_AGREEMENT_TASK, Duration.ofDays(6));
        proposal("CONS-2026-0111", "EXPIRED", "Expired registry study");
        agreement("CONS-2026-0111", "EXECUTED", null, now.minus(Duration.ofDays(5)), null);
        task("CONS-2026-0111", ProposalLifecycle.CLOSE_PROJECT_TASK, Duration.ofDays(-10));
        proposal("CONS-2026-0112", "ACTIVE", "Closure asked early");
        agreement("CONS-2026-0112", "EXECUTED", null, now.plus(Duration.ofDays(59)), null);
        task("CONS-2026-0112", ProposalLifecycle.CLOSE_PROJECT_TASK, null);

        proposal(null, "DRAFT", "A draft nobody else sees");
        // the timelines were written around the services: their stays in stages at once, as V15's backfill
        jdbc.update(StageSql.REBUILD);
    }

    private void proposal(String reference, String status, String title) {
        LocalDateTime at = utc(now.minus(Duration.ofDays(1)));
        jdbc.update("INSERT INTO proposal (reference, status, applicant_id, title, acronym, lead_organisation_id,"
                        + " current_version, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reference, status, applicant, title, reference == null ? null : "ACR" + reference.substring(10),
                lead, reference == null ? 0 : 1, at, at, reference == null ? null : at);
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM proposal", Long.class);
        ids.put(reference == null ? "draft" : reference, id);
    }

    /** Events as "yyyy-mm-dd KIND", at midnight UTC, in the order given (ties keep it through their ids). */
    private void events(String reference, String... events) {
        for (String event : events) {
            String[] parts = event.split(" ");
            jdbc.update("INSERT INTO proposal_event (proposal_id, occurred_at, actor_name, kind) VALUES (?, ?, ?, ?)",
                    ids.get(reference), LocalDateTime.parse(parts[0] + "T00:00:00"), "Cockpit test", parts[1]);
        }
    }

    private void agreement(String reference, String status, Instant sentAt, Instant endsAt, Instant closedAt) {
        jdbc.update("INSERT INTO agreement (proposal_id, lead_organisation_id, foundation_id, status, access_months,"
                        + " executed_at, access_ends_at, closed_at) VALUES (?, ?, ?, ?, 24, ?, ?, ?)",
                ids.get(reference), lead, foundation, status,
                endsAt == null ? null : utc(endsAt.minus(Duration.ofDays(730))), endsAt == null ? null : utc(endsAt),
                closedAt == null ? null : utc(closedAt));
        if (sentAt != null) {
            Long agreementId = jdbc.queryForObject("SELECT id FROM agreement WHERE proposal_id = ?", Long.class,
                    ids.get(reference));
            jdbc.update("INSERT INTO agreement_document (sha256, size_bytes, content, created_at) VALUES (?, 1, ?, ?)",
                    String.format("%064d", ++document), new byte[] {1}, utc(sentAt));
            Long documentId = jdbc.queryForObject("SELECT MAX(id) FROM agreement_document", Long.class);
            // An earlier version, superseded, sent before: the list shows when the latest went out.
            jdbc.update("INSERT INTO agreement_version (agreement_id, number, state, document_id, generated_by,"
                            + " generated_at, sent_at) VALUES (?, 1, 'SUPERSEDED', ?, ?, ?, ?)", agreementId, documentId,
                    applicant, utc(sentAt.minus(Duration.ofDays(20))), utc(sentAt.minus(Duration.ofDays(19))));
            jdbc.update("INSERT INTO agreement_version (agreement_id, number, state, document_id, generated_by,"
                            + " generated_at, sent_at) VALUES (?, 2, 'OUT_FOR_SIGNATURE', ?, ?, ?, ?)", agreementId,
                    documentId, applicant, utc(sentAt), utc(sentAt));
            sent.put(reference, sentAt);
        }
    }

    /** The proposal's process, waiting at the step, its task due at now plus the offset (none if null). */
    private void task(String reference, String step, Duration dueIn) {
        String instance = runtime.createProcessInstanceByKey(ProposalLifecycle.PROCESS_KEY).businessKey(reference)
                .setVariable(ProposalLifecycle.PROPOSAL_ID, ids.get(reference)).startBeforeActivity(step).execute()
                .getId();
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult();
        Instant due = dueIn == null ? null : now.plus(dueIn);
        task.setDueDate(due == null ? null : Date.from(due));
        tasks.saveTask(task);
        dues.put(reference, due);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
