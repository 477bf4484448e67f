package org.consilium.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.review.VoteChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The words of the proposal screens that are not literal keys in the code: the name of every choice, and the
 * text of every rule a proposal can break, in English (as the service says it) and in French.
 */
class ProposalTextsTest {

    private static final List<Class<? extends Enum<?>>> SHOWN_ENUMS = List.of(ProposalStatus.class,
            DiseaseArea.class, DataCategory.class, DataLevel.class, ExpectedOutput.class, AttachmentKind.class,
            ProposalEventKind.class, VoteChoice.class, EthicsOutcome.class);

    private static ValidatorFactory factory;
    private static Validator validator;
    private static Properties english;
    private static Properties french;

    @BeforeAll
    static void load() throws IOException {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
        english = texts("i18n/messages.properties");
        french = texts("i18n/messages_fr.properties");
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void every_choice_shown_to_people_has_its_english_label_and_a_french_name() {
        int constants = 0;
        for (Class<? extends Enum<?>> type : SHOWN_ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                Labelled labelled = (Labelled) constant;
                assertThat(labelled.labelKey()).endsWith("." + constant.name());
                assertThat(english.getProperty(labelled.labelKey())).as(labelled.labelKey()).isEqualTo(labelled.label());
                assertThat(french.getProperty(labelled.labelKey())).as(labelled.labelKey()).isNotBlank();
                constants++;
            }
        }
        assertThat(constants).isGreaterThan(70);
        assertThat(french.getProperty(ProposalStatus.SUBMITTED.labelKey()))
                .isEqualTo("Soumise — en attente du contrôle de complétude");
    }

    @Test
    void every_rule_of_a_proposal_has_a_text_in_both_languages_and_the_english_one_is_the_service_message() {
        List<String> checked = new ArrayList<>();
        Stream.concat(rules(ProposalContent.class, ""), rules(TeamMemberEntry.class, "team.")).forEach(rule -> {
            String key = ProblemTexts.PREFIX + rule.property() + "."
                    + rule.constraint().getAnnotation().annotationType().getSimpleName();
            Object limit = ProblemTexts.limit(rule.constraint().getAttributes());
            Object[] arguments = limit == null ? new Object[0] : new Object[] {limit};
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(french.getProperty(key)).as(key).isNotBlank();
            String template = rule.constraint().getMessageTemplate();
            if (!template.startsWith("{")) {
                // A message written in the annotation: the English screen says exactly what the service says.
                String serviceMessage = limit == null ? template : template.replace("{value}", String.valueOf(limit));
                assertThat(format(english, key, Locale.ENGLISH, arguments)).as(key).isEqualTo(serviceMessage);
            }
            checked.add(key);
        });
        assertThat(checked).contains("proposal.problem.title.NotBlank", "proposal.problem.title.Size",
                "proposal.problem.team.fullName.NotBlank", "proposal.problem.laySummary.MaxWords",
                "proposal.problem.aiModellingDescribed.AssertTrue");
    }

    @Test
    void a_broken_rule_gets_the_key_of_its_property_and_constraint_with_the_limit_as_argument() {
        ProposalContent content = new ProposalContent();
        content.setTitle("x".repeat(301));
        content.setEstimatedCohortSize(2_000_000);
        content.setTeam(List.of(new TeamMemberEntry(), new TeamMemberEntry(null, "Sam", "", "Statistician")));
        List<LocalizedText> texts = validator.validate(content, jakarta.validation.groups.Default.class,
                Submission.class).stream().map(ProblemTexts::of).toList();

        assertThat(texts).contains(LocalizedText.message("proposal.problem.title.Size", 300),
                LocalizedText.message("proposal.problem.estimatedCohortSize.Max", 1_000_000L),
                LocalizedText.message("proposal.problem.team.organisationName.NotBlank"),
                LocalizedText.message("proposal.problem.acronym.NotBlank"));
        assertThat(format(french, "proposal.problem.estimatedCohortSize.Max", Locale.FRENCH, 1_000_000L))
                .isEqualTo("1\u202f000\u202f000 patients au maximum");
        assertThat(format(english, "proposal.problem.title.Size", Locale.ENGLISH, 300))
                .isEqualTo("The title may have at most 300 characters");
    }

