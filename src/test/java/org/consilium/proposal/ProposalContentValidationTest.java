package org.consilium.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of a proposal, without Spring: what a draft may be, and what a submission must be. */
class ProposalContentValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    private final ProposalContent complete = ProposalContents.complete(
            new OrganisationSummary(1L, "Rijnland University Hospital", "NL"),
            new PersonSummary(2L, "Dr Anna de Vries", 1L, "Rijnland University Hospital"));

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> failing(ProposalContent content, Class<?>... groups) {
        return validator.validate(content, groups).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void a_complete_proposal_passes_every_rule() {
        assertThat(failing(complete)).isEmpty();
        assertThat(failing(complete, Submission.class)).isEmpty();
    }

    @Test
    void an_empty_draft_may_be_saved_but_not_submitted() {
        ProposalContent empty = new ProposalContent();
        assertThat(failing(empty)).isEmpty();
        assertThat(failing(empty, Submission.class)).contains("title", "acronym", "leadOrganisation",
                "principalInvestigator", "diseaseAreas", "background", "objectives", "methodology", "laySummary",
                "dataCategories", "dataLevel", "estimatedCohortSize", "expectedOutputs", "durationMonths",
                "fundingSource", "conflictsOfInterest");
    }

    @Test
    void a_lay_summary_of_300_words_is_accepted_and_of_301_refused_even_in_a_draft() {
        complete.setLaySummary(ProposalContents.words(300));
        assertThat(failing(complete)).isEmpty();
        complete.setLaySummary(ProposalContents.words(301));
        assertThat(failing(complete)).containsExactly("laySummary");
        assertThat(validator.validate(complete).iterator().next().getMessage())
                .isEqualTo("The lay summary may have at most 300 words");
    }

    @Test
    void words_are_counted_between_any_whitespace() {
        assertThat(Words.count(null)).isZero();
        assertThat(Words.count("   \n\t ")).isZero();
        assertThat(Words.count("  Leucémie   aiguë\nmyéloïde\t(LAM) ")).isEqualTo(4);
        assertThat(Words.count("one\u2003two\u00a0three")).isEqualTo(3);
    }

    @Test
    void a_submission_needs_at_least_one_data_category() {
        complete.setDataCategories(EnumSet.noneOf(DataCategory.class));
        assertThat(failing(complete, Submission.class)).containsExactly("dataCategories");
    }

    @Test
    void whoever_declares_ai_modelling_or_commercial_interest_must_describe_it() {
        complete.setAiModellingDescription(" ");
        complete.setCommercialInterest(true);
        complete.setCommercialInterestDetails("");
        assertThat(failing(complete, Submission.class))
                .containsExactlyInAnyOrder("aiModellingDescribed", "commercialInterestDescribed");
    }

    @Test
    void lengths_and_ranges_hold_for_drafts_too() {
        complete.setTitle("x".repeat(301));
        complete.setAcronym("y".repeat(31));
        complete.setEstimatedCohortSize(0);
        complete.setDurationMonths(121);
        complete.setBackground("z".repeat(ProposalContent.LONG_TEXT_MAX + 1));
        assertThat(failing(complete)).containsExactlyInAnyOrder("title", "acronym", "estimatedCohortSize",
                "durationMonths", "background");
    }

    @Test
    void every_team_member_needs_name_organisation_and_role_to_submit() {
        complete.getTeam().add(new TeamMemberEntry(null, "Someone", "", " "));
        assertThat(failing(complete, Submission.class))
                .containsExactlyInAnyOrder("team[1].organisationName", "team[1].projectRole");
    }

    @Test
    void uploaded_file_names_lose_paths_and_control_characters() {
        assertThat(FileNames.clean("C:\\Users\\anna\\protocol v3.pdf")).isEqualTo("protocol v3.pdf");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("a<b>\u0000.pdf")).isEqualTo("a_b__.pdf");
        assertThat(FileNames.clean("")).isEqualTo("document.pdf");
        assertThat(FileNames.clean("n".repeat(400) + ".pdf")).hasSize(255).endsWith(".pdf");
    }
}
