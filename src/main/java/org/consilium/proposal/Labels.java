package org.consilium.proposal;

import java.util.Collection;
import java.util.stream.Collectors;
import org.consilium.ui.Translations;

/** The name of a {@link Labelled} constant in the current UI's language; usable as an item label generator. */
public final class Labels {

    private Labels() {
    }

    public static String of(Labelled constant) {
        return constant == null ? "" : Translations.t(constant.labelKey());
    }

    /** Several constants, in their declaration order, separated by commas. */
    public static <E extends Enum<E> & Labelled> String of(Collection<E> constants) {
        return constants.stream().sorted().map(Labels::of).collect(Collectors.joining(", "));
    }
}
