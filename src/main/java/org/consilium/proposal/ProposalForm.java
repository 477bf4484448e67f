package org.consilium.proposal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.PropertyDefinition;
import com.vaadin.flow.data.validator.BeanValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.PersonSummary;
import org.consilium.member.Role;
import org.consilium.ui.Translations;

/**
 * The proposal form, in sections. Length and range rules are checked as the user types (Bean Validation,
 * default group); what a submission needs is marked as required and checked by the service on submit,
 * whose problems are then shown on the fields concerned. Every message is in the user's language
 * ({@link ProblemTexts}); the annotations' English messages are the service's.
 */
class ProposalForm extends Div {

    private static final Set<String> OPTIONAL = Set.of("aiModellingDescription", "commercialInterestDetails",
            "aiModellingDescribed", "commercialInterestDescribed");
    private static final Pattern TEAM_PATH = Pattern.compile("team\\[(\\d+)]\\.(\\w+)");

    final TextField title = new TextField(Translations.t("proposal.form.title"));
    final TextField acronym = new TextField(Translations.t("proposal.form.acronym"));
    final ComboBox<OrganisationSummary> leadOrganisation = new ComboBox<>(Translations.t("proposal.form.leadOrganisation"));
    final ComboBox<PersonSummary> principalInvestigator = new ComboBox<>(Translations.t("proposal.form.principalInvestigator"));
    final TeamEditor team;
    final CheckboxGroup<DiseaseArea> diseaseAreas = new CheckboxGroup<>(Translations.t("proposal.form.diseaseAreas"));
    final TextArea background = new TextArea(Translations.t("proposal.form.background"));
    final TextArea objectives = new TextArea(Translations.t("proposal.form.objectives"));
    final TextArea methodology = new TextArea(Translations.t("proposal.form.methodology"));
    final TextArea laySummary = new TextArea(Translations.t("proposal.form.laySummary"));
    final CheckboxGroup<DataCategory> dataCategories = new CheckboxGroup<>(Translations.t("proposal.form.dataCategories"));
    final RadioButtonGroup<DataLevel> dataLevel = new RadioButtonGroup<>(Translations.t("proposal.form.dataLevel"));
    final IntegerField estimatedCohortSize = new IntegerField(Translations.t("proposal.form.estimatedCohortSize"));
    final Checkbox usesAiModelling = new Checkbox(Translations.t("proposal.form.usesAiModelling"));
    final TextArea aiModellingDescription = new TextArea(Translations.t("proposal.form.aiModellingDescription"));
    final CheckboxGroup<ExpectedOutput> expectedOutputs = new CheckboxGroup<>(Translations.t("proposal.form.expectedOutputs"));
    final IntegerField durationMonths = new IntegerField(Translations.t("proposal.form.durationMonths"));
    final TextField fundingSource = new TextField(Translations.t("proposal.form.fundingSource"));
    final Checkbox commercialInterest = new Checkbox(Translations.t("proposal.form.commercialInterest"));
    final TextArea commercialInterestDetails = new TextArea(Translations.t("proposal.form.commercialInterestDetails"));
    final TextArea conflictsOfInterest = new TextArea(Translations.t("proposal.form.conflictsOfInterest"));

    private final BeanValidationBinder<ProposalContent> binder = new TranslatedBinder();
    private final Map<String, HasValidation> fieldsByProperty = new LinkedHashMap<>();
    private final Div problems = new Div();

    ProposalForm(MemberService members) {
        team = new TeamEditor(members);
        configureFields(members);
        bind();

        problems.addClassName("problems");
        problems.setId("submission-problems");
        problems.setVisible(false);

        add(problems,
                section("project", getTranslation("proposal.section.project.numbered"), null,
                        form(title, acronym, leadOrganisation, principalInvestigator, diseaseAreas)),
                section("team", getTranslation("proposal.section.team.numbered"),
                        getTranslation("proposal.form.team.hint"), team),
                section("science", getTranslation("proposal.section.science.numbered"), null,
                        form(background, objectives, methodology)),
                section("lay-summary", getTranslation("proposal.section.laySummary.numbered"),
                        getTranslation("proposal.form.laySummary.hint", ProposalContent.LAY_SUMMARY_MAX_WORDS), laySummary),
                section("data", getTranslation("proposal.section.data.numbered"), null,
                        form(dataCategories, dataLevel, estimatedCohortSize, usesAiModelling, aiModellingDescription)),
                section("outputs", getTranslation("proposal.section.outputs.numbered"), null,
                        form(expectedOutputs, durationMonths, fundingSource, commercialInterest,
                                commercialInterestDetails, conflictsOfInterest)));
    }

