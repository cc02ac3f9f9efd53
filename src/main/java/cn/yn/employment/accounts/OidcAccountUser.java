package cn.yn.employment.accounts;

import cn.yn.employment.common.security.CurrentUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The session's principal after an OIDC sign-in: the IdP's tokens (kept for single logout) plus the local account
 * as every module sees it. Its name is the local username, whatever claim matched it.
 */
final class OidcAccountUser extends DefaultOidcUser {

    private final CurrentUser user;

    OidcAccountUser(CurrentUser user, OidcUser fromIdp) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                fromIdp.getIdToken(), fromIdp.getUserInfo(), IdTokenClaimNames.SUB);
        this.user = user;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OidcAccountUser other && super.equals(o) && user.equals(other.user);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }

    @Override
    public String toString() {
        return "OidcAccountUser[" + user.username() + "]";
    }
}
