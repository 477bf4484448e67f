package org.consilium.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.consilium.InUi;
import org.consilium.security.CurrentUser;
import org.consilium.ui.Translations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The proposal screens built in a French UI of the running portal, as the router would build them: every
 * text they set (labels, headings, helper texts, buttons, column headers) is French; no key is missing and
 * no English text of the proposal screens is left. The same screens in English still say what they said.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class ProposalScreensInFrenchTest extends ProposalTestSupport {

    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    AutowireCapableBeanFactory beanFactory;
    @Autowired
    CurrentUser currentUser;

    @Test
    void the_editor_of_a_draft_speaks_french() throws Exception {
        Long id = completeDraft();
        Screen editor = open(Translations.FRENCH, () -> enter(new ProposalEditorView(proposals, members), id));

        editor.saysNoEnglishAndNoMissingKey();
        assertThat(editor.title()).isEqualTo("Modifier la proposition · Consilium");
        assertThat(editor.texts()).contains("Enregistrer le brouillon", "Soumettre…", "1. Projet", "2. Équipe",
                "7. Pièces jointes", "Organisation porteuse", "Investigateur principal", "Ajouter un membre",
                "Rôle dans le projet", "LAM — leucémie aiguë myéloïde", "Données individuelles anonymisées",
                "Études post-autorisation", "Protocole de l’étude", "Type du prochain document",
                "Tout est enregistré", "Brouillon n°\u00a0" + id);
        UploadI18N upload = editor.find(Upload.class).getI18n();
        assertThat(upload.getAddFiles().getOne()).isEqualTo("Téléverser un fichier…");
        assertThat(upload.getError().getIncorrectFileType()).isEqualTo("Ce n’est pas un fichier PDF.");
        assertThat(upload.getUnits().getSize()).startsWith("o", "ko", "Mo");
    }

    @Test
    void a_submitted_proposal_and_the_list_speak_french() throws Exception {
        Long id = completeDraft();
        String reference = submit(id).reference();
        Screen page = open(Translations.FRENCH, () -> enter(beanFactory.createBean(ProposalView.class), id));

        page.saysNoEnglishAndNoMissingKey();
        assertThat(page.title()).isEqualTo(reference + " · Consilium");
        assertThat(page.texts()).contains("Soumise — en attente du contrôle de complétude", "Retirer…",
                "Volet scientifique", "Résumé grand public", "Données demandées", "Demandeur", "Historique",
                "Taille estimée de la cohorte", "Données individuelles anonymisées");
        assertThat(page.texts()).anyMatch(t -> t.startsWith("Version 1 soumise le "));

        signIn.as(researcher);
        Screen list = open(Translations.FRENCH, () -> new MyProposalsView(proposals, currentUser));
        list.saysNoEnglishAndNoMissingKey();
        assertThat(list.title()).isEqualTo("Mes propositions · Consilium");
        assertThat(list.texts()).contains("Nouvelle proposition", "Mes propositions");
    }

    @Test
    void in_english_the_screens_say_what_they_said_before() throws Exception {
        Long id = completeDraft();
        Screen editor = open(Translations.ENGLISH, () -> enter(new ProposalEditorView(proposals, members), id));
        assertThat(editor.texts()).contains("Save draft", "Submit…", "1. Project", "Lead organisation",
                "AML — acute myeloid leukaemia", "All changes saved", "Draft proposal #" + id)
                .noneMatch(t -> t.contains("!proposal."));
        assertThat(editor.title()).isEqualTo("Edit proposal · Consilium");
    }

    /** A screen's texts, as set on its elements. */
    record Screen(Component view, Set<String> texts, Set<String> all, String title) {

        <C extends Component> C find(Class<C> type) {
            return find(view, type);
        }

        private static <C extends Component> C find(Component component, Class<C> type) {
            if (type.isInstance(component)) {
                return type.cast(component);
            }
            return component.getChildren().map(child -> find(child, type)).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
        }

        void saysNoEnglishAndNoMissingKey() throws IOException {
            assertThat(all).noneMatch(t -> t.contains("!proposal.") || t.contains("!review."));
            Properties english = load("i18n/messages.properties");
            Properties french = load("i18n/messages_fr.properties");
            Set<String> leftovers = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                String text = english.getProperty(key);
                if (!text.equals(french.getProperty(key)) && texts.contains(text)) {
                    leftovers.add(key + " = " + text);
                }
            }
            assertThat(leftovers).as("English texts on a French screen").isEmpty();
        }
    }

    private Component enter(Component view, Long proposalId) {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("proposalId", String.valueOf(proposalId)));
        ((BeforeEnterObserver) view).beforeEnter(event);
        return view;
    }

    /** Builds a screen in a UI of the running Vaadin service, in the given language, signed in as the researcher. */
    private Screen open(Locale locale, Supplier<Component> screen) {
        signIn.as(researcher);
        return InUi.build(applicationContext, locale, () -> {
            Component view = screen.get();
            Set<String> texts = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            collect(view.getElement(), texts, all);
            String title = view instanceof HasDynamicTitle dynamic ? dynamic.getPageTitle() : null;
            return new Screen(view, texts, all, title);
        });
    }

    /**
     * Text nodes, string properties, the texts of markup set as {@code innerHTML}, and attributes; {@code all} also
     * holds other property values (JSON).
     */
    private static void collect(Element element, Set<String> texts, Set<String> all) {
        if (element.isTextNode()) {
            add(element.getText(), texts, all);
            return;
        }
        for (String name : element.getPropertyNames().toList()) {
            Object value = element.getPropertyRaw(name);
            if ("innerHTML".equals(name) && value instanceof String html) {
                // a read-only block sent as markup (ui.StaticMarkup): its texts as the browser shows them
                org.jsoup.Jsoup.parseBodyFragment(html).body().stream()
                        .flatMap(e -> e.textNodes().stream()).forEach(t -> add(t.text(), texts, all));
            } else if (value instanceof String s) {
                add(s, texts, all);
            } else if (value != null) {
                all.add(value.toString());
            }
        }
        for (String name : element.getAttributeNames().toList()) {
            add(element.getAttribute(name), texts, all);
        }
        List<Element> children = new ArrayList<>(element.getChildren().toList());
        children.forEach(child -> collect(child, texts, all));
    }

    private static void add(String text, Set<String> texts, Set<String> all) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
            all.add(text.strip());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = ProposalScreensInFrenchTest.class.getClassLoader().getResourceAsStream(resource)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
