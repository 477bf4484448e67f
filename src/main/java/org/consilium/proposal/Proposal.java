package org.consilium.proposal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.consilium.member.Organisation;
import org.consilium.member.Person;

/** A research project's request for platform data, from first draft on. */
@Entity
@Table(name = "proposal")
class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Given at first submission, e.g. CONS-2026-0042. */
    @Column(length = 20, unique = true)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ProposalStatus status = ProposalStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "applicant_id", nullable = false)
    private Person applicant;

    @Column(length = 300)
    private String title;

    @Column(length = 30)
    private String acronym;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lead_organisation_id")
    private Organisation leadOrganisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "principal_investigator_id")
    private Person principalInvestigator;

    @ElementCollection
    @CollectionTable(name = "proposal_team_member", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    private List<TeamMember> team = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "proposal_disease_area", joinColumns = @JoinColumn(name = "proposal_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "disease_area", nullable = false, length = 40)
    private Set<DiseaseArea> diseaseAreas = EnumSet.noneOf(DiseaseArea.class);

    @Column(columnDefinition = "TEXT")
    private String background;

    @Column(columnDefinition = "TEXT")
    private String objectives;

    @Column(columnDefinition = "TEXT")
    private String methodology;

    @Column(name = "lay_summary", columnDefinition = "TEXT")
    private String laySummary;

    @ElementCollection
    @CollectionTable(name = "proposal_data_category", joinColumns = @JoinColumn(name = "proposal_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "data_category", nullable = false, length = 40)
    private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "data_level", length = 40)
    private DataLevel dataLevel;

    @Column(name = "estimated_cohort_size")
    private Integer estimatedCohortSize;

    @Column(name = "uses_ai_modelling", nullable = false)
    private boolean usesAiModelling;

    @Column(name = "ai_modelling_description", length = 2000)
    private String aiModellingDescription;

    @ElementCollection
    @CollectionTable(name = "proposal_expected_output", joinColumns = @JoinColumn(name = "proposal_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "expected_output", nullable = false, length = 40)
    private Set<ExpectedOutput> expectedOutputs = EnumSet.noneOf(ExpectedOutput.class);

    @Column(name = "duration_months")
    private Integer durationMonths;

    @Column(name = "funding_source", length = 500)
    private String fundingSource;

    @Column(name = "commercial_interest", nullable = false)
    private boolean commercialInterest;

    @Column(name = "commercial_interest_details", length = 2000)
    private String commercialInterestDetails;

    @Column(name = "conflicts_of_interest", length = 4000)
    private String conflictsOfInterest;

    /** Number of the latest frozen version; 0 while never submitted. */
    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected Proposal() {
    }

    Proposal(Person applicant, Instant now) {
        this.applicant = Objects.requireNonNull(applicant);
        this.principalInvestigator = applicant;
        this.leadOrganisation = applicant.getOrganisation();
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    String getReference() {
        return reference;
    }

    ProposalStatus getStatus() {
        return status;
    }

    Person getApplicant() {
        return applicant;
    }

    String getTitle() {
        return title;
    }

    int getCurrentVersion() {
        return currentVersion;
    }

    long getLockVersion() {
        return lockVersion;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    boolean isDraft() {
        return status == ProposalStatus.DRAFT;
    }

    boolean isEditable() {
        return status.editable();
    }

    /** The workflow moves the proposal from step to step. */
    void changeStatus(ProposalStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    /** A revision sent back to the governance office: the next frozen version. */
    int freezeNextVersion(Instant now) {
        if (!isEditable() || reference == null) {
            throw new IllegalStateException("Only a proposal returned for changes can be resubmitted");
        }
        currentVersion++;
        updatedAt = now;
        return currentVersion;
    }

    String getAcronym() {
        return acronym;
    }

    String getLaySummary() {
        return orEmpty(laySummary);
    }

    String getLeadOrganisationName() {
        return leadOrganisation == null ? "" : leadOrganisation.getName();
    }

    Set<DiseaseArea> getDiseaseAreas() {
        return diseaseAreas;
    }

    DataLevel getDataLevel() {
        return dataLevel;
    }

    Set<DataCategory> getDataCategories() {
        return dataCategories;
    }

    boolean isApplicant(Long personId) {
        return applicant.getId().equals(personId);
    }

    boolean isTeamMember(Long personId) {
        return team.stream().anyMatch(m -> personId.equals(m.personId()));
    }

    Set<Long> teamPersonIds() {
        Set<Long> ids = new java.util.HashSet<>();
        team.stream().map(TeamMember::personId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** Copies what the applicant wrote; the caller has resolved the referenced organisation and person. */
    void update(ProposalContent content, Organisation lead, Person investigator, Instant now) {
        if (!isEditable()) {
            throw new IllegalStateException("A submitted version can no longer be edited");
        }
        title = strip(content.getTitle());
        acronym = strip(content.getAcronym());
        leadOrganisation = lead;
        principalInvestigator = investigator;
        team.clear();
        content.getTeam().stream().map(TeamMember::new).forEach(team::add);
        replace(diseaseAreas, content.getDiseaseAreas());
        background = content.getBackground();
        objectives = content.getObjectives();
        methodology = content.getMethodology();
        laySummary = content.getLaySummary();
        replace(dataCategories, content.getDataCategories());
        dataLevel = content.getDataLevel();
        estimatedCohortSize = content.getEstimatedCohortSize();
        usesAiModelling = content.isUsesAiModelling();
        aiModellingDescription = usesAiModelling ? strip(content.getAiModellingDescription()) : null;
        replace(expectedOutputs, content.getExpectedOutputs());
        durationMonths = content.getDurationMonths();
        fundingSource = strip(content.getFundingSource());
        commercialInterest = content.isCommercialInterest();
        commercialInterestDetails = commercialInterest ? strip(content.getCommercialInterestDetails()) : null;
        conflictsOfInterest = strip(content.getConflictsOfInterest());
        updatedAt = now;
    }

    ProposalContent content() {
        ProposalContent c = new ProposalContent();
        c.setTitle(orEmpty(title));
        c.setAcronym(orEmpty(acronym));
        c.setLeadOrganisation(leadOrganisation == null ? null : leadOrganisation.summary());
        c.setPrincipalInvestigator(principalInvestigator == null ? null : principalInvestigator.summary());
        c.setTeam(team.stream().map(TeamMember::toEntry).toList());
        c.setDiseaseAreas(diseaseAreas);
        c.setBackground(orEmpty(background));
        c.setObjectives(orEmpty(objectives));
        c.setMethodology(orEmpty(methodology));
        c.setLaySummary(orEmpty(laySummary));
        c.setDataCategories(dataCategories);
        c.setDataLevel(dataLevel);
        c.setEstimatedCohortSize(estimatedCohortSize);
        c.setUsesAiModelling(usesAiModelling);
        c.setAiModellingDescription(orEmpty(aiModellingDescription));
        c.setExpectedOutputs(expectedOutputs);
        c.setDurationMonths(durationMonths);
        c.setFundingSource(orEmpty(fundingSource));
        c.setCommercialInterest(commercialInterest);
        c.setCommercialInterestDetails(orEmpty(commercialInterestDetails));
        c.setConflictsOfInterest(orEmpty(conflictsOfInterest));
        return c;
    }

    /** The first submission: takes its reference, and freezes version 1. */
    void submitFirstVersion(String newReference, Instant now) {
        if (!isDraft() || reference != null) {
            throw new IllegalStateException("Only a draft that was never submitted takes a reference");
        }
        reference = newReference;
        currentVersion = 1;
        status = ProposalStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
    }

    private static <E> void replace(Set<E> target, Set<E> values) {
        target.clear();
        target.addAll(values);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
