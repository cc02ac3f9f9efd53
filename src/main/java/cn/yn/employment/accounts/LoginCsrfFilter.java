package cn.yn.employment.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the CSRF token on the login form's {@code POST /login}. Vaadin's {@code VaadinWebSecurity.setLoginView}
 * adds the login path to the CSRF filter's exemptions, which made login CSRF possible: another site could sign a
 * visitor in to an account of its choosing. The exemption cannot be taken back through Spring Security's API
 * (and {@code CsrfFilter} is final), so this filter, placed right after it, checks that one request the way it
 * would: the session's token (Spring Security's default repository) against the request's masked token (its
 * default handler). Vaadin's login form sends the token from the page's {@code _csrf} meta tags by itself.
 * A missing or stale token (say, a login page left open past the session timeout) leads back to the login page
 * with {@code ?expired}, never to a signed-in session.
 */
final class LoginCsrfFilter extends OncePerRequestFilter {

    static final String EXPIRED_URL = "/login?expired";

    private final RequestMatcher loginPost;
    private final CsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
    private final CsrfTokenRequestHandler handler = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrfFilter(String loginPath) {
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loginPost.matches(request) || hasValidToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + EXPIRED_URL);
    }

    private boolean hasValidToken(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        if (expected == null) {
            return false;
        }
        String actual;
        try {
            actual = handler.resolveCsrfTokenValue(request, expected);
        } catch (IllegalArgumentException e) { // a token that is not even well-formed
            return false;
        }
        return actual != null && MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
