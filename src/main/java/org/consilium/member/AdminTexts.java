package org.consilium.member;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.consilium.ui.Translations;

/** Words the administration screens share: roles, kinds of organisation, countries, refusals, reason fields. */
final class AdminTexts {

    static final int REASON_MAX = 4_000;
    /** Keys by enum name: admin.role.RESEARCHER, … (TranslationsTest checks whole keys, AdminTextsTest these). */
    static final String ROLE_KEY = "admin.role.";
    static final String TYPE_KEY = "admin.organisationType.";

    private AdminTexts() {
    }

    static String role(Role role) {
        return Translations.t(ROLE_KEY + role.name());
    }

    static String roles(Collection<Role> roles) {
        return roles.stream().sorted().map(AdminTexts::role).collect(Collectors.joining(", "));
    }

    static String type(OrganisationType type) {
        return type == null ? "" : Translations.t(TYPE_KEY + type.name());
    }

    /** "Netherlands (NL)" in the user's language. */
    static String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return new Locale("", code).getDisplayCountry(Translations.locale()) + " (" + code + ")";
    }

    /** "7 days", or hours for shorter validity (tests). */
    static String duration(Duration duration) {
        long days = duration.toDays();
        return days >= 1 ? Translations.t("admin.duration.days", days)
                : Translations.t("admin.duration.hours", Math.max(1, duration.toHours()));
    }

    /** The refusal in the user's language (services give a key; older refusals only English). */
    static String problem(MemberNotValid invalid) {
        return invalid.key() == null ? invalid.getMessage() : Translations.t(invalid.key(), invalid.args());
    }

    static void showOn(HasValidation field, MemberNotValid invalid) {
        field.setErrorMessage(problem(invalid));
        field.setInvalid(true);
    }

    static TextArea reasonField(boolean required) {
        TextArea reason = new TextArea(Translations.t(required ? "admin.reason.required" : "admin.reason.optional"));
        reason.setMaxLength(REASON_MAX);
        reason.setRequired(required);
        reason.setWidthFull();
        reason.setId("admin-reason");
        return reason;
    }
}
