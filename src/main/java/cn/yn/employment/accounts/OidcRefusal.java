package cn.yn.employment.accounts;

import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The identity provider vouched for someone, but this system will not let them in: no local account matches the
 * claim, or the local account is disabled or locked. Never creates an account.
 */
final class OidcRefusal extends OAuth2AuthenticationException {

    public enum Reason {
        /** the configured claim is missing from the ID token and userinfo */
        NO_CLAIM,
        /** no local account has the claim's value as its username */
        UNKNOWN,
        DISABLED,
        LOCKED;

        /** The {@code reason} parameter of the refusal page. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT).replace("_", "");
        }
    }

    private final Reason reason;
    private final String account;
    private final String subject;

    OidcRefusal(Reason reason, String account, String subject) {
        super(new OAuth2Error("access_denied", "local account refused: " + reason, null));
        this.reason = reason;
        this.account = account;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    /** The claim's value (the username looked for), or null when the claim was missing. */
    public String account() {
        return account;
    }

    /** The IdP's {@code sub}. */
    public String subject() {
        return subject;
    }
}
