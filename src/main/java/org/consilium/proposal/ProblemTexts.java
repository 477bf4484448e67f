package org.consilium.proposal;

import jakarta.validation.ConstraintViolation;
import java.util.Map;

/**
 * The translation key of a rule broken in a proposal: {@code proposal.problem.<property>.<constraint>}, team
 * rows without their index (e.g. {@code proposal.problem.team.fullName.NotBlank}), with the rule's limit as
 * argument {0} where it has one. The annotations keep their English messages for the service's refusals.
 */
final class ProblemTexts {

    static final String PREFIX = "proposal.problem.";

    private ProblemTexts() {
    }

    static LocalizedText of(ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().toString().replaceAll("\\[\\d+]", "");
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object limit = limit(violation.getConstraintDescriptor().getAttributes());
        return limit == null ? LocalizedText.message(PREFIX + property + "." + constraint)
                : LocalizedText.message(PREFIX + property + "." + constraint, limit);
    }

    /** {@code max} of a size, {@code value} of a minimum, maximum or word count. */
    static Object limit(Map<String, Object> attributes) {
        Object max = attributes.get("max");
        return max != null ? max : attributes.get("value");
    }
}
