package org.consilium.proposal;

import java.util.EnumSet;
import java.util.List;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;

/** Proposal content for tests: complete by default, to be spoilt one field at a time. */
public final class ProposalContents {

    private ProposalContents() {
    }

    public static ProposalContent complete(OrganisationSummary lead, PersonSummary investigator) {
        ProposalContent c = new ProposalContent();
        c.setTitle("Machine-learning risk scores for relapse in AML after first remission");
        c.setAcronym("AML-RELAPSE");
        c.setLeadOrganisation(lead);
        c.setPrincipalInvestigator(investigator);
        c.setTeam(List.of(new TeamMemberEntry(null, "Dr Sanne Visser", "Rijnland University Hospital", "Statistician")));
        c.setDiseaseAreas(EnumSet.of(DiseaseArea.AML, DiseaseArea.MDS));
        c.setBackground("Relapse after first complete remission remains the main cause of death in AML.");
        c.setObjectives("Build and validate a relapse risk score from routinely collected data.");
        c.setMethodology("Gradient-boosted survival models; external validation on a held-out cohort.");
        c.setLaySummary("We want to find out earlier which patients with acute myeloid leukaemia are likely to see"
                + " their disease return, so that doctors can act sooner.");
        c.setDataCategories(EnumSet.of(DataCategory.DIAGNOSIS, DataCategory.TREATMENT, DataCategory.SURVIVAL_FOLLOW_UP));
        c.setDataLevel(DataLevel.INDIVIDUAL_LEVEL_ANONYMISED);
        c.setEstimatedCohortSize(4_200);
        c.setUsesAiModelling(true);
        c.setAiModellingDescription("Gradient-boosted survival trees with SHAP explanations.");
        c.setExpectedOutputs(EnumSet.of(ExpectedOutput.PUBLICATIONS, ExpectedOutput.NEW_OUTCOME_INDICATORS));
        c.setDurationMonths(24);
        c.setFundingSource("National research council, grant 2026-117");
        c.setCommercialInterest(false);
        c.setConflictsOfInterest("None");
        return c;
    }

    static String words(int count) {
        return String.join(" ", java.util.Collections.nCopies(count, "word"));
    }
}
