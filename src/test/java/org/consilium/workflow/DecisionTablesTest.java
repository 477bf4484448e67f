package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A row for every rule of the two decision tables in workflows/, and for their edges. */
class DecisionTablesTest {

    private static DmnEngine dmn;
    private static DmnDecision patientReviewOutcome;
    private static DmnDecision ethicsRoute;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        patientReviewOutcome = decision("workflows/patient-review-outcome.dmn", "patient-review-outcome");
        ethicsRoute = decision("workflows/ethics-route.dmn", "ethics-route");
    }

    private static DmnDecision decision(String resource, String key) throws Exception {
        try (InputStream in = DecisionTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }

    @ParameterizedTest(name = "{0} organisations, {1} approve, {2} reject, {3} abstain -> {4}")
    @CsvSource({
            // NoQuorumRule: fewer than half cast a non-abstaining vote
            "9, 2, 2, 5, NO_QUORUM",
            "9, 0, 0, 0, NO_QUORUM",
            "9, 4, 0, 5, NO_QUORUM",
            // ApprovedRule: quorum (exactly half counts) and more approvals than rejections
            "9, 5, 0, 0, APPROVED",
            "8, 3, 1, 4, APPROVED",
            "9, 5, 4, 0, APPROVED",
            // RejectedRule: quorum and no more approvals than rejections; a tie rejects
            "9, 2, 3, 0, REJECTED",
            "8, 2, 2, 4, REJECTED",
            "9, 0, 9, 0, REJECTED"})
    void patient_review_outcome(int organisations, int approvals, int rejections, int abstentions, String outcome) {
        Map<String, Object> votes = Map.of("organisations", organisations, "approvals", approvals,
                "rejections", rejections, "nonAbstainingVotes", approvals + rejections);
        assertThat((Object) dmn.evaluateDecisionTable(patientReviewOutcome, votes).getSingleEntry()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}, genomic {1} -> {2}")
    @CsvSource({
            // IndividualLevelRule
            "INDIVIDUAL_LEVEL_ANONYMISED, false, FULL",
            "INDIVIDUAL_LEVEL_ANONYMISED, true, FULL",
            // GenomicDataRule
            "AGGREGATED, true, FULL",
            "SYNTHETIC, true, FULL",
            // ExpeditedRule
            "AGGREGATED, false, EXPEDITED",
            "SYNTHETIC, false, EXPEDITED"})
    void ethics_route(String dataLevel, boolean genomicData, String route) {
        assertThat((Object) dmn.evaluateDecisionTable(ethicsRoute, Map.of("dataLevel", dataLevel, "genomicData", genomicData))
                .getSingleEntry()).isEqualTo(route);
    }
}
