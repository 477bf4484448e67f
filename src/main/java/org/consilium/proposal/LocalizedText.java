package org.consilium.proposal;

import com.vaadin.flow.component.UI;
import java.util.Arrays;
import java.util.List;
import org.consilium.ui.Translations;

/**
 * What a refusal says, as a translation key and its arguments, beside the English message that the service
 * keeps (logs, tests and callers read that one). An argument that is itself a {@code LocalizedText} or a
 * {@link Labelled} constant is translated first.
 */
public record LocalizedText(String key, List<Object> arguments) {

    public static LocalizedText message(String key, Object... arguments) {
        return new LocalizedText(key, Arrays.asList(arguments));
    }

    /** In the current UI's language; outside a UI, or without a text, the English message given. */
    public static String translate(LocalizedText text, String english) {
        return text == null || UI.getCurrent() == null ? english : text.translate();
    }

    String translate() {
        Object[] resolved = arguments.stream().map(LocalizedText::resolve).toArray();
        return Translations.t(key, resolved);
    }

    private static Object resolve(Object argument) {
        if (argument instanceof LocalizedText text) {
            return text.translate();
        }
        if (argument instanceof Labelled constant) {
            return Labels.of(constant);
        }
        return argument;
    }
}
