package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which inbox rows offer the claim/release button (the browser walk InboxClaimBrowserIT clicks it). */
class ClaimOrReleaseTest {

    @Test
    void a_group_task_can_be_claimed_and_one_i_hold_released() {
        assertThat(TaskInboxView.canClaimOrRelease(task(ProposalLifecycle.CHECK_COMPLETENESS_TASK, null), "staff")).isTrue();
        assertThat(TaskInboxView.canClaimOrRelease(task(ProposalLifecycle.CHECK_COMPLETENESS_TASK, "staff"), "staff")).isTrue();
    }

    @Test
    void no_button_for_a_task_someone_else_holds_nor_for_a_personal_step() {
        assertThat(TaskInboxView.canClaimOrRelease(task(ProposalLifecycle.CHECK_COMPLETENESS_TASK, "director"), "staff")).isFalse();
        for (String personal : ProposalLifecycle.PERSONAL_STEPS) {
            assertThat(TaskInboxView.canClaimOrRelease(task(personal, "researcher"), "researcher")).as(personal).isFalse();
        }
    }

    private static InboxTask task(String stepKey, String assignee) {
        return new InboxTask("t1", "A task", stepKey, Instant.EPOCH, null, assignee, 1L, "CONS-2026-0001", "Title");
    }
}
