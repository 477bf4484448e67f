package org.consilium.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every word the portal shows, in the user's language: Vaadin asks here for {@code getTranslation(key)}, and the
 * texts live in {@code i18n/messages*.properties} through Spring's message source. A missing text shows as
 * {@code !key!} (and {@code TranslationsTest} fails on it) rather than falling back silently.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private static final List<Locale> LANGUAGES = discoverLanguages(Translations.class.getClassLoader());

    private final MessageSource messages;

    Translations(MessageSource messages) {
        this.messages = messages;
    }

    /** English first, then every language that has an {@code i18n/messages_<code>.properties} file. */
    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    public static List<Locale> languages() {
        return LANGUAGES;
    }

    /** Adding a language is adding its file: English, then one language per {@code i18n/messages_<code>.properties}. */
    static List<Locale> discoverLanguages(ClassLoader classLoader) {
        List<Locale> found = new ArrayList<>(List.of(ENGLISH));
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:i18n/messages_*.properties");
            Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> name.substring("messages_".length(), name.length() - ".properties".length()))
                    .filter(code -> code.matches("[a-z]{2,3}")).distinct().sorted()
                    .forEach(code -> found.add(Locale.forLanguageTag(code)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the translation files", e);
        }
        return List.copyOf(found);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? ENGLISH : locale);
        } catch (NoSuchMessageException e) {
            log.warn("No text for {} in {}", key, locale);
            return "!" + key + "!";
        }
    }

    /**
     * For a service that words a message for the person at the screen (a refusal, a label it returns): the current
     * UI's language, English outside a UI (tests, timers, the engine's job executor).
     */
    public String translate(String key, Object... params) {
        return getTranslation(key, locale(), params);
    }

    /**
     * A text whose key is made at run time (a menu path, a task's step, an audit kind), in the current UI's
     * language; the fallback (shown as it is) when no file has the key, for entries added before their text.
     */
    public String translateOr(String fallback, String key, Object... params) {
        try {
            return messages.getMessage(key, params, locale());
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** For code that is not a component (dialogs built in helpers, notifications): the current UI's language. */
    public static String t(String key, Object... params) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            throw new IllegalStateException("No UI to translate " + key + " for; pass a locale instead");
        }
        return ui.getTranslation(key, params);
    }

    /** The current UI's locale, English outside a UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? ENGLISH : ui.getLocale();
    }

    /** Picks the portal language for a language code (null or unknown: English). */
    public static Locale forCode(String code) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(code)).findFirst().orElse(ENGLISH);
    }

    public static boolean speaks(String code) {
        return LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(code));
    }

    /** A language's name in that language ("Français"), for the language menu. */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
