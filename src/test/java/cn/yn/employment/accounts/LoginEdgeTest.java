package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.RealServerTest;
import cn.yn.employment.demo.DemoAccounts;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18 items 5 and 6 against a real Tomcat: the session id never goes into a URL; {@code POST /login} needs
 * the CSRF token of the login page (login CSRF: another site could sign a visitor in to an account of its
 * choosing); a state-changing browser request from a foreign Origin/Referer is refused; the token API is unchanged.
 */
class LoginEdgeTest extends RealServerTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");
    private static final String PASSWORD = "Demo12345";

    @Autowired ServletContext servletContext;

    /** A browser that opened the login page: its session cookie and the page's CSRF parameter and token. */
    record LoginPage(String cookie, String parameter, String token) {
    }

    LoginPage openLoginPage() throws Exception {
        HttpResponse<String> page = get(app("/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String parameter = null;
        String token = null;
        Matcher m = META.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                token = m.group(2);
            } else {
                parameter = m.group(2);
            }
        }
        assertThat(parameter).as("the login page carries the CSRF meta tags the login form sends").isNotNull();
        assertThat(token).isNotBlank();
        return new LoginPage(cookie, parameter, token);
    }

    private static Map<String, String> credentials() {
        return Map.of("username", DemoAccounts.SYSTEM_ADMIN, "password", PASSWORD);
    }

    private static Map<String, String> credentials(LoginPage page) {
        return Map.of("username", DemoAccounts.SYSTEM_ADMIN, "password", PASSWORD, page.parameter(), page.token());
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void theLoginFormWithItsTokenSignsIn() throws Exception {
        LoginPage page = openLoginPage();
        HttpResponse<String> r = postForm(app("/login"), credentials(page), "Cookie", page.cookie(), "Origin", app(""));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).doesNotContain("/login");
    }

    @Test
    void loginWithoutTheTokenIsRefusedEvenWithTheSessionCookie() throws Exception {
        LoginPage page = openLoginPage();
        HttpResponse<String> r = postForm(app("/login"), credentials(), "Cookie", page.cookie());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).endsWith("/login?expired");
        // the session is still anonymous: the home page sends it to the login page
        HttpResponse<String> home = get(app("/"), "Cookie", page.cookie());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).contains("/login");
    }

    @Test
    void aForgedLoginFromAnotherSiteDoesNotSignIn() throws Exception {
        // what the attacker's page posts: the victim's browser has no session of ours, no token
        HttpResponse<String> noCookie = postForm(app("/login"), credentials());
        assertThat(noCookie.statusCode()).isEqualTo(302);
        assertThat(location(noCookie)).endsWith("/login?expired");
        HttpResponse<String> foreign = postForm(app("/login"), credentials(), "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        LoginPage page = openLoginPage();
        Map<String, String> form = Map.of("username", DemoAccounts.SYSTEM_ADMIN, "password", PASSWORD,
                page.parameter(), page.token().substring(1) + "A");
        HttpResponse<String> r = postForm(app("/login"), form, "Cookie", page.cookie());
        assertThat(location(r)).endsWith("/login?expired");
    }

    @Test
    void aForeignOriginOrRefererIsRefusedEvenWithAValidToken() throws Exception {
        for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Origin", "null"},
                {"Referer", "https://evil.example/page.html"}, {"Origin", "http://localhost.evil.example:" + port}}) {
            LoginPage page = openLoginPage();
            HttpResponse<String> r = postForm(app("/login"), credentials(page), "Cookie", page.cookie(), header[0], header[1]);
            assertThat(r.statusCode()).as(String.join(": ", header)).isEqualTo(403);
        }
        LoginPage page = openLoginPage();
        HttpResponse<String> logout = postForm(app("/logout"), Map.of(page.parameter(), page.token()),
                "Cookie", page.cookie(), "Origin", "https://evil.example");
        assertThat(logout.statusCode()).isEqualTo(403);
    }

    @Test
    void aSameOriginRefererIsAccepted() throws Exception {
        LoginPage page = openLoginPage();
        HttpResponse<String> r = postForm(app("/login"), credentials(page), "Cookie", page.cookie(), "Referer", app("/login"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).doesNotContain("/login");
    }

    @Test
    void theSessionIdNeverGoesIntoAUrl() throws Exception {
        assertThat(servletContext.getEffectiveSessionTrackingModes()).containsExactly(SessionTrackingMode.COOKIE);
        for (Map<String, String> form : java.util.List.of(credentials(),
                Map.of("username", DemoAccounts.SYSTEM_ADMIN, "password", "wrong"))) {
            HttpResponse<String> r = postForm(app("/login"), form);
            assertThat(location(r)).doesNotContainIgnoringCase("jsessionid");
            assertThat(r.body()).doesNotContainIgnoringCase("jsessionid");
        }
        // and after a successful sign-in without a cookie jar
        LoginPage page = openLoginPage();
        HttpResponse<String> r = postForm(app("/login"), credentials(page), "Cookie", page.cookie());
        assertThat(location(r)).doesNotContainIgnoringCase("jsessionid");
        assertThat(get(app("/login")).body()).doesNotContainIgnoringCase(";jsessionid=");
    }

    @Test
    void theTokenApiNeedsNoCsrfTokenAndIgnoresOrigin() throws Exception {
        String basic = Base64.getEncoder().encodeToString((DemoAccounts.ENTERPRISE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app("/api/v1/tokens")))
                .header("Authorization", "Basic " + basic).header("Origin", "https://hr-system.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"tokenType\":\"Bearer\"");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(Set.of(r.statusCode())).doesNotContain(403);
    }
}