    private void configureFields(MemberService members) {
        title.setMaxLength(300);
        acronym.setMaxLength(30);
        leadOrganisation.setItems(members.activeOrganisations());
        leadOrganisation.setItemLabelGenerator(OrganisationSummary::label);
        principalInvestigator.setItems(
                query -> members.findPeopleWithRole(Role.RESEARCHER, query.getFilter().orElse(""),
                        query.getOffset(), query.getLimit()).stream(),
                query -> members.countPeopleWithRole(Role.RESEARCHER, query.getFilter().orElse("")));
        principalInvestigator.setItemLabelGenerator(PersonSummary::label);
        diseaseAreas.setItems(DiseaseArea.values());
        diseaseAreas.setItemLabelGenerator(Labels::of);
        diseaseAreas.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);

        for (TextArea area : List.of(background, objectives, methodology)) {
            area.setMaxLength(ProposalContent.LONG_TEXT_MAX);
            area.setMinHeight("8em");
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.addValueChangeListener(e -> area.setHelperText(getTranslation("proposal.form.characters",
                    e.getValue().length(), ProposalContent.LONG_TEXT_MAX)));
        }
        laySummary.setMaxLength(4_000);
        laySummary.setMinHeight("10em");
        laySummary.setWidthFull();
        laySummary.setValueChangeMode(ValueChangeMode.EAGER);
        laySummary.addValueChangeListener(e -> showWordCount(e.getValue()));
        showWordCount("");

        dataCategories.setItems(DataCategory.values());
        dataCategories.setItemLabelGenerator(Labels::of);
        dataCategories.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        dataLevel.setItems(DataLevel.values());
        dataLevel.setItemLabelGenerator(Labels::of);
        estimatedCohortSize.setMin(1);
        estimatedCohortSize.setMax(1_000_000);
        estimatedCohortSize.setStepButtonsVisible(false);
        aiModellingDescription.setMaxLength(2_000);
        usesAiModelling.addValueChangeListener(e -> aiModellingDescription.setVisible(e.getValue()));
        aiModellingDescription.setVisible(false);