    @Test
    void the_service_keeps_its_english_messages_beside_the_keys() {
        ConstraintViolation<ProposalContent> missingTitle = validator.validate(new ProposalContent(), Submission.class)
                .stream().filter(v -> v.getPropertyPath().toString().equals("title")).findFirst().orElseThrow();
        ProposalNotValid.Problem problem = new ProposalNotValid.Problem("title", missingTitle.getMessage(),
                ProblemTexts.of(missingTitle));
        ProposalNotValid refusal = new ProposalNotValid("submitted", List.of(problem));

        assertThat(refusal.getMessage()).isEqualTo("The proposal cannot be submitted yet: Give the project a title");
        // Outside a UI (a test, a job) the localised message is the English one.
        assertThat(problem.localizedMessage()).isEqualTo("Give the project a title");
        assertThat(refusal.getLocalizedMessage()).isEqualTo(refusal.getMessage());
        assertThat(new ProposalNotFound(12L).getLocalizedMessage()).isEqualTo("There is no proposal #12.");
    }

    @Test
    void choice_texts_agree_in_number() {
        assertThat(format(english, "proposal.submit.incomplete", Locale.ENGLISH, 1))
                .isEqualTo("The proposal is not complete yet: 1 point to fix, listed above the form.");
        assertThat(format(french, "proposal.submit.incomplete", Locale.FRENCH, 3))
                .isEqualTo("La proposition n’est pas encore complète\u00a0: 3 points à corriger, indiqués au-dessus"
                        + " du formulaire.");
        assertThat(format(french, "review.section.voted", Locale.FRENCH, 1, 9, "Myeloma Patients Europe"))
                .isEqualTo("1 association sur 9 a voté\u00a0: Myeloma Patients Europe.");
        assertThat(format(french, "proposal.readout.patients", Locale.FRENCH, 12_000))
                .isEqualTo("12\u202f000 patients");
    }

    @Test
    void every_key_written_in_the_code_of_these_screens_has_an_english_and_a_french_text() throws IOException {
        // TranslationsTest sees keys passed straight to getTranslation; this one also those chosen by a condition.
        Pattern key = Pattern.compile("\"((?:proposal|review|ethics)\\.[a-zA-Z][\\w.]*[a-zA-Z])\"");
        Set<String> missing = new TreeSet<>();
        // A key of these packages may live in another feature's file (ethics refusals are worded with the tasks).
        Properties allEnglish = allTexts(false);
        Properties allFrench = allTexts(true);
        int found = 0;
        for (String feature : List.of("proposal", "review", "ethics")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/consilium", feature))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        found++;
                        if (!allEnglish.containsKey(m.group(1)) || !allFrench.containsKey(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(150);
        assertThat(missing).isEmpty();
    }

    private record Rule(String property, ConstraintDescriptor<?> constraint) {
    }

    private static Stream<Rule> rules(Class<?> type, String prefix) {
        return validator.getConstraintsForClass(type).getConstrainedProperties().stream()
                .flatMap((PropertyDescriptor p) -> p.getConstraintDescriptors().stream()
                        .map(c -> new Rule(prefix + p.getPropertyName(), c)));
    }

    private static String format(Properties texts, String key, Locale locale, Object... arguments) {
        String text = texts.getProperty(key);
        // As Spring's message source does: without arguments the text is taken as it is.
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }

    private static Properties texts(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = ProposalTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static Properties allTexts(boolean french) throws IOException {
        Properties all = new Properties();
        for (org.springframework.core.io.Resource resource : new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = resource.getFilename();
            if (name != null && name.endsWith("_fr.properties") == french) {
                try (InputStream in = resource.getInputStream()) {
                    all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        return all;
    }
}
