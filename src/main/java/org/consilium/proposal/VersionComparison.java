package org.consilium.proposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a proposal, field by field, in the form's words. Choices (disease
 * areas, yes or no…) are named in the language of the UI that asks, in English outside a UI.
 */
final class VersionComparison {

    private VersionComparison() {
    }

    private record Field(String key, String english, Function<ProposalContent, String> value) {
    }

    static List<VersionChange> between(ProposalContent before, ProposalContent after) {
        List<Field> fields = List.of(
                new Field("proposal.form.title", "Title", ProposalContent::getTitle),
                new Field("proposal.form.acronym", "Acronym", ProposalContent::getAcronym),
                new Field("proposal.form.leadOrganisation", "Lead organisation",
                        c -> c.getLeadOrganisation() == null ? "" : c.getLeadOrganisation().label()),
                new Field("proposal.form.principalInvestigator", "Principal investigator",
                        c -> c.getPrincipalInvestigator() == null ? "" : c.getPrincipalInvestigator().label()),
                new Field("proposal.section.team", "Team", c -> c.getTeam().stream().map(m -> m.getFullName() + " ("
                        + m.getOrganisationName() + ", " + m.getProjectRole() + ")").collect(Collectors.joining("; "))),
                new Field("proposal.form.diseaseAreas", "Disease areas", c -> names(c.getDiseaseAreas())),
                new Field("proposal.form.background", "Background", ProposalContent::getBackground),
                new Field("proposal.form.objectives", "Objectives", ProposalContent::getObjectives),
                new Field("proposal.form.methodology", "Methodology and statistical plan",
                        ProposalContent::getMethodology),
                new Field("proposal.form.laySummary", "Lay summary", ProposalContent::getLaySummary),
                new Field("proposal.form.dataCategories", "Data categories", c -> names(c.getDataCategories())),
                new Field("proposal.form.dataLevel", "Level of data",
                        c -> c.getDataLevel() == null ? "" : name(c.getDataLevel())),
                new Field("proposal.field.estimatedCohortSize", "Estimated cohort size",
                        c -> Objects.toString(c.getEstimatedCohortSize(), "")),
                new Field("proposal.field.aiModelling", "AI / ML modelling",
                        c -> yesWith(c.isUsesAiModelling(), c.getAiModellingDescription())),
                new Field("proposal.form.expectedOutputs", "Expected outputs", c -> names(c.getExpectedOutputs())),
                new Field("proposal.form.durationMonths", "Duration (months)",
                        c -> Objects.toString(c.getDurationMonths(), "")),
                new Field("proposal.form.fundingSource", "Funding source", ProposalContent::getFundingSource),
                new Field("proposal.field.commercialInterest", "Commercial interest",
                        c -> yesWith(c.isCommercialInterest(), c.getCommercialInterestDetails())),
                new Field("proposal.form.conflictsOfInterest", "Declared conflicts of interest",
                        ProposalContent::getConflictsOfInterest));
        List<VersionChange> changes = new ArrayList<>();
        for (Field field : fields) {
            String a = Objects.toString(field.value().apply(before), "");
            String b = Objects.toString(field.value().apply(after), "");
            if (!a.equals(b)) {
                changes.add(new VersionChange(field.english(), a, b, field.key()));
            }
        }
        return changes;
    }

    private static String yesWith(boolean yes, String details) {
        return yes ? LocalizedText.translate(LocalizedText.message("proposal.readout.yesWith", details), "Yes — " + details)
                : LocalizedText.translate(LocalizedText.message("proposal.readout.no"), "No");
    }

    private static <E extends Enum<E> & Labelled> String names(Collection<E> values) {
        return values.stream().sorted().map(VersionComparison::name).collect(Collectors.joining(", "));
    }

    private static String name(Labelled constant) {
        return LocalizedText.translate(LocalizedText.message(constant.labelKey()), constant.label());
    }
}
