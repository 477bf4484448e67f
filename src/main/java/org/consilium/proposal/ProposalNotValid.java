package org.consilium.proposal;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A save or submission refused: each problem names the field (its property path in
 * {@link ProposalContent}) and what is missing or wrong, so that the form can show it in place.
 * The messages are English; a problem that carries a {@link LocalizedText} says it in the user's language
 * through {@link Problem#localizedMessage()}.
 */
public class ProposalNotValid extends RuntimeException {

    public record Problem(String field, String message, LocalizedText text) {

        public Problem(String field, String message) {
            this(field, message, null);
        }

        /** The message in the current UI's language (English where the problem has no translation key). */
        public String localizedMessage() {
            return LocalizedText.translate(text, message);
        }
    }

    private final transient List<Problem> problems;

    public ProposalNotValid(String action, List<Problem> problems) {
        super("The proposal cannot be " + action + " yet: " + problems.stream()
                .map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** A decision refused for one reason, shown on one field. */
    public static ProposalNotValid decision(String field, String message) {
        return new ProposalNotValid("decided", List.of(new Problem(field, message)));
    }

    /** A decision refused for one reason, shown on one field, with the reason's translation key. */
    public static ProposalNotValid decision(String field, String message, LocalizedText text) {
        return new ProposalNotValid("decided", List.of(new Problem(field, message, text)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** In a UI: every problem's message in the user's language, separated by semicolons. */
    @Override
    public String getLocalizedMessage() {
        return UI.getCurrent() == null ? getMessage()
                : problems.stream().map(Problem::localizedMessage).collect(Collectors.joining("; "));
    }
}
