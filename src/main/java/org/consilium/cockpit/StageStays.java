package org.consilium.cockpit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.proposal.TimelineRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code stage_stay} as the timeline is written: each timeline event that changes where a proposal stands
 * ends its open stay and starts one in the new stage. A resubmission after the ethics board asked for changes goes
 * back to review, any other to the completeness check. Events that end a proposal's way (rejections, withdrawal,
 * cancellation, closure) end the open stay and start none; the active project (the agreed access period) starts
 * a stay that is kept but not reported. Consecutive events of one stage (accepted, then review started; approved,
 * then a first agreement version) make one stay.
 *
 * <p>This is the one place of the stage rules; {@link StageSql#REBUILD} (and V15's backfill) apply the same rules
 * to a whole timeline at once. Runs in the transaction that writes the timeline line (a plain listener).
 */
@Component
class StageStays {

    /** The stage of an event that ends a proposal's way: it ends the open stay and starts none. */
    static final String END = "END";
    /** The agreed access period: stored, never reported (not a {@link Stage}). */
    static final String ACTIVE = "ACTIVE";

    private final JdbcTemplate jdbc;

    StageStays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stage an event of this kind starts, given the stage of the proposal's open stay (null if none); null if
     * the event does not change where the proposal stands.
     */
    static String stageOf(ProposalEventKind kind, String openStage) {
        return switch (kind) {
            case SUBMITTED -> Stage.COMPLETENESS_CHECK.name();
            case RESUBMITTED -> Stage.CHANGES_REQUESTED.name().equals(openStage) ? Stage.REVIEW.name()
                    : Stage.COMPLETENESS_CHECK.name();
            case RETURNED_FOR_CHANGES -> Stage.RETURNED.name();
            case ACCEPTED_AT_CHECK, REVIEW_STARTED -> Stage.REVIEW.name();
            case CHANGES_REQUESTED -> Stage.CHANGES_REQUESTED.name();
            case APPROVED, AGREEMENT_GENERATED -> Stage.AGREEMENT_PREPARATION.name();
            case AGREEMENT_SENT -> Stage.SIGNATURE.name();
            case AGREEMENT_EXECUTED -> ACTIVE;
            case ACCESS_EXPIRED -> Stage.AWAITING_CLOSURE.name();
            case REJECTED_AT_CHECK, REJECTED, ETHICS_REJECTED, REJECTED_FOR_LACK_OF_QUORUM, WITHDRAWN,
                 AGREEMENT_CANCELLED, CLOSED -> END;
            default -> null;
        };
    }

    @EventListener
    void recorded(TimelineRecorded event) {
        if (stageOf(event.kind(), null) == null) {
            return; // an event that never moves a proposal (a vote, a reminder, …): no need to read its stay
        }
        List<OpenStay> open = jdbc.query("SELECT id, stage, entered_at FROM stage_stay"
                        + " WHERE proposal_id = ? AND left_at IS NULL ORDER BY id",
                (rs, i) -> new OpenStay(rs.getLong("id"), rs.getString("stage"),
                        rs.getObject("entered_at", LocalDateTime.class)), event.proposalId());
        OpenStay stay = open.isEmpty() ? null : open.get(open.size() - 1);
        String stage = stageOf(event.kind(), stay == null ? null : stay.stage());
        if (stage == null || stay != null && stay.stage().equals(stage)) {
            return;
        }
        LocalDateTime at = LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        if (stay != null) {
            jdbc.update("UPDATE stage_stay SET left_at = ?, seconds = ? WHERE id = ?", at,
                    Duration.between(stay.enteredAt(), at).getSeconds(), stay.id());
        }
        if (!stage.equals(END)) {
            jdbc.update("INSERT INTO stage_stay (proposal_id, stage, entered_at) VALUES (?, ?, ?)",
                    event.proposalId(), stage, at);
        }
    }

    private record OpenStay(long id, String stage, LocalDateTime enteredAt) {
    }
}
