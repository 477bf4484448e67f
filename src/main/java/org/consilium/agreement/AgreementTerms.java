package org.consilium.agreement;

import java.time.Instant;
import java.util.List;

/**
 * Everything one version of a data-access agreement says, gathered from the approved proposal, the
 * ethics decision and the patient organisations' votes. Values are plain text as typed: the template
 * escapes them.
 *
 * @param accessMonths the access period, counted from execution
 */
public record AgreementTerms(
        String reference,
        int version,
        Instant generatedAt,
        String generatedBy,
        String title,
        String acronym,
        Party foundation,
        Party leadOrganisation,
        String principalInvestigator,
        List<String> diseaseAreas,
        List<String> dataCategories,
        String dataLevel,
        Integer estimatedCohortSize,
        boolean aiModelling,
        String objectives,
        List<String> expectedOutputs,
        String ethicsConditions,
        List<Recommendation> patientRecommendations,
        int accessMonths) {

    /** A party to the agreement: the foundation or the lead organisation. */
    public record Party(String name, String country) {
    }

    /** A patient organisation's recommendation, attributed to the organisation, never to a person. */
    public record Recommendation(String organisation, String text) {
    }

    /** The marker kept in the PDF's keywords, by which verification recognises the portal's agreements. */
    public String marker() {
        return "consilium-agreement:" + reference + ":v" + version;
    }
}
