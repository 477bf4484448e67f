package org.consilium.audit;

import org.consilium.proposal.ProposalStatusChanged;
import org.consilium.security.ConsiliumUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Events other features publish, kept in the trail: sign-ins (failed ones too) and status changes. */
@Component
class AuditListeners {

    private final AuditTrail audit;

    AuditListeners(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof ConsiliumUser user) {
            audit.record(user.personId(), user.getUsername(), "SIGN_IN", "person", user.getUsername(),
                    "Signed in", null);
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        String username = String.valueOf(failure.getAuthentication().getName());
        audit.record(null, username, "SIGN_IN_FAILED", "person", username, "Sign-in refused",
                failure.getException().getClass().getSimpleName() + ": " + failure.getException().getMessage());
    }

    /** The new status, in the transaction that changed it. */
    @EventListener
    void on(ProposalStatusChanged changed) {
        audit.record("STATUS_CHANGED", "proposal", changed.reference(), "Status: " + changed.status().label(), null);
    }
}