        expectedOutputs.setItems(ExpectedOutput.values());
        expectedOutputs.setItemLabelGenerator(Labels::of);
        durationMonths.setMin(1);
        durationMonths.setMax(120);
        durationMonths.setStepButtonsVisible(true);
        fundingSource.setMaxLength(500);
        commercialInterestDetails.setMaxLength(2_000);
        commercialInterest.addValueChangeListener(e -> commercialInterestDetails.setVisible(e.getValue()));
        commercialInterestDetails.setVisible(false);
        conflictsOfInterest.setMaxLength(4_000);
        conflictsOfInterest.setHelperText(getTranslation("proposal.form.conflictsOfInterest.hint"));
    }

    private void bind() {
        bind(title, "title");
        bind(acronym, "acronym");
        bind(leadOrganisation, "leadOrganisation");
        bind(principalInvestigator, "principalInvestigator");
        team.setId("field-team");
        binder.forField(team).bind("team");
        bind(diseaseAreas, "diseaseAreas");
        bind(background, "background");
        bind(objectives, "objectives");
        bind(methodology, "methodology");
        bind(laySummary, "laySummary");
        bind(dataCategories, "dataCategories");
        bind(dataLevel, "dataLevel");
        bind(estimatedCohortSize, "estimatedCohortSize");
        usesAiModelling.setId("field-usesAiModelling");
        binder.forField(usesAiModelling).bind("usesAiModelling");
        bind(aiModellingDescription, "aiModellingDescription");
        bind(expectedOutputs, "expectedOutputs");
        bind(durationMonths, "durationMonths");
        bind(fundingSource, "fundingSource");
        commercialInterest.setId("field-commercialInterest");
        binder.forField(commercialInterest).bind("commercialInterest");
        bind(commercialInterestDetails, "commercialInterestDetails");
        bind(conflictsOfInterest, "conflictsOfInterest");
        fieldsByProperty.put("aiModellingDescribed", aiModellingDescription);
        fieldsByProperty.put("commercialInterestDescribed", commercialInterestDetails);
        // Submission rules are not in the default group, but the user should see what a submission needs.
        fieldsByProperty.forEach((property, field) -> {
            if (field instanceof HasValue<?, ?> value && !OPTIONAL.contains(property)) {
                value.setRequiredIndicatorVisible(true);
            }
        });
    }

    private <V, F extends Component & HasValidation & HasValue<?, V>> void bind(F field, String property) {
        field.setId("field-" + property);
        binder.forField(field).bind(property);
        fieldsByProperty.put(property, field);
    }

    void read(ProposalContent content) {
        binder.readBean(content);
        hideProblems();
    }

    /** The form's values in a new content object, or null (and the errors shown) if a length or range rule fails. */
    ProposalContent valuesIfValid() {
        ProposalContent content = new ProposalContent();
        return binder.writeBeanIfValid(content) ? content : null;
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    void addChangeListener(Runnable listener) {
        binder.addValueChangeListener(e -> listener.run());
    }

    /** Marks each problem on its field and lists them all above the form. */
    void showProblems(List<ProposalNotValid.Problem> found) {
        UnorderedList list = new UnorderedList();
        for (ProposalNotValid.Problem problem : found) {
            String message = problem.localizedMessage();
            list.add(new ListItem(message));
            Matcher teamPath = TEAM_PATH.matcher(problem.field());
            if (teamPath.matches()) {
                team.showProblem(Integer.parseInt(teamPath.group(1)), teamPath.group(2), message);
                continue;
            }
            HasValidation field = fieldsByProperty.get(problem.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
        problems.removeAll();
        problems.add(new Span(getTranslation("proposal.form.problems")), list);
        problems.setVisible(true);
        problems.scrollIntoView();
    }

    void hideProblems() {
        problems.setVisible(false);
    }

    private void showWordCount(String text) {
        int words = Words.count(text);
        laySummary.setHelperText(getTranslation("proposal.form.words", words, ProposalContent.LAY_SUMMARY_MAX_WORDS));
    }

    private FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (Component field : fields) {
            if (field instanceof TextArea || field instanceof CheckboxGroup || field instanceof Checkbox
                    || field == title) {
                form.setColspan(field, 2);
            }
        }
        return form;
    }

    /**
     * Bean Validation as the form uses it (default group, as the user types), with each message in the user's
     * language under the key {@link ProblemTexts} gives the broken rule.
     */
    private static final class TranslatedBinder extends BeanValidationBinder<ProposalContent> {

        TranslatedBinder() {
            super(ProposalContent.class);
        }

        @Override
        protected BindingBuilder<ProposalContent, ?> configureBinding(BindingBuilder<ProposalContent, ?> binding,
                                                                      PropertyDefinition<ProposalContent, ?> definition) {
            return binding.withValidator(new BeanValidator(ProposalContent.class, definition.getTopLevelName()) {
                @Override
                protected String getMessage(ConstraintViolation<?> violation, Locale locale) {
                    return LocalizedText.translate(ProblemTexts.of(violation), violation.getMessage());
                }
            });
        }
    }

    private static Div section(String id, String heading, String hint, Component content) {
        Div section = new Div(new H3(heading));
        section.setId("section-" + id);
        section.addClassName("form-section");
        if (hint != null) {
            Paragraph p = new Paragraph(hint);
            p.addClassName("hint");
            section.add(p);
        }
        section.add(content);
        return section;
    }
}
