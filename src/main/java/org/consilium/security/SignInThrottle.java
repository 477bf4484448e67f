package org.consilium.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated failed sign-ins, so that passwords cannot be guessed at
 * speed. Counts per username (existing or not, so that the lock reveals nothing); a successful sign-in
 * clears the count. Kept in memory: a restart forgives, which a single-node portal can accept.
 */
@Component
public class SignInThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockFor;
    private final Clock clock;
    private final AuditTrail audit;

    SignInThrottle(@Value("${consilium.sign-in.max-failures:5}") int maxFailures,
                   @Value("${consilium.sign-in.lock-for:15m}") Duration lockFor, Clock clock, AuditTrail audit) {
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
        this.clock = clock;
        this.audit = audit;
    }

    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        String username = failure.getAuthentication().getName();
        Failures now = failures.compute(key(username), (k, f) -> {
            int count = (f == null || (f.lockedUntil() != null && !clock.instant().isBefore(f.lockedUntil())))
                    ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockFor) : null);
        });
        if (now.count() == maxFailures) {
            audit.record(null, username, "ACCOUNT_LOCKED", "person", username, "Sign-in locked for "
                    + lockFor.toMinutes() + " minutes after " + maxFailures + " failed attempts", null);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        failures.remove(key(success.getAuthentication().getName()));
    }

    /** Forgets every count (tests, or an administrator unlocking after a false alarm). */
    public void reset(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
