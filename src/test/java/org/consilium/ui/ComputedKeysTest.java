package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.consilium.ethics.EthicsOutcome;
import org.consilium.member.Role;
import org.consilium.proposal.ProposalEventKind;
import org.consilium.review.VoteChoice;
import org.consilium.workflow.CompletenessDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The texts whose keys are made at run time, which {@link TranslationsTest} cannot see in the code: menu entries,
 * task names, the choices of the task screens and the audit trail's kinds. Each has an English and a French
 * text, and the English one says what the screen said before it was translated.
 */
class ComputedKeysTest {

    private static final Pattern AUDIT_KIND = Pattern.compile("(?:record|auditOnly)\\([^;]*?\"([A-Z][A-Z_]{3,})\"");

    private static Properties english;
    private static Properties french;

    @BeforeAll
    static void load() throws IOException {
        english = TranslationsTest.load("en");
        french = TranslationsTest.load("fr");
    }

    @Test
    void every_menu_entry_is_translated_by_its_route_and_keeps_its_english_title() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        List<String> checked = new ArrayList<>();
        for (BeanDefinition view : scanner.findCandidateComponents("org.consilium")) {
            Class<?> type = Class.forName(view.getBeanClassName());
            String key = MainLayout.menuKey(type.getAnnotation(Route.class).value());
            assertThat(english.getProperty(key)).as(key).isEqualTo(type.getAnnotation(Menu.class).title());
            assertThat(french.getProperty(key)).as(key + " in French").isNotBlank();
            checked.add(key);
        }
        assertThat(checked).contains("menu.inbox", "menu.audit", "menu.admin.people");
    }

    @Test
    void menu_keys_use_dots_for_the_slashes_of_the_route() {
        assertThat(MainLayout.menuKey("/admin/organisations")).isEqualTo("menu.admin.organisations");
        assertThat(MainLayout.menuKey("inbox")).isEqualTo("menu.inbox");
        assertThat(MainLayout.menuKey("")).isEqualTo("menu.home");
    }

    @Test
    void every_user_task_of_the_lifecycle_has_a_name_in_both_languages_the_english_one_as_in_the_bpmn()
            throws IOException {
        BpmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("workflows/proposal-lifecycle.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        var tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).hasSizeGreaterThan(10);
        for (UserTask task : tasks) {
            assertThat(english.getProperty("task." + task.getId())).as(task.getId()).isEqualTo(task.getName());
            assertThat(french.getProperty("task." + task.getId())).as(task.getId() + " in French").isNotBlank()
                    .isNotEqualTo(task.getName());
        }
    }

    @Test
    void every_choice_a_task_screen_offers_has_a_label() {
        List<String> keys = new ArrayList<>();
        for (CompletenessDecision d : CompletenessDecision.values()) {
            keys.add(d.labelKey());
        }
        for (VoteChoice c : VoteChoice.values()) {
            keys.add("workflow.vote.choice." + c.name());
        }
        for (EthicsOutcome o : EthicsOutcome.values()) {
            keys.add("workflow.ethics.outcome." + o.name());
        }
        for (Role r : Role.values()) {
            keys.add("workflow.offeredTo.role." + r.name());
        }
        keys.forEach(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
        assertThat(english.getProperty("workflow.vote.choice.APPROVE_WITH_RECOMMENDATIONS"))
                .isEqualTo(VoteChoice.APPROVE_WITH_RECOMMENDATIONS.label());
        assertThat(english.getProperty("workflow.ethics.outcome.REQUEST_CHANGES"))
                .isEqualTo(EthicsOutcome.REQUEST_CHANGES.label());
        assertThat(english.getProperty("workflow.offeredTo.role.STAFF")).isEqualTo(Role.STAFF.label());
    }

    @Test
    void every_kind_the_code_writes_to_the_audit_trail_has_a_name() throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (ProposalEventKind kind : ProposalEventKind.values()) {
            kinds.add(kind.name());
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = AUDIT_KIND.matcher(Files.readString(file));
                while (m.find()) {
                    kinds.add(m.group(1));
                }
            }
        }
        assertThat(kinds).contains("SIGN_IN", "VOTE_CAST", "DOCUMENT_UPLOADED", "EMAIL_FAILED");
        Set<String> unnamed = new TreeSet<>();
        for (String kind : kinds) {
            if (english.getProperty("audit.kind." + kind) == null || french.getProperty("audit.kind." + kind) == null) {
                unnamed.add(kind);
            }
        }
        assertThat(unnamed).as("audit kinds without audit.kind.<KIND> in messages*.properties").isEmpty();
    }
}
