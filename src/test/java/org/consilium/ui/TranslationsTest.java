package org.consilium.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every language says everything: same keys, same placeholders, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|Translations\\.t|\\bt|translate|message)\\(\\s*\"([a-zA-Z][\\w.-]*\\.[\\w.-]+)\"");

    @Test
    void french_has_every_english_key_with_the_same_placeholders_and_nothing_else() throws IOException {
        Properties english = load("en");
        Properties french = load("fr");
        assertThat(english).isNotEmpty();
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(french.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
            assertThat(french.getProperty(key)).as("French text of " + key).isNotBlank();
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

    /** All translation files of one language, merged (i18n/*.properties or i18n/*_fr.properties). */
    static Properties load(String language) throws IOException {
        Properties all = new Properties();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        for (Resource resource : resources) {
            String name = resource.getFilename();
            boolean french = name.endsWith("_fr.properties");
            boolean base = !name.matches(".*_[a-z]{2}\\.properties");
            if (language.equals("fr") ? french : base) {
                try (InputStream in = resource.getInputStream()) {
                    Properties one = new Properties();
                    one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    all.putAll(one);
                }
            }
        }
        return all;
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
