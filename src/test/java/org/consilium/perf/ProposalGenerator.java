package org.consilium.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.consilium.agreement.SigningParty;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.perf.Population.Human;
import org.consilium.perf.Story.AgreementVersionRow;
import org.consilium.proposal.ProposalContent;
import org.consilium.proposal.ProposalStatus;
import org.consilium.proposal.TeamMemberEntry;

/**
 * Seeds a database with {@code N} proposals and their history, written straight to the tables with JDBC
 * batches, then places the proposals in open stages in the governance process as real Camunda process
 * instances (see {@link OpenProcesses}), so that inboxes hold real tasks. Meant for an empty schema (it
 * refuses a database that already holds its people); it continues any id sequence, reference counter
 * and audit chain it finds.
 *
 * <p>What it does not generate: attachments (no files in the attachment store) and the Camunda history of
 * finished proposals. Agreement PDFs are one small placeholder PDF, made unique per document by a
 * trailing comment so that every document keeps its own SHA-256.
 */
public final class ProposalGenerator {

    /** Every generated person's password. */
    public static final String PASSWORD = "perf-Password-2026";

    /** How statuses are spread, in per mille; the open stages are kept as short as they are in practice. */
    static final Map<ProposalStatus, Integer> SPREAD = new EnumMap<>(Map.ofEntries(
            Map.entry(ProposalStatus.DRAFT, 80), Map.entry(ProposalStatus.SUBMITTED, 10),
            Map.entry(ProposalStatus.RETURNED, 7), Map.entry(ProposalStatus.UNDER_REVIEW, 25),
            Map.entry(ProposalStatus.CHANGES_REQUESTED, 6), Map.entry(ProposalStatus.APPROVED, 20),
            Map.entry(ProposalStatus.ACTIVE, 220), Map.entry(ProposalStatus.EXPIRED, 12),
            Map.entry(ProposalStatus.CLOSED, 340), Map.entry(ProposalStatus.REJECTED, 140),
            Map.entry(ProposalStatus.WITHDRAWN, 90), Map.entry(ProposalStatus.CANCELLED, 50)));

    private static final long WINDOW = 3 * 365 * Story.DAY;
    private static final String WORKFLOW = "Consilium workflow";

