package org.consilium.proposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a proposal, field by field, in the form's words. */
final class VersionComparison {

    private VersionComparison() {
    }

    static List<VersionChange> between(ProposalContent before, ProposalContent after) {
        Map<String, Function<ProposalContent, String>> fields = new LinkedHashMap<>();
        fields.put("Title", ProposalContent::getTitle);
        fields.put("Acronym", ProposalContent::getAcronym);
        fields.put("Lead organisation", c -> c.getLeadOrganisation() == null ? "" : c.getLeadOrganisation().label());
        fields.put("Principal investigator", c -> c.getPrincipalInvestigator() == null ? ""
                : c.getPrincipalInvestigator().label());
        fields.put("Team", c -> c.getTeam().stream().map(m -> m.getFullName() + " (" + m.getOrganisationName() + ", "
                + m.getProjectRole() + ")").collect(Collectors.joining("; ")));
        fields.put("Disease areas", c -> labels(c.getDiseaseAreas(), DiseaseArea::label));
        fields.put("Background", ProposalContent::getBackground);
        fields.put("Objectives", ProposalContent::getObjectives);
        fields.put("Methodology and statistical plan", ProposalContent::getMethodology);
        fields.put("Lay summary", ProposalContent::getLaySummary);
        fields.put("Data categories", c -> labels(c.getDataCategories(), DataCategory::label));
        fields.put("Level of data", c -> c.getDataLevel() == null ? "" : c.getDataLevel().label());
        fields.put("Estimated cohort size", c -> Objects.toString(c.getEstimatedCohortSize(), ""));
        fields.put("AI / ML modelling", c -> c.isUsesAiModelling() ? "Yes — " + c.getAiModellingDescription() : "No");
        fields.put("Expected outputs", c -> labels(c.getExpectedOutputs(), ExpectedOutput::label));
        fields.put("Duration (months)", c -> Objects.toString(c.getDurationMonths(), ""));
        fields.put("Funding source", ProposalContent::getFundingSource);
        fields.put("Commercial interest", c -> c.isCommercialInterest() ? "Yes — " + c.getCommercialInterestDetails()
                : "No");
        fields.put("Declared conflicts of interest", ProposalContent::getConflictsOfInterest);
        List<VersionChange> changes = new ArrayList<>();
        fields.forEach((label, value) -> {
            String a = Objects.toString(value.apply(before), "");
            String b = Objects.toString(value.apply(after), "");
            if (!a.equals(b)) {
                changes.add(new VersionChange(label, a, b));
            }
        });
        return changes;
    }

    private static <E extends Enum<E>> String labels(Collection<E> values, Function<E, String> label) {
        return values.stream().sorted().map(label).collect(Collectors.joining(", "));
    }
}
