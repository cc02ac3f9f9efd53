package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.RealServerTest;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S5 (issue 14) on a real Tomcat: every page carries the Content-Security-Policy (with frame-ancestors), nosniff,
 * X-Frame-Options and the referrer policy; the API a policy under which nothing runs; the session cookie is
 * HttpOnly and SameSite=Lax always and Secure (with HSTS) when the request came through the TLS proxy
 * ({@code X-Forwarded-Proto: https}, {@code server.forward-headers-strategy: native}). That the pages satisfy their
 * policy is {@code CspBrowserTest} (headless Chromium).
 */
class SecureHeadersAndCookiesTest extends RealServerTest {

    private static String sessionCookie(HttpHeaders h) {
        return h.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse(null);
    }

    @Test
    void pagesCarryThePolicyAndTheSecureHeaders() throws Exception {
        for (String path : List.of("/login", "/", "/register")) {
            HttpHeaders h = get(app(path)).headers();
            assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.PAGES_CSP);
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        assertThat(SecurityHeaders.PAGES_CSP).contains("frame-ancestors 'self'").contains("object-src 'none'")
                .contains("base-uri 'self'").contains("form-action 'self'").doesNotContain("*").doesNotContain("http:");
    }

    @Test
    void theApiAnswersUnderAPolicyWhereNothingRunsAndSetsNoCookie() throws Exception {
        HttpResponse<String> r = get(app("/api/v1/periods/current"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.API_CSP);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(sessionCookie(r.headers())).isNull();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() throws Exception {
        String plain = sessionCookie(get(app("/login")).headers());
        assertThat(plain).as("the login page starts a session").isNotNull();
        assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");

        HttpResponse<String> tls = get(app("/login"), "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(tls.headers())).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("; Secure");
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
