package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every language says everything: same keys, same placeholders, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|Translations\\.t|\\bt|translate|message)\\(\\s*\"([a-zA-Z][\\w.-]*\\.[\\w.-]+)\"");

    @Test
    void every_language_has_every_english_key_with_the_same_placeholders_and_nothing_else() throws IOException {
        Properties english = load("en");
        assertThat(english).hasSizeGreaterThan(1_000);
        assertThat(Translations.languages()).contains(Translations.FRENCH);
        for (Locale language : Translations.languages()) {
            Properties other = load(language.getLanguage());
            assertThat(other.stringPropertyNames()).as(language + " keys")
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key))).as(language + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
                assertThat(other.getProperty(key)).as(language + " text of " + key).isNotBlank();
            }
        }
    }

    @Test
    void a_third_language_is_one_file(@TempDir Path classes) throws IOException {
        Path german = Files.createDirectories(classes.resolve("i18n")).resolve("messages_de.properties");
        Properties texts = load("fr");
        texts.setProperty("app.tagline", "Governance von Forschungsprojekten");
        try (var out = Files.newBufferedWriter(german, StandardCharsets.UTF_8)) {
            texts.store(out, "German, for the test");
        }
        try (URLClassLoader withGerman = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                TranslationsTest.class.getClassLoader())) {
            assertThat(Translations.discoverLanguages(withGerman))
                    .containsExactly(Translations.ENGLISH, Locale.GERMAN, Translations.FRENCH);
            // the same message source set-up as application.yml: one basename, UTF-8, no fallback to the machine's locale
            ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
            messages.setBasename("i18n/messages");
            messages.setDefaultEncoding("UTF-8");
            messages.setFallbackToSystemLocale(false);
            messages.setBundleClassLoader(withGerman);
            Translations translations = new Translations(messages);
            assertThat(translations.getTranslation("app.tagline", Locale.GERMAN)).isEqualTo("Governance von Forschungsprojekten");
            assertThat(translations.getTranslation("app.tagline", Locale.FRENCH)).isEqualTo(load("fr").getProperty("app.tagline"));
        }
    }

    @Test
    void texts_with_placeholders_have_no_plain_apostrophe_that_message_format_would_swallow() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (PLACEHOLDER.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as(language + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void every_text_with_placeholders_is_a_valid_message_format() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (PLACEHOLDER.matcher(text).find()) {
                    assertThatCode(() -> new java.text.MessageFormat(text).format(new Object[] {2, 2, 2, 2, 2}))
                            .as(language + " " + key).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void every_key_the_code_asks_for_has_a_text() throws IOException {
        Properties english = load("en");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The translation file of one language: i18n/messages.properties for English, else messages_<code>.properties. */
    static Properties load(String language) throws IOException {
        String file = "i18n/messages" + (language.equals("en") ? "" : "_" + language) + ".properties";
        Properties texts = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
