package cn.yn.employment.accounts;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Adds Spring Security's OAuth2 login (authorization-code flow, OpenID Connect) beside the password form, when
 * {@code app.oidc.enabled}: {@code /oauth2/authorization/<id>} starts it, {@code /login/oauth2/code/<id>} is the
 * redirect URI. The password form, its CSRF check ({@link LoginCsrfFilter}), {@link SameOriginFilter}, the login
 * throttle and the session handling of {@link SecurityConfig} are unchanged. Logout becomes RP-initiated logout at
 * the IdP's {@code end_session_endpoint} for OIDC sessions (password sessions still land on the login page).
 */
class OidcLogin {

    /** The page that tells a refused person why (accounts.ui.OidcRefusedView). */
    static final String REFUSED_PATH = "/sso-refused";

    private final OidcProperties properties;
    private final OidcAccountUserService accounts;
    private final OidcLoginAudit audit;
    private final VaadinDefaultRequestCache requestCache;

    OidcLogin(OidcProperties properties, OidcAccountUserService accounts, OidcLoginAudit audit,
              VaadinDefaultRequestCache requestCache) {
        this.properties = properties;
        this.accounts = accounts;
        this.audit = audit;
        this.requestCache = requestCache;
    }

    /**
     * @param oidcLogout Vaadin's RP-initiated logout handler for a post-logout redirect URI (it also works from a UI
     *                   request, where a plain redirect would not)
     */
    void configure(HttpSecurity http, String loginPath, Function<String, LogoutSuccessHandler> oidcLogout)
            throws Exception {
        VaadinSavedRequestAwareAuthenticationSuccessHandler saved = new VaadinSavedRequestAwareAuthenticationSuccessHandler();
        saved.setRequestCache(requestCache);
        AuthenticationSuccessHandler success = (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof OidcAccountUser p) {
                audit.succeeded(p);
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
        AuthenticationFailureHandler failure = (request, response, exception) -> {
            String reason = audit.refused(exception);
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + REFUSED_PATH + "?reason=" + reason);
        };
        http.oauth2Login(o -> o.loginPage(loginPath)
                .userInfoEndpoint(u -> u.oidcUserService(accounts))
                .successHandler(success)
                .failureHandler(failure)
                .permitAll());
        LogoutSuccessHandler logout = oidcLogout.apply(properties.postLogoutRedirectUri());
        if (logout instanceof SimpleUrlLogoutSuccessHandler simple) {
            simple.setDefaultTargetUrl(loginPath); // a password session: back to the login page as before
        }
        http.logout(l -> l.logoutSuccessHandler(logout));
    }
}
