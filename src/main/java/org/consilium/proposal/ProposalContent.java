package org.consilium.proposal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;

/**
 * Everything an applicant writes in a proposal: what the form binds, what the service validates, and
 * what a frozen version keeps (as JSON). Length limits hold for drafts too; the {@link Submission}
 * rules only when submitting.
 */
public class ProposalContent {

    public static final int LAY_SUMMARY_MAX_WORDS = 300;
    public static final int LONG_TEXT_MAX = 10_000;

    @NotBlank(groups = Submission.class, message = "Give the project a title")
    @Size(max = 300)
    private String title = "";

    @NotBlank(groups = Submission.class, message = "Give the project an acronym")
    @Size(max = 30)
    private String acronym = "";

    @NotNull(groups = Submission.class, message = "Choose the lead organisation")
    private OrganisationSummary leadOrganisation;

    @NotNull(groups = Submission.class, message = "Choose the principal investigator")
    private PersonSummary principalInvestigator;

    @Valid
    @Size(max = 50, message = "At most 50 team members")
    private List<TeamMemberEntry> team = new ArrayList<>();

    @NotEmpty(groups = Submission.class, message = "Choose at least one disease area")
    private Set<DiseaseArea> diseaseAreas = EnumSet.noneOf(DiseaseArea.class);

    @NotBlank(groups = Submission.class, message = "Describe the background")
    @Size(max = LONG_TEXT_MAX)
    private String background = "";

    @NotBlank(groups = Submission.class, message = "State the objectives")
    @Size(max = LONG_TEXT_MAX)
    private String objectives = "";

    @NotBlank(groups = Submission.class, message = "Describe the methodology and statistical plan")
    @Size(max = LONG_TEXT_MAX)
    private String methodology = "";

    @NotBlank(groups = Submission.class, message = "Write a lay summary for the patient reviewers")
    @Size(max = 4_000)
    @MaxWords(value = LAY_SUMMARY_MAX_WORDS, message = "The lay summary may have at most {value} words")
    private String laySummary = "";

    @NotEmpty(groups = Submission.class, message = "Choose at least one data category")
    private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

    @NotNull(groups = Submission.class, message = "Choose the level of data")
    private DataLevel dataLevel;

    @NotNull(groups = Submission.class, message = "Estimate the cohort size")
    @Min(value = 1, message = "The cohort has at least one patient")
    @Max(value = 1_000_000, message = "At most 1,000,000 patients")
    private Integer estimatedCohortSize;

    private boolean usesAiModelling;

    @Size(max = 2_000)
    private String aiModellingDescription = "";

    @NotEmpty(groups = Submission.class, message = "Choose at least one expected output")
    private Set<ExpectedOutput> expectedOutputs = EnumSet.noneOf(ExpectedOutput.class);

    @NotNull(groups = Submission.class, message = "Give the duration in months")
    @Min(value = 1, message = "At least 1 month")
    @Max(value = 120, message = "At most 120 months")
    private Integer durationMonths;

    @NotBlank(groups = Submission.class, message = "Name the funding source")
    @Size(max = 500)
    private String fundingSource = "";

    private boolean commercialInterest;

    @Size(max = 2_000)
    private String commercialInterestDetails = "";

    @NotBlank(groups = Submission.class, message = "Declare conflicts of interest, or write \"None\"")
    @Size(max = 4_000)
    private String conflictsOfInterest = "";

    @JsonIgnore
    @AssertTrue(groups = Submission.class, message = "Describe the AI/ML modelling")
    public boolean isAiModellingDescribed() {
        return !usesAiModelling || !isBlank(aiModellingDescription);
    }

    @JsonIgnore
    @AssertTrue(groups = Submission.class, message = "Describe the commercial interest")
    public boolean isCommercialInterestDescribed() {
        return !commercialInterest || !isBlank(commercialInterestDetails);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAcronym() {
        return acronym;
    }

    public void setAcronym(String acronym) {
        this.acronym = acronym;
    }

    public OrganisationSummary getLeadOrganisation() {
        return leadOrganisation;
    }

    public void setLeadOrganisation(OrganisationSummary leadOrganisation) {
        this.leadOrganisation = leadOrganisation;
    }

    public PersonSummary getPrincipalInvestigator() {
        return principalInvestigator;
    }

    public void setPrincipalInvestigator(PersonSummary principalInvestigator) {
        this.principalInvestigator = principalInvestigator;
    }

    public List<TeamMemberEntry> getTeam() {
        return team;
    }

    public void setTeam(List<TeamMemberEntry> team) {
        this.team = team == null ? new ArrayList<>() : new ArrayList<>(team);
    }

    public Set<DiseaseArea> getDiseaseAreas() {
        return diseaseAreas;
    }

    public void setDiseaseAreas(Set<DiseaseArea> diseaseAreas) {
        this.diseaseAreas = copy(diseaseAreas, DiseaseArea.class);
    }

    public String getBackground() {
        return background;
    }

    public void setBackground(String background) {
        this.background = background;
    }

    public String getObjectives() {
        return objectives;
    }

    public void setObjectives(String objectives) {
        this.objectives = objectives;
    }

    public String getMethodology() {
        return methodology;
    }

    public void setMethodology(String methodology) {
        this.methodology = methodology;
    }

    public String getLaySummary() {
        return laySummary;
    }

    public void setLaySummary(String laySummary) {
        this.laySummary = laySummary;
    }

    public Set<DataCategory> getDataCategories() {
        return dataCategories;
    }

    public void setDataCategories(Set<DataCategory> dataCategories) {
        this.dataCategories = copy(dataCategories, DataCategory.class);
    }

    public DataLevel getDataLevel() {
        return dataLevel;
    }

    public void setDataLevel(DataLevel dataLevel) {
        this.dataLevel = dataLevel;
    }

    public Integer getEstimatedCohortSize() {
        return estimatedCohortSize;
    }

    public void setEstimatedCohortSize(Integer estimatedCohortSize) {
        this.estimatedCohortSize = estimatedCohortSize;
    }

    public boolean isUsesAiModelling() {
        return usesAiModelling;
    }

    public void setUsesAiModelling(boolean usesAiModelling) {
        this.usesAiModelling = usesAiModelling;
    }

    public String getAiModellingDescription() {
        return aiModellingDescription;
    }

    public void setAiModellingDescription(String aiModellingDescription) {
        this.aiModellingDescription = aiModellingDescription;
    }

    public Set<ExpectedOutput> getExpectedOutputs() {
        return expectedOutputs;
    }

    public void setExpectedOutputs(Set<ExpectedOutput> expectedOutputs) {
        this.expectedOutputs = copy(expectedOutputs, ExpectedOutput.class);
    }

    public Integer getDurationMonths() {
        return durationMonths;
    }

    public void setDurationMonths(Integer durationMonths) {
        this.durationMonths = durationMonths;
    }

    public String getFundingSource() {
        return fundingSource;
    }

    public void setFundingSource(String fundingSource) {
        this.fundingSource = fundingSource;
    }

    public boolean isCommercialInterest() {
        return commercialInterest;
    }

    public void setCommercialInterest(boolean commercialInterest) {
        this.commercialInterest = commercialInterest;
    }

    public String getCommercialInterestDetails() {
        return commercialInterestDetails;
    }

    public void setCommercialInterestDetails(String commercialInterestDetails) {
        this.commercialInterestDetails = commercialInterestDetails;
    }

    public String getConflictsOfInterest() {
        return conflictsOfInterest;
    }

    public void setConflictsOfInterest(String conflictsOfInterest) {
        this.conflictsOfInterest = conflictsOfInterest;
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
