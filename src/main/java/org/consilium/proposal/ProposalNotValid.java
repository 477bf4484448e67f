package org.consilium.proposal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A save or submission refused: each problem names the field (its property path in
 * {@link ProposalContent}) and what is missing or wrong, so that the form can show it in place.
 */
public class ProposalNotValid extends RuntimeException {

    public record Problem(String field, String message) {
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

    public List<Problem> problems() {
        return problems;
    }
}
