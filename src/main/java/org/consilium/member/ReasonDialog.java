package org.consilium.member;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consilium.ui.Problems;
import org.consilium.ui.Translations;

/**
 * The confirmation an administrator gives before changing a record: what the change means, a reason (kept in the
 * audit trail), Cancel and the confirming button. A refusal of a field shows on that field and keeps what was typed;
 * any other refusal (the record changed meanwhile) closes the dialog with the message and refreshes the list.
 */
final class ReasonDialog {

    /** Makes the change with the reason typed, and says what was done. */
    interface Change {
        String apply(String reason);
    }

    private final Dialog dialog = new Dialog();
    private final TextArea reason;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    ReasonDialog(String title, boolean reasonRequired) {
        dialog.setHeaderTitle(title);
        reason = AdminTexts.reasonField(reasonRequired);
        fields.put("reason", reason);
    }

    /** What the change means, above the reason. */
    ReasonDialog explaining(Component... explanation) {
        dialog.add(explanation);
        return this;
    }

    /** A field of the change itself (roles, …), above the reason; refusals naming it show on it. */
    <F extends Component & HasValidation> ReasonDialog withField(String name, F field) {
        fields.put(name, field);
        dialog.add(field);
        return this;
    }

    ReasonDialog width(String width) {
        dialog.setWidth(width);
        return this;
    }

    void open(String confirmLabel, String confirmId, boolean destructive, Change change, Runnable refresh) {
        Button confirm = new Button(confirmLabel, e -> {
            try {
                String done = change.apply(reason.getValue());
                dialog.close();
                Problems.success(done);
                refresh.run();
            } catch (MemberNotValid invalid) {
                HasValidation field = fields.get(invalid.field());
                if (field != null) {
                    AdminTexts.showOn(field, invalid);
                } else {
                    dialog.close();
                    Problems.show(AdminTexts.problem(invalid));
                    refresh.run();
                }
            }
        });
        if (confirmId != null) {
            confirm.setId(confirmId);
        }
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (destructive) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.add(reason);
        dialog.getFooter().add(new Button(Translations.t("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
