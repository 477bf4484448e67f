package org.consilium.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Filters in the address read the same both ways, and nonsense falls back to the list's default. */
class CockpitLinksTest {

    @Test
    void enum_values_read_as_lower_case_words_in_the_address_and_back() {
        assertThat(CockpitLinks.value(AgreementShow.AWAITING_SIGNATURE)).isEqualTo("awaiting-signature");
        assertThat(CockpitLinks.parse(AgreementShow.class, "awaiting-signature", AgreementShow.ALL))
                .isEqualTo(AgreementShow.AWAITING_SIGNATURE);
        assertThat(CockpitLinks.parse(TaskDue.class, "OVERDUE", TaskDue.ALL)).isEqualTo(TaskDue.OVERDUE);
        assertThat(CockpitLinks.parse(Stage.class, "completeness-check", Stage.REVIEW)).isEqualTo(Stage.COMPLETENESS_CHECK);
    }

    @Test
    void unknown_or_empty_values_fall_back() {
        assertThat(CockpitLinks.parse(TaskDue.class, "<script>", TaskDue.ALL)).isEqualTo(TaskDue.ALL);
        assertThat(CockpitLinks.parse(TaskDue.class, " ", TaskDue.ALL)).isEqualTo(TaskDue.ALL);
        assertThat(CockpitLinks.parse(TaskDue.class, null, null)).isNull();
    }

    @Test
    void empty_filters_stay_out_of_the_address() {
        assertThat(CockpitLinks.params(CockpitLinks.DUE, "overdue", CockpitLinks.STEP, null, CockpitLinks.TEXT, "")
                .getQueryString()).isEqualTo("due=overdue");
    }
}
