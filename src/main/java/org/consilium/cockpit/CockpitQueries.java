package org.consilium.cockpit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.consilium.agreement.AgreementStatus;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.AgreementLine;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.ProposalLine;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.StayLine;
import org.consilium.proposal.ProposalStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The cockpit's reading of the proposal, stay and agreement tables, in SQL: counts, percentiles and pages
 * are computed by the database, so that nothing reads a whole table into memory. A read model across
 * features: it never writes (the stays are {@link StageStays}'s), and the features keep their own entities
 * (see docs/architecture.md, "Cockpit").
 */
@Repository
class CockpitQueries {

    private final NamedParameterJdbcTemplate jdbc;

    CockpitQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- figures -----------------------------------------------------------------------------------------

    /** Submitted proposals per status (drafts are the applicant's own). */
    Map<ProposalStatus, Long> proposalsByStatus() {
        Map<ProposalStatus, Long> counts = new EnumMap<>(ProposalStatus.class);
        jdbc.query("SELECT status, COUNT(*) AS n FROM proposal WHERE status <> 'DRAFT' GROUP BY status",
                rs -> {
                    counts.put(ProposalStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    long agreementsAwaitingSignature() {
        return count("SELECT COUNT(*) FROM agreement WHERE status = 'OUT_FOR_SIGNATURE'", new MapSqlParameterSource());
    }

    long agreementsExpiring(Instant now, Instant until) {
        return count("SELECT COUNT(*) FROM agreement a WHERE " + EXPIRING,
                new MapSqlParameterSource("now", utc(now)).addValue("until", utc(until)));
    }

    private static final String EXPIRING = "a.status = 'EXECUTED' AND a.closed_at IS NULL"
            + " AND a.access_ends_at >= :now AND a.access_ends_at < :until";

    /** Median and 90th percentile per stage, from at most four rows a stage (see {@link StageSql}). */
    List<StageTime> stageTimes(ReportingPeriod period) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        Map<Stage, Map<Long, Long>> rows = new EnumMap<>(Stage.class);
        jdbc.query(StageSql.PERCENTILE_ROWS, period(period), rs -> {
            Stage stage = Stage.valueOf(rs.getString("stage"));
            counts.put(stage, rs.getLong("n"));
            rows.computeIfAbsent(stage, s -> new HashMap<>()).put(rs.getLong("rn"), rs.getLong("seconds"));
        });
        List<StageTime> times = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            long n = counts.getOrDefault(stage, 0L);
            times.add(n == 0 ? new StageTime(stage, 0, null, null) : new StageTime(stage, n,
                    days(Percentiles.of(Percentiles.MEDIAN, n, rows.get(stage))),
                    days(Percentiles.of(Percentiles.P90, n, rows.get(stage)))));
        }
        return times;
    }

    private static double days(double seconds) {
        return seconds / 86_400.0;
    }

    // ---- proposals ---------------------------------------------------------------------------------------

    private static final Map<String, String> PROPOSAL_ORDER = Map.of("reference", "p.reference", "title", "p.title",
            "status", "p.status", "lead", "o.name", "submitted", "p.submitted_at", "updated", "p.updated_at");

    List<ProposalLine> proposals(ProposalFilter filter, Paging paging) {
        Query q = proposalWhere(filter);
        // the default order ties on id in the same direction, so that the index on updated_at serves it (V14)
        String order = paging.sortKey() == null || !PROPOSAL_ORDER.containsKey(paging.sortKey())
                ? " ORDER BY p.updated_at DESC, p.id DESC" : order(PROPOSAL_ORDER, paging, null) + ", p.id";
        return jdbc.query(PROPOSAL_SELECT + q.where + order + LIMIT, q.page(paging), PROPOSAL);
    }

    long countProposals(ProposalFilter filter) {
        Query q = proposalWhere(filter);
        return count("SELECT COUNT(*) FROM proposal p" + q.where, q.params);
    }

    void eachProposal(ProposalFilter filter, String sortKey, boolean ascending, Consumer<ProposalLine> row) {
        Query q = proposalWhere(filter);
        jdbc.query(PROPOSAL_SELECT + q.where + order(PROPOSAL_ORDER, new Paging(0, 1, sortKey, ascending),
                "p.updated_at DESC") + ", p.id", q.params, (RowCallbackHandler) rs -> row.accept(PROPOSAL.mapRow(rs, 0)));
    }

    private static final String PROPOSAL_SELECT = "SELECT p.id, p.reference, p.title, p.acronym, p.status,"
            + " o.name AS lead, p.submitted_at, p.updated_at FROM proposal p"
            + " LEFT JOIN organisation o ON o.id = p.lead_organisation_id";

    private static final RowMapper<ProposalLine> PROPOSAL = (rs, i) -> new ProposalLine(rs.getLong("id"),
            rs.getString("reference"), rs.getString("title"), rs.getString("acronym"),
            ProposalStatus.valueOf(rs.getString("status")), rs.getString("lead"), instant(rs, "submitted_at"),
            instant(rs, "updated_at"));

    private static Query proposalWhere(ProposalFilter filter) {
        Query q = new Query();
        q.and("p.status <> 'DRAFT'");
        if (filter.status() != null) {
            q.and("p.status = :status").params.addValue("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            q.and("(LOWER(p.reference) LIKE :text OR LOWER(p.title) LIKE :text OR LOWER(p.acronym) LIKE :text)")
                    .params.addValue("text", contains(filter.text()));
        }
        return q;
    }

    /** Proposal ids and titles by reference, for the task list. */
    Map<String, ProposalLine> proposalsByReference(Collection<String> references) {
        Map<String, ProposalLine> found = new HashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        jdbc.query(PROPOSAL_SELECT + " WHERE p.reference IN (:references)",
                new MapSqlParameterSource("references", references), (RowCallbackHandler) rs -> {
                    ProposalLine line = PROPOSAL.mapRow(rs, 0);
                    found.put(line.reference(), line);
                });
        return found;
    }

    // ---- agreements --------------------------------------------------------------------------------------

    private static final Map<String, String> AGREEMENT_ORDER = Map.of("reference", "p.reference", "title", "p.title",
            "lead", "o.name", "status", "a.status", "sent", "sent_at", "ends", "a.access_ends_at");

    private static final String SENT_AT = "(SELECT MAX(v.sent_at) FROM agreement_version v WHERE v.agreement_id = a.id)";

    private static final String AGREEMENT_SELECT = "SELECT a.proposal_id, p.reference, p.title, o.name AS lead,"
            + " a.status, " + SENT_AT + " AS sent_at,"
            + " a.access_ends_at FROM agreement a JOIN proposal p ON p.id = a.proposal_id"
            + " JOIN organisation o ON o.id = a.lead_organisation_id";

    private static final RowMapper<AgreementLine> AGREEMENT = (rs, i) -> new AgreementLine(rs.getLong("proposal_id"),
            rs.getString("reference"), rs.getString("title"), rs.getString("lead"),
            AgreementStatus.valueOf(rs.getString("status")), instant(rs, "sent_at"), instant(rs, "access_ends_at"));

    /**
     * The page's agreements are chosen first from narrow rows (id and sort value, joining the proposal and the
     * organisation only when the filter or the order needs them), then completed: sorting every agreement's wide
     * row by its sending time made the database materialise the whole join (2.9 s at 64,000 agreements).
     */
    List<AgreementLine> agreements(AgreementFilter filter, Instant now, Instant until, Paging paging) {
        Query q = agreementWhere(filter, now, until);
        String fallback = filter.show() == AgreementShow.EXPIRING ? "a.access_ends_at ASC" : "sent_at ASC";
        String order = order(AGREEMENT_ORDER, paging, fallback) + ", a.id";
        String key = paging.sortKey() == null ? "" : paging.sortKey();
        boolean proposal = hasText(filter) || key.equals("reference") || key.equals("title");
        boolean organisation = key.equals("lead");
        String page = "SELECT a.id, " + SENT_AT + " AS sent_at FROM agreement a"
                + (proposal ? " JOIN proposal p ON p.id = a.proposal_id" : "")
                + (organisation ? " JOIN organisation o ON o.id = a.lead_organisation_id" : "")
                + q.where + order + LIMIT;
        return jdbc.query("SELECT a.proposal_id, p.reference, p.title, o.name AS lead, a.status, g.sent_at,"
                + " a.access_ends_at FROM (" + page + ") g JOIN agreement a ON a.id = g.id"
                + " JOIN proposal p ON p.id = a.proposal_id JOIN organisation o ON o.id = a.lead_organisation_id"
                + order.replace("sent_at", "g.sent_at"), q.page(paging), AGREEMENT);
    }


    long countAgreements(AgreementFilter filter, Instant now, Instant until) {
        Query q = agreementWhere(filter, now, until);
        return count("SELECT COUNT(*) FROM agreement a JOIN proposal p ON p.id = a.proposal_id" + q.where, q.params);
    }

    void eachAgreement(AgreementFilter filter, Instant now, Instant until, String sortKey, boolean ascending,
                       Consumer<AgreementLine> row) {
        Query q = agreementWhere(filter, now, until);
        String fallback = filter.show() == AgreementShow.EXPIRING ? "a.access_ends_at ASC" : "sent_at ASC";
        jdbc.query(AGREEMENT_SELECT + q.where + order(AGREEMENT_ORDER, new Paging(0, 1, sortKey, ascending), fallback)
                + ", a.id", q.params, (RowCallbackHandler) rs -> row.accept(AGREEMENT.mapRow(rs, 0)));
    }

    private static boolean hasText(AgreementFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    private static Query agreementWhere(AgreementFilter filter, Instant now, Instant until) {
        Query q = new Query();
        if (filter.show() == AgreementShow.AWAITING_SIGNATURE) {
            q.and("a.status = 'OUT_FOR_SIGNATURE'");
        } else if (filter.show() == AgreementShow.EXPIRING) {
            q.and(EXPIRING).params.addValue("now", utc(now)).addValue("until", utc(until));
        }
        if (hasText(filter)) {
            q.and("(LOWER(p.reference) LIKE :text OR LOWER(p.title) LIKE :text)").params.addValue("text", contains(filter.text()));
        }
        return q;
    }

    // ---- stays in a stage ----------------------------------------------------------------------------------

    private static final Map<String, String> STAY_ORDER = Map.of("reference", "p.reference", "title", "p.title",
            "days", "t.seconds", "left", "t.left_at");

    private static final String STAY_SELECT = "SELECT t.proposal_id, p.reference, p.title, t.seconds, t.left_at"
            + " FROM (" + StageSql.STAY_TOTALS + ") t JOIN proposal p ON p.id = t.proposal_id";

    private static final RowMapper<StayLine> STAY = (rs, i) -> new StayLine(rs.getLong("proposal_id"),
            rs.getString("reference"), rs.getString("title"), rs.getLong("seconds"), instant(rs, "left_at"));

    List<StayLine> stays(StayFilter filter, Paging paging) {
        MapSqlParameterSource params = stayParams(filter).addValue("limit", paging.limit())
                .addValue("offset", paging.offset());
        return jdbc.query(STAY_SELECT + order(STAY_ORDER, paging, "t.seconds DESC") + ", t.proposal_id" + LIMIT,
                params, STAY);
    }

    long countStays(StayFilter filter) {
        return count("SELECT COUNT(*) FROM (" + StageSql.STAY_TOTALS + ") t", stayParams(filter));
    }

    void eachStay(StayFilter filter, String sortKey, boolean ascending, Consumer<StayLine> row) {
        jdbc.query(STAY_SELECT + order(STAY_ORDER, new Paging(0, 1, sortKey, ascending), "t.seconds DESC")
                + ", t.proposal_id", stayParams(filter), (RowCallbackHandler) rs -> row.accept(STAY.mapRow(rs, 0)));
    }

    private static MapSqlParameterSource stayParams(StayFilter filter) {
        return period(filter.period()).addValue("stage", filter.stage().name());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static final String LIMIT = " LIMIT :limit OFFSET :offset";

    private static MapSqlParameterSource period(ReportingPeriod period) {
        return new MapSqlParameterSource("from", utc(period.from())).addValue("to", utc(period.to()));
    }

    /** ORDER BY a column the list allows (never text from the request), else the list's default. */
    private static String order(Map<String, String> columns, Paging paging, String fallback) {
        String column = paging.sortKey() == null ? null : columns.get(paging.sortKey());
        return " ORDER BY " + (column == null ? fallback : column + (paging.ascending() ? " ASC" : " DESC"));
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }

    /** Times are stored in UTC (hibernate.jdbc.time_zone); the JDBC driver sees them as local date-times. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** A lower-case LIKE pattern for text typed by a person: their wildcards match themselves. */
    private static String contains(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static final class Query {
        final MapSqlParameterSource params = new MapSqlParameterSource();
        String where = "";

        Query and(String condition) {
            where = (where.isEmpty() ? " WHERE " : where + " AND ") + condition;
            return this;
        }

        MapSqlParameterSource page(Paging paging) {
            return params.addValue("limit", paging.limit()).addValue("offset", paging.offset());
        }
    }
}
