package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of OIDC sign-ins: {@code LOGIN_OIDC} (and the account's last login, as a password login sets it) and
 * {@code LOGIN_OIDC_REFUSED} with the reason. A refusal does not count towards the local lockout: the IdP checked
 * the credentials, and a refused person has no local password to guess.
 */
class OidcLoginAudit {

    static final String SUCCESS = "LOGIN_OIDC";
    static final String REFUSED = "LOGIN_OIDC_REFUSED";

    private static final Logger log = LoggerFactory.getLogger(OidcLoginAudit.class);

    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    OidcLoginAudit(AppUserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void succeeded(OidcAccountUser principal) {
        users.findById(principal.user().id()).ifPresent(u -> u.registerSuccess(clock.instant()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("issuer", String.valueOf(principal.getIssuer()));
        after.put("subject", principal.getSubject());
        audit.recordAs(principal.getName(), SUCCESS, "user", principal.getName(), null, after);
    }

    /** Records the refusal and answers the refusal page's {@code reason} parameter. */
    @Transactional
    public String refused(AuthenticationException e) {
        Map<String, Object> after = new LinkedHashMap<>();
        String reason;
        String account;
        if (e instanceof OidcRefusal r) {
            reason = r.reason().parameter();
            account = r.account() == null ? "?" : r.account();
            after.put("subject", r.subject());
        } else if (e instanceof OAuth2AuthenticationException o) {
            // invalid_id_token (expired, wrong issuer or audience, bad signature), authorization_request_not_found
            // (a stale or replayed callback), the IdP's own errors (access_denied, …)
            reason = "invalid_id_token".equals(o.getError().getErrorCode()) ? "token" : "error";
            account = "?";
            after.put("error", o.getError().getErrorCode());
        } else {
            reason = "error";
            account = "?";
            after.put("error", e.getClass().getSimpleName());
        }
        after.put("reason", reason);
        log.warn("OIDC sign-in refused ({}) for {}: {}", reason, account, e.getMessage());
        audit.recordAs(account, REFUSED, "user", account, null, after);
        return reason;
    }
}
