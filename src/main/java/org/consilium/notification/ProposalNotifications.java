package org.consilium.notification;

import java.util.List;
import org.consilium.proposal.ProposalStatus;
import org.consilium.proposal.ProposalStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the applicant each decision on their proposal, in the transaction that took it. */
@Component
class ProposalNotifications {

    private final NotificationService notifications;

    ProposalNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ProposalStatusChanged changed) {
        if (changed.status() == ProposalStatus.SUBMITTED) {
            return; // the applicant's own resubmission
        }
        notifications.notify(List.of(changed.applicantId()), changed.proposalId(),
                NotificationText.message("notification.proposal.status", changed.reference(),
                        NotificationText.message(statusKey(changed.status()))));
    }

    /** The key of a proposal status's wording, e.g. {@code notification.proposalStatus.APPROVED}. */
    static String statusKey(ProposalStatus status) {
        return "notification.proposalStatus." + status.name();
    }
}
