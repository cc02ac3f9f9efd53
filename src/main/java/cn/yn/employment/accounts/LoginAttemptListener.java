package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins and locks the account for a while after too many. The login form always shows the
 * same message, so a guesser cannot tell unknown users, wrong passwords and locked accounts apart.
 */
@Component
class LoginAttemptListener {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final LoginMetrics metrics;

    LoginAttemptListener(AppUserRepository users, AuditLog audit, Clock clock, LoginMetrics metrics,
                         @Value("${app.security.max-failed-logins:5}") int maxFailures,
                         @Value("${app.security.lockout-minutes:15}") long lockoutMinutes) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.maxFailures = maxFailures;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        metrics.failedLogin();
        audit.recordAs(username, "LOGIN_FAILED", "user", username, null,
                Map.of("reason", event.getException().getClass().getSimpleName()));
        users.findByUsernameIgnoreCase(username).ifPresent(u -> {
            if (u.isLockedAt(clock.instant())) {
                return;
            }
            if (u.registerFailure(maxFailures, clock.instant(), lockout)) {
                log.warn("account {} locked until {} after {} failed logins", u.getUsername(), u.getLockedUntil(), maxFailures);
                audit.recordAs("system", "ACCOUNT_LOCKED", "user", u.getUsername(), null,
                        Map.of("lockedUntil", u.getLockedUntil().toString()));
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserPrincipal p) {
            users.findById(p.user().id()).ifPresent(u -> u.registerSuccess(clock.instant()));
            audit.recordAs(p.getUsername(), "LOGIN", "user", p.getUsername(), null, null);
        }
    }
}
