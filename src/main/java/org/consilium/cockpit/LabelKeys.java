package org.consilium.cockpit;

import org.consilium.agreement.AgreementStatus;
import org.consilium.proposal.ProposalStatus;

/** The translation keys of the names the cockpit shows for statuses, stages, steps and filters (i18n/messages*.properties). */
final class LabelKeys {

    private LabelKeys() {
    }

    static String status(ProposalStatus status) {
        return "cockpit.status." + status.name();
    }

    static String agreementStatus(AgreementStatus status) {
        return "cockpit.agreementStatus." + status.name();
    }

    static String stage(Stage stage) {
        return "cockpit.stage." + stage.name();
    }

    /** A step of proposal-lifecycle, by its task definition key. */
    static String step(String step) {
        return "cockpit.step." + step;
    }

    static String due(TaskDue due) {
        return "cockpit.due." + due.name();
    }

    static String show(AgreementShow show) {
        return "cockpit.show." + show.name();
    }

    /** A role offered a task (its candidate group). */
    static String role(String role) {
        return "cockpit.role." + role;
    }
}
