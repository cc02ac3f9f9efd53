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

    /**
     * The request's masked token against the token {@code CsrfFilter} loaded for this request (its request attribute,
     * from whatever repository the chain uses), both unmasked as {@link XorCsrfTokenRequestAttributeHandler} masks.
     */
    private boolean hasValidToken(HttpServletRequest request) {
        Object attribute = request.getAttribute(CsrfToken.class.getName());
        CsrfToken expected = attribute instanceof CsrfToken t ? t : tokens.loadToken(request);
        if (expected == null || expected.getToken() == null) {
            return false;
        }
        String sent = request.getParameter(expected.getParameterName());
        if (sent == null) {
            sent = request.getHeader(expected.getHeaderName());
        }
        byte[] want = attribute instanceof CsrfToken ? unmask(expected.getToken()) : expected.getToken().getBytes(StandardCharsets.UTF_8);
        byte[] got = unmask(sent);
        return want != null && got != null && MessageDigest.isEqual(want, got);
    }

    /** base64url(random ‖ random XOR token) → token; null when it is not such a value. */
    private static byte[] unmask(String masked) {
        if (masked == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getUrlDecoder().decode(masked);
        } catch (IllegalArgumentException e) { // a token that is not even well-formed
            return null;
        }
        int half = bytes.length / 2;
        if (half == 0 || bytes.length % 2 != 0) {
            return null;
        }
        byte[] token = new byte[half];
        for (int i = 0; i < half; i++) {
            token[i] = (byte) (bytes[i] ^ bytes[half + i]);
        }
        return token;
    }
}
