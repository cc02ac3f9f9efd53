package cn.yn.employment.accounts;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the person the IdP vouched for into a local account: the configured claim's value must be an existing
 * local username (case-insensitive), and that account must be enabled and not locked. Roles and scope are the local
 * account's; an explicit {@code app.oidc.group-roles} mapping may add roles for the IdP groups the user is in.
 * Nothing is ever created. Runs after Spring Security validated the ID token (signature, issuer, audience, expiry,
 * nonce) and fetched userinfo.
 */
final class OidcAccountUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> idp;
    private final AppUserRepository users;
    private final Clock clock;
    private final OidcProperties properties;

    OidcAccountUserService(AppUserRepository users, Clock clock, OidcProperties properties) {
        this(new OidcUserService(), users, clock, properties);
    }

    OidcAccountUserService(OAuth2UserService<OidcUserRequest, OidcUser> idp, AppUserRepository users, Clock clock,
                           OidcProperties properties) {
        this.idp = idp;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toAccount(idp.loadUser(request));
    }

    OidcAccountUser toAccount(OidcUser fromIdp) {
        Object value = fromIdp.getClaims().get(properties.usernameClaim());
        String username = value == null ? null : value.toString().trim();
        if (username == null || username.isEmpty()) {
            throw new OidcRefusal(OidcRefusal.Reason.NO_CLAIM, null, fromIdp.getSubject());
        }
        AppUser account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new OidcRefusal(OidcRefusal.Reason.UNKNOWN, username, fromIdp.getSubject()));
        if (!account.isEnabled()) {
            throw new OidcRefusal(OidcRefusal.Reason.DISABLED, account.getUsername(), fromIdp.getSubject());
        }
        if (account.isLockedAt(clock.instant())) {
            throw new OidcRefusal(OidcRefusal.Reason.LOCKED, account.getUsername(), fromIdp.getSubject());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.getRoles());
        roles.addAll(mappedRoles(fromIdp));
        CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(), roles,
                account.scope());
        return new OidcAccountUser(user, fromIdp);
    }

    /** The roles of {@code app.oidc.group-roles} for the groups in the groups claim; none unless configured. */
    Set<Role> mappedRoles(OidcUser fromIdp) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (properties.groupRoles().isEmpty()) {
            return roles;
        }
        for (String group : groups(fromIdp.getClaims().get(properties.groupsClaim()))) {
            roles.addAll(properties.groupRoles().getOrDefault(group, Set.of()));
        }
        return roles;
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s) {
            return List.of(s.split("[,\\s]+"));
        }
        return List.of();
    }
}
