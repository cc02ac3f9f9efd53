package cn.yn.employment.accounts;

import cn.yn.employment.common.security.Role;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the province's identity provider (issue 16 §1, ADR 0026; settings in docs/operations.md
 * "Unified identity (OIDC)"). Off unless {@code app.oidc.enabled=true} (profile {@code oidc}); the client itself is
 * Spring Boot's {@code spring.security.oauth2.client.registration.<registrationId>}.
 *
 * @param usernameClaim the ID token / userinfo claim whose value is the local account's username
 * @param groupRoles    optional and explicit: IdP group → roles added to the local ones for the session (the scope
 *                      always stays the local account's); empty = roles are purely local
 */
@ConfigurationProperties("app.oidc")
public record OidcProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("idp") String registrationId,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        Map<String, Set<Role>> groupRoles,
        @DefaultValue("{baseUrl}/login") String postLogoutRedirectUri) {

    public OidcProperties {
        groupRoles = groupRoles == null ? Map.of() : Map.copyOf(groupRoles);
    }

    /** Where the login page's button starts the authorization-code flow. */
    public String authorizationPath() {
        return "/oauth2/authorization/" + registrationId;
    }
}