    /** What a run produced and how long it took. */
    public record Result(int proposals, Map<String, Long> rows, long bulkMillis, int processInstances,
                         long processMillis, Map<ProposalStatus, Integer> statuses) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        public double rowsPerSecond() {
            return totalRows() * 1000.0 / Math.max(1, bulkMillis);
        }
    }

    private final ObjectMapper json;
    private final String passwordHash;
    private final OpenProcesses processes;
    private final long now;
    private final long seed;

    /**
     * @param passwordHash the encoded {@link #PASSWORD}, as the portal's encoder makes it
     * @param processes    places open proposals in the engine; null to leave the engine empty
     */
    public ProposalGenerator(ObjectMapper json, String passwordHash, OpenProcesses processes, Instant now, long seed) {
        this.json = json;
        this.passwordHash = passwordHash;
        this.processes = processes;
        this.now = now.getEpochSecond();
        this.seed = seed;
    }

    /** Generates {@code count} proposals through {@code connection} (auto-commit off; committed here). */
    public Result generate(Connection connection, int count, boolean h2) throws SQLException {
        long started = System.currentTimeMillis();
        connection.setAutoCommit(false);
        refuseSecondRun(connection);
        IdSequence ids = new IdSequence(connection);
        Random random = new Random(seed);
        Population people = Population.plan(count, random, ids, existingFoundation(connection));
        AuditSeeds audit = new AuditSeeds();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<OpenProcesses.Placement> open = new ArrayList<>();
        Map<ProposalStatus, Integer> statuses = new EnumMap<>(ProposalStatus.class);
        try (BulkInserter bulk = tables(new BulkInserter(connection))) {
            people.write(bulk, passwordHash, Instant.ofEpochSecond(now - WINDOW - 30 * Story.DAY), audit);
            connection.commit();

            Planned[] plan = plan(people, count);
            Map<Integer, String> references = references(connection, plan);
            for (int i = 0; i < plan.length; i++) {
                Planned p = plan[i];
                long proposalId = ids.next("proposal");
                Story story = Story.tell(people, p.seed, p.applicant, p.status, p.longHistory, p.created, now);
                statuses.merge(story.status, 1, Integer::sum);
                String reference = references.get(i);
                write(bulk, ids, people, audit, proposalId, reference, story);
                if (story.stage != Story.Stage.NONE) {
                    open.add(new OpenProcesses.Placement(proposalId, reference, story.stage, story.taskTime,
                            story.route, story.round != null ? story.round.outcome : null));
                }
                if (bulk.full()) {
                    bulk.flush();
                }
                if (i % 2_000 == 1_999) {
                    bulk.flush();
                    connection.commit();
                }
            }
            bulk.flush();
            saveCounters(connection, references);
            audit.write(connection, bulk);
            connection.commit();
            if (h2) {
                ids.restartH2Identities();
                connection.commit();
            }
            rows.putAll(bulk.written());
        }
        rows.putAll(publishRegister(connection));
        // the stays in stages the portal keeps as it writes a timeline, from the generated timelines at once
        rows.put("stage_stay", org.consilium.cockpit.StayRebuild.run(connection));
        connection.commit();
        long bulkMillis = System.currentTimeMillis() - started;
        long processStart = System.currentTimeMillis();
        int instances = processes == null ? 0 : processes.place(open);
        long processMillis = System.currentTimeMillis() - processStart;
        return new Result(count, rows, bulkMillis, instances, processMillis, statuses);
    }

    private static void refuseSecondRun(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM person WHERE username = ?")) {
            s.setString(1, "perf.admin1");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("This database already holds generated data (perf.admin1):"
                            + " generate into an empty database");
                }
            }
        }
    }

    private static Population.Org existingFoundation(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT id, name, country_code FROM organisation"
                + " WHERE type = 'FOUNDATION' AND active = TRUE ORDER BY id LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Population.Org(rs.getLong(1), rs.getString(2), rs.getString(3),
                    org.consilium.member.OrganisationType.FOUNDATION) : null;
        }
    }

    private static BulkInserter tables(BulkInserter bulk) throws SQLException {
        return bulk
                .table("organisation", "id", "name", "country_code", "type", "active", "created_at")
                .table("person", "id", "username", "full_name", "email", "password_hash", "organisation_id", "active",
                        "created_at")
                .table("person_role", "person_id", "role")
                .table("proposal", "id", "reference", "status", "applicant_id", "title", "acronym",
                        "lead_organisation_id", "principal_investigator_id", "background", "objectives", "methodology",
                        "lay_summary", "data_level", "estimated_cohort_size", "uses_ai_modelling",
                        "ai_modelling_description", "duration_months", "funding_source", "commercial_interest",
                        "commercial_interest_details", "conflicts_of_interest", "current_version", "created_at",
                        "updated_at", "submitted_at", "lock_version")
                .table("proposal_team_member", "proposal_id", "position", "person_id", "full_name", "organisation_name",
                        "project_role")
                .table("proposal_disease_area", "proposal_id", "disease_area")
                .table("proposal_data_category", "proposal_id", "data_category")
                .table("proposal_expected_output", "proposal_id", "expected_output")
                .table("proposal_version", "id", "proposal_id", "version_number", "submitted_at", "submitted_by_id",
                        "content_json")
                .table("proposal_event", "id", "proposal_id", "occurred_at", "actor_id", "actor_name", "kind",
                        "version_number", "reason")
                .table("voting_round", "id", "proposal_id", "opened_at", "deadline", "extended", "closed_at", "outcome",
                        "lock_version")
                .table("voting_round_organisation", "voting_round_id", "organisation_id")
                .table("vote", "id", "voting_round_id", "organisation_id", "voter_id", "choice", "comment", "cast_at")
                .table("conflict_declaration", "id", "voting_round_id", "person_id", "has_conflict", "details",
                        "declared_at")
                .table("ethics_decision", "id", "proposal_id", "reviewer_id", "route", "decision", "conditions",
                        "comment", "decided_at")
                .table("agreement_document", "id", "sha256", "size_bytes", "content", "created_at")
                .table("agreement", "id", "proposal_id", "lead_organisation_id", "foundation_id", "status",
                        "access_months", "executed_at", "access_ends_at", "executed_document_id",
                        "closure_requested_at", "closed_at", "lock_version")
                .table("agreement_version", "id", "agreement_id", "number", "state", "document_id", "generated_by",
                        "generated_at", "sent_at")
                .table("agreement_signature", "id", "version_id", "party", "signer_id", "signer_name",
                        "organisation_id", "organisation_name", "meaning", "signed_at", "document_sha256")
                .table("access_extension", "id", "agreement_id", "previous_end", "new_end", "reason", "approved_by",
                        "approved_at")
                .table("project_output", "id", "proposal_id", "kind", "title", "doi", "description", "reported_by",
                        "reported_at")
                .table("notification", "id", "person_id", "created_at", "proposal_id", "message", "read_at")
                .table("audit_entry", "seq", "occurred_at", "actor_id", "actor_name", "kind", "record_type",
                        "record_id", "summary", "reason", "previous_hash", "hash");
    }

    /**
     * Publishes every executed project in the public register, as the portal does when an agreement is executed
     * and as it did for the projects that predate the register (the same statements as V10__public_register.sql,
     * for the projects not yet published). The register's audit entries are not written.
     */
    private static Map<String, Long> publishRegister(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (java.sql.Statement s = connection.createStatement()) {
            rows.put("register_entry", (long) s.executeUpdate("""
                    INSERT INTO register_entry (proposal_id, reference, title, acronym, lay_summary, lead_organisation,
                                                status, approved_at, executed_at, access_starts_at, access_ends_at,
                                                closed_at, published_at, updated_at, lock_version)
                    SELECT p.id, p.reference, COALESCE(p.title, ''), p.acronym, COALESCE(p.lay_summary, ''), o.name,
                           CASE p.status WHEN 'ACTIVE' THEN 'ACTIVE' WHEN 'EXPIRED' THEN 'ACCESS_ENDED' ELSE 'CLOSED' END,
                           (SELECT MAX(e.occurred_at) FROM proposal_event e
                            WHERE e.proposal_id = p.id AND e.kind = 'APPROVED'),
                           a.executed_at, a.executed_at,
                           CASE WHEN a.closed_at IS NOT NULL AND a.closed_at < a.access_ends_at THEN a.closed_at
                                ELSE a.access_ends_at END,
                           CASE WHEN p.status = 'CLOSED' THEN a.closed_at ELSE NULL END,
                           a.executed_at, a.executed_at, 0
                    FROM proposal p
                    JOIN agreement a ON a.proposal_id = p.id
                    JOIN organisation o ON o.id = p.lead_organisation_id
                    WHERE p.status IN ('ACTIVE', 'EXPIRED', 'CLOSED') AND a.status = 'EXECUTED'
                      AND p.reference IS NOT NULL AND a.executed_at IS NOT NULL AND a.access_ends_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM register_entry r WHERE r.proposal_id = p.id)"""));
            rows.put("register_entry_disease_area", (long) s.executeUpdate("""
                    INSERT INTO register_entry_disease_area (entry_id, disease_area)
                    SELECT r.id, d.disease_area FROM register_entry r
                    JOIN proposal_disease_area d ON d.proposal_id = r.proposal_id
                    WHERE NOT EXISTS (SELECT 1 FROM register_entry_disease_area x WHERE x.entry_id = r.id)"""));
        }
        return rows;
    }

    // ---- planning ----------------------------------------------------------------------------------------

    private record Planned(long seed, ProposalStatus status, Human applicant, boolean longHistory, long created,
                           Long submitted) {
    }

    /**
     * Chooses each proposal's status and applicant, runs its story once from time 0 to learn its length,
     * and places it in the window; returns the proposals in creation order (their ids follow it).
     */
    private Planned[] plan(Population people, int count) {
        Random random = new Random(seed + 1);
        List<ProposalStatus> bag = new ArrayList<>();
        SPREAD.forEach((status, perMille) -> bag.addAll(java.util.Collections.nCopies(perMille, status)));
        Planned[] plan = new Planned[count];
        for (int i = 0; i < count; i++) {
            long storySeed = seed * 1_000_003L + i;
            boolean longHistory = i == 0;
            ProposalStatus status = longHistory ? ProposalStatus.ACTIVE : bag.get(random.nextInt(bag.size()));
            // a few researchers write many proposals: the busiest has several hundred at 100,000
            int r = (int) (people.researchers.size() * Math.pow(random.nextDouble(), 1.5));
            Human applicant = people.researchers.get(Math.min(r, people.researchers.size() - 1));
            Story dry = Story.tell(people, storySeed, applicant, status, longHistory, 0, Long.MAX_VALUE / 4);
            Random place = new Random(storySeed ^ 0x9E3779B97F4A7C15L);
            long created;
            if (dry.stage != Story.Stage.NONE) {
                long elapsed = dry.minElapsed + (long) (place.nextDouble() * (dry.maxElapsed - dry.minElapsed));
                created = now - elapsed - dry.anchor;
            } else {
                long latest = now - dry.end - 3_600;
                long earliest = now - WINDOW;
                created = latest <= earliest ? latest - (long) (place.nextDouble() * 30 * Story.DAY)
                        : earliest + (long) (place.nextDouble() * (latest - earliest));
            }
            plan[i] = new Planned(storySeed, status, applicant, longHistory, created,
                    dry.submitted == null ? null : created + dry.submitted);
        }
        Arrays.sort(plan, Comparator.comparingLong(Planned::created));
        return plan;
    }

    /** CONS-yyyy-nnnn in order of first submission, continuing the counters the database holds. */
    private static Map<Integer, String> references(Connection connection, Planned[] plan) throws SQLException {
        Map<Integer, Integer> last = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT reference_year, last_number FROM proposal_reference_counter"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                last.put(rs.getInt(1), rs.getInt(2));
            }
        }
        Integer[] order = new Integer[plan.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> plan[i].submitted == null ? Long.MAX_VALUE : plan[i].submitted));
        Map<Integer, String> references = new TreeMap<>();
        for (int i : order) {
            if (plan[i].submitted == null) {
                continue;
            }
            int year = Instant.ofEpochSecond(plan[i].submitted).atOffset(ZoneOffset.UTC).getYear();
            int number = last.merge(year, 1, Integer::sum);
            references.put(i, "CONS-%d-%04d".formatted(year, number));
        }
        return references;
    }

    private static void saveCounters(Connection connection, Map<Integer, String> references) throws SQLException {
        Map<Integer, Integer> highest = new TreeMap<>();
        references.values().forEach(ref -> {
            String[] parts = ref.split("-");
            highest.merge(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Math::max);
        });
        for (var e : highest.entrySet()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE proposal_reference_counter SET last_number = ? WHERE reference_year = ?")) {
                update.setInt(1, e.getValue());
                update.setInt(2, e.getKey());
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO proposal_reference_counter (reference_year, last_number) VALUES (?, ?)")) {
                        insert.setInt(1, e.getKey());
                        insert.setInt(2, e.getValue());
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    // ---- writing one story -------------------------------------------------------------------------------

    private static Instant at(long second) {
        return Instant.ofEpochSecond(second);
    }

    private static Instant at(Long second) {
        return second == null ? null : Instant.ofEpochSecond(second);
    }

    private void write(BulkInserter bulk, IdSequence ids, Population people, AuditSeeds audit, long id,
                       String reference, Story s) {
        Human a = s.applicant;
        boolean untitled = s.status == ProposalStatus.DRAFT && (s.created % 5 == 0);
        bulk.row("proposal", id, reference, s.status.name(), a.id(), untitled ? null : s.title,
                untitled ? null : s.acronym, a.org().id(), a.id(), BACKGROUND, OBJECTIVES, METHODOLOGY, LAY_SUMMARY,
                s.level.name(), s.cohort, s.ai, s.ai ? "Gradient-boosted survival models with SHAP explanations." : null,
                s.durationMonths, "National research council", s.commercial,
                s.commercial ? "The company may license the resulting score." : null, "None",
                s.versionTimes.size(), at(s.created), at(s.updated), at(s.submitted), 0);
        int position = 0;
        for (Human member : s.linkedTeam) {
            bulk.row("proposal_team_member", id, position++, member.id(), member.fullName(), member.org().name(),
                    "Co-investigator");
        }
        for (int i = 0; i < s.unlinkedTeam; i++) {
            bulk.row("proposal_team_member", id, position++, null, "Dr External Collaborator " + (i + 1),
                    "Partner institute", "Statistician");
        }
        s.areas.forEach(area -> bulk.row("proposal_disease_area", id, area.name()));
        s.categories.forEach(c -> bulk.row("proposal_data_category", id, c.name()));
        s.expected.forEach(e -> bulk.row("proposal_expected_output", id, e.name()));
        String frozen = s.versionTimes.isEmpty() ? null : frozenJson(s, people);
        for (int v = 0; v < s.versionTimes.size(); v++) {
            bulk.row("proposal_version", ids.next("proposal_version"), id, v + 1, at(s.versionTimes.get(v)), a.id(),
                    frozen);
        }
        String record = reference != null ? reference : "draft #" + id;
        for (Story.Event e : s.events) {
            bulk.row("proposal_event", ids.next("proposal_event"), id, at(e.at()),
                    e.actor() == null ? null : e.actor().id(), e.actor() == null ? WORKFLOW : e.actor().fullName(),
                    e.kind().name(), e.version(), e.reason());
            audit.add(at(e.at()), e.actor() == null ? null : e.actor().id(),
                    e.actor() == null ? WORKFLOW : e.actor().username(), e.kind().name(), "proposal", record,
                    e.kind().label() + (e.version() == null || e.version() == 0 ? "" : " (version " + e.version() + ")"),
                    e.reason());
        }
        for (Story.Audit e : s.audits) {
            audit.add(at(e.at()), e.actor() == null ? null : e.actor().id(),
                    e.actor() == null ? WORKFLOW : e.actor().username(), e.kind(),
                    e.kind().equals("SIGN_IN") ? "person" : "proposal",
                    e.kind().equals("SIGN_IN") ? e.actor().username() : record, e.summary(), e.reason());
        }
        if (s.round != null) {
            long roundId = ids.next("voting_round");
            Story.Round r = s.round;
            bulk.row("voting_round", roundId, id, at(r.opened), at(r.deadline), r.extended, at(r.closed), r.outcome, 0);
            people.patientOrganisations.forEach(o -> bulk.row("voting_round_organisation", roundId, o.id()));
            for (Story.VoteRow v : r.votes) {
                bulk.row("vote", ids.next("vote"), roundId, v.org().id(), v.voter().id(), v.choice().name(),
                        v.comment(), at(v.at()));
            }
            for (Story.DeclarationRow d : r.declarations) {
                bulk.row("conflict_declaration", ids.next("conflict_declaration"), roundId, d.person().id(),
                        d.conflict(), d.details(), at(d.at()));
            }
        }
        for (Story.EthicsRow e : s.ethics) {
            bulk.row("ethics_decision", ids.next("ethics_decision"), id, e.reviewer().id(), e.route().name(),
                    e.decision().name(), e.conditions(), e.comment(), at(e.at()));
        }
        if (s.agreement != null) {
            writeAgreement(bulk, ids, people, id, s);
        }
        for (Story.Output o : s.outputs) {
            bulk.row("project_output", ids.next("project_output"), id, o.kind().name(), o.title(), o.doi(),
                    o.description(), a.id(), at(o.at()));
        }
        for (Story.Note n : s.notes) {
            boolean old = n.at() < now - 7 * Story.DAY;
            bulk.row("notification", ids.next("notification"), n.person().id(), at(n.at()), id,
                    (reference != null ? reference : "Your draft") + ": " + n.message(),
                    old ? at(n.at() + 3_600 + (n.at() % 86_400)) : null);
        }
    }

    private void writeAgreement(BulkInserter bulk, IdSequence ids, Population people, long proposalId, Story s) {
        Story.AgreementRow g = s.agreement;
        long agreementId = ids.next("agreement");
        Map<AgreementVersionRow, long[]> documents = new HashMap<>();
        Map<AgreementVersionRow, String> shas = new HashMap<>();
        for (AgreementVersionRow v : g.versions) {
            long documentId = ids.next("agreement_document");
            byte[] pdf = Placeholder.pdf(documentId);
            String sha = sha256(pdf);
            bulk.row("agreement_document", documentId, sha, pdf.length, pdf, at(v.generatedAt));
            documents.put(v, new long[] {documentId});
            shas.put(v, sha);
        }
        Long executedDocument = null;
        if (g.executedAt != null) {
            executedDocument = ids.next("agreement_document");
            byte[] pdf = Placeholder.pdf(executedDocument);
            bulk.row("agreement_document", executedDocument, sha256(pdf), pdf.length, pdf, at(g.executedAt));
        }
        bulk.row("agreement", agreementId, proposalId, s.applicant.org().id(), people.foundation.id(),
                g.status.name(), g.months, at(g.executedAt), at(g.accessEndsAt), executedDocument,
                at(g.closureRequestedAt), at(g.closedAt), 0);
        for (AgreementVersionRow v : g.versions) {
            long versionId = ids.next("agreement_version");
            bulk.row("agreement_version", versionId, agreementId, v.number, v.state.name(), documents.get(v)[0],
                    v.generatedBy.id(), at(v.generatedAt), at(v.sentAt));
            for (Story.Signature sig : v.signatures) {
                Population.Org org = sig.party() == SigningParty.FOUNDATION ? people.foundation : s.applicant.org();
                bulk.row("agreement_signature", ids.next("agreement_signature"), versionId, sig.party().name(),
                        sig.signer().id(), sig.signer().fullName(), org.id(), org.name(),
                        "I sign this agreement on behalf of " + org.name(), at(sig.at()), shas.get(v));
            }
        }
        for (Story.Extension e : g.extensions) {
            bulk.row("access_extension", ids.next("access_extension"), agreementId, at(e.previousEnd()),
                    at(e.newEnd()), e.reason(), e.approver().id(), at(e.at()));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BACKGROUND = "Outcomes after first-line treatment vary widely between centres and"
            + " patient groups; registry data collected across Europe can show where and why.";
    private static final String OBJECTIVES = "Describe outcomes in the population studied, identify the factors"
            + " associated with them, and validate the findings in an independent cohort.";
    private static final String METHODOLOGY = "Retrospective cohort study on registry data; multivariable survival"
            + " models with competing risks; external validation on a held-out set of centres.";
    private static final String LAY_SUMMARY = "We want to learn from the records of many patients which treatments"
            + " work best for whom, so that doctors and patients can choose better together.";

    /** The frozen version as the portal keeps it: the content and the attachment list, as JSON. */
    private String frozenJson(Story s, Population people) {
        ProposalContent c = new ProposalContent();
        c.setTitle(s.title);
        c.setAcronym(s.acronym);
        c.setLeadOrganisation(new OrganisationSummary(s.applicant.org().id(), s.applicant.org().name(),
                s.applicant.org().country()));
        c.setPrincipalInvestigator(new PersonSummary(s.applicant.id(), s.applicant.fullName(), s.applicant.org().id(),
                s.applicant.org().name()));
        List<TeamMemberEntry> team = new ArrayList<>();
        s.linkedTeam.forEach(m -> team.add(new TeamMemberEntry(m.id(), m.fullName(), m.org().name(), "Co-investigator")));
        c.setTeam(team);
        c.setDiseaseAreas(s.areas);
        c.setBackground(BACKGROUND);
        c.setObjectives(OBJECTIVES);
        c.setMethodology(METHODOLOGY);
        c.setLaySummary(LAY_SUMMARY);
        c.setDataCategories(s.categories);
        c.setDataLevel(s.level);
        c.setEstimatedCohortSize(s.cohort);
        c.setUsesAiModelling(s.ai);
        c.setExpectedOutputs(s.expected);
        c.setDurationMonths(s.durationMonths);
        c.setFundingSource("National research council");
        c.setCommercialInterest(s.commercial);
        c.setConflictsOfInterest("None");
        try {
            return json.writeValueAsString(Map.of("content", c, "attachments", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The placeholder agreement PDF: one page, about 600 bytes, unique per document by a trailing comment. */
    static final class Placeholder {

        private static final byte[] PDF = build();

        static byte[] pdf(long documentId) {
            byte[] tail = ("%perf-document " + documentId + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(PDF, PDF.length + tail.length);
            System.arraycopy(tail, 0, out, PDF.length, tail.length);
            return out;
        }

        private static byte[] build() {
            String text = "BT /F1 14 Tf 72 760 Td (Placeholder agreement, generated for benchmarks) Tj ET";
            String[] objects = {
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                            + " /Resources << /Font << /F1 5 0 R >> >> >>",
                    "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
            StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
            int[] offsets = new int[objects.length];
            for (int i = 0; i < objects.length; i++) {
                offsets[i] = pdf.length();
                pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
            }
            int xref = pdf.length();
            pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
            for (int offset : offsets) {
                pdf.append("%010d 00000 n \n".formatted(offset));
            }
            pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            return pdf.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
