package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.testidp.CookieBrowser;
import cn.yn.testidp.TestOidcProvider;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Issue 16 §1 against a real OpenID Connect provider ({@link TestOidcProvider}: Spring Authorization Server in its own
 * context on its own port; nothing of the token endpoint is mocked) and a real Tomcat: the authorization-code flow
 * driven hop by hop as a browser follows it; the local account chosen by a configured claim (here
 * {@code employee_number}, case-insensitive) with its local roles and scope plus the explicit group mapping; unknown,
 * disabled and locked accounts and a missing claim refused with the refusal page (no account created); an expired ID
 * token refused; RP-initiated logout ending both sessions; an expired local session signed in again through the
 * IdP's session; the audit entries; the password form and its CSRF check unchanged beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.server.address=127.0.0.1",
        "app.oidc.enabled=true",
        "app.oidc.username-claim=employee_number",
        "app.oidc.group-roles[ems-leaders]=LEADER",
        "spring.security.oauth2.client.registration.idp.provider=idp",
        "spring.security.oauth2.client.registration.idp.client-id=" + TestOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.idp.client-secret=" + TestOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.idp.scope=openid,profile"})
class OidcLoginTest {

    static final TestOidcProvider idp = TestOidcProvider.start();

    private static final String PASSWORD = "Idp-pass-1";
    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");
    private static final Pattern IDP_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.idp.issuer-uri", idp::issuer);
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    /** Who the application thinks the session is: "username|ROLES|SCOPE", for the assertions only. */
    @TestConfiguration
    static class WhoAmI {
        @Bean
        RouterFunction<ServerResponse> oidcTestWhoAmI(CurrentUserProvider users) {
            return RouterFunctions.route()
                    .GET("/test-oidc/whoami", request -> ServerResponse.ok().body(users.find().map(OidcLoginTest::describe).orElse("anonymous")))
                    .GET("/test-oidc/expire-soon", request -> {
                        request.servletRequest().getSession().setMaxInactiveInterval(1);
                        return ServerResponse.ok().body("ok");
                    })
                    .build();
        }
    }

    static String describe(CurrentUser u) {
        return u.username() + "|" + new TreeSet<>(u.roles().stream().map(Role::name).toList()) + "|" + u.scope().type() + ":" + u.scope().code();
    }

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;

    private final CookieBrowser browser = new CookieBrowser();

    @BeforeEach
    void registerClientAndPeople() {
        idp.allowClient(app("/login/oauth2/code/idp"), app("/login"));
        account("oidc.city", Set.of(Role.CITY_REVIEWER), Scope.city("530100"), true, false);
        account("oidc.province", Set.of(Role.PROVINCE_REVIEWER), Scope.province(), true, false);
        account("oidc.disabled", Set.of(Role.CITY_REVIEWER), Scope.city("530100"), false, false);
        account("oidc.locked", Set.of(Role.CITY_REVIEWER), Scope.city("530100"), true, true);
        idp.person("zhang.san", PASSWORD, Map.of("employee_number", "OIDC.City", "groups", List.of("ems-leaders", "somewhere-else")));
        idp.person("qian.qi", PASSWORD, Map.of("employee_number", "oidc.province"));
        idp.person("li.si", PASSWORD, Map.of("employee_number", "nobody.oidc"));
        idp.person("wang.wu", PASSWORD, Map.of("employee_number", "oidc.disabled"));
        idp.person("zhou.ba", PASSWORD, Map.of("employee_number", "oidc.locked"));
        idp.person("zhao.liu", PASSWORD, Map.of("preferred_username", "oidc.city")); // not the configured claim
        idp.person("late.person", PASSWORD, Map.of("employee_number", "oidc.province"));
        idp.issueExpiredIdTokens("late.person");
    }

    private void account(String username, Set<Role> roles, Scope scope, boolean enabled, boolean locked) {
        AppUser u = users.findByUsernameIgnoreCase(username).orElseGet(() ->
                new AppUser(username, encoder.encode("Local12345"), username, roles, scope, clock.instant()));
        u.setEnabled(enabled);
        if (locked && !u.isLockedAt(clock.instant())) {
            u.registerFailure(1, clock.instant(), Duration.ofDays(1));
        }
        users.save(u);
    }

    String app(String path) {
        return "http://localhost:" + port + path;
    }

    private boolean atProvider(String url) {
        return url.startsWith(idp.issuer());
    }

    /** Through the application and the provider, stopping at the provider's sign-in form or back at the application. */
    private HttpResponse<String> follow(HttpResponse<String> r) throws Exception {
        return follow(browser, r);
    }

    private HttpResponse<String> follow(CookieBrowser b, HttpResponse<String> r) throws Exception {
        return b.follow(r, next -> atProvider(next) && !next.startsWith(idp.issuer() + "/login")
                || next.startsWith(app("/login/oauth2/code/")) || next.startsWith(app("/oauth2/authorization/")));
    }

    /**
     * Clicks "统一身份认证登录": {@code /oauth2/authorization/idp} → the provider's authorize endpoint → (its sign-in
     * form, if it has no session yet) → the application's redirect URI with the code (exchanged at the real token
     * endpoint) → wherever the application sends the browser. Answers that last location.
     */
    private String signIn(String login) throws Exception {
        return signIn(browser, login);
    }

    private String signIn(CookieBrowser b, String login) throws Exception {
        HttpResponse<String> r = follow(b, b.get(app("/oauth2/authorization/idp")));
        String next = CookieBrowser.location(r);
        if (next != null && next.startsWith(idp.issuer() + "/login")) {
            r = providerForm(b, next, login);
        }
        assertThat(r.statusCode()).as("back at the application: %s", r.uri()).isEqualTo(302);
        assertThat(r.uri().toString()).startsWith(app("/login/oauth2/code/idp?"));
        return CookieBrowser.location(r);
    }

    private HttpResponse<String> providerForm(CookieBrowser b, String loginUrl, String login) throws Exception {
        HttpResponse<String> form = b.get(loginUrl);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher m = IDP_CSRF.matcher(form.body());
        assertThat(m.find()).as("the provider's sign-in form").isTrue();
        HttpResponse<String> r = b.postForm(loginUrl,
                Map.of("username", login, "password", PASSWORD, "_csrf", m.group(1)));
        return follow(b, r);
    }

    private String whoAmI() throws Exception {
        HttpResponse<String> r = browser.get(app("/test-oidc/whoami"));
        return r.statusCode() == 200 ? r.body() : r.statusCode() + " " + CookieBrowser.location(r);
    }

    private List<Map<String, Object>> audit(String action, String target) {
        return jdbc.queryForList("select actor, after_json from audit_log where action = ? and target_id = ? order by id",
                action, target);
    }

    @Test
    void theAuthorizationCodeFlowSignsInAsTheLocalAccountTheClaimNamesWithLocalScopeAndMappedGroup() throws Exception {
        String landed = signIn("zhang.san");

        assertThat(landed).isEqualTo(app("/"));
        // the claim's value in another case; roles: the local one plus LEADER from group ems-leaders; scope local
        assertThat(whoAmI()).isEqualTo("oidc.city|[CITY_REVIEWER, LEADER]|CITY:530100");
        assertThat(browser.get(app("/")).statusCode()).as("a Vaadin page of the signed-in user").isEqualTo(200);
        assertThat(audit(OidcLoginAudit.SUCCESS, "oidc.city")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("after_json").toString()).contains("\"subject\":\"zhang.san\"")
                        .contains(idp.issuer()));
        assertThat(users.findByUsernameIgnoreCase("oidc.city").orElseThrow().getLastLoginAt()).isNotNull();
    }

    @Test
    void withoutGroupsTheRolesAreExactlyTheLocalOnes() throws Exception {
        assertThat(signIn("qian.qi")).isEqualTo(app("/"));
        assertThat(whoAmI()).isEqualTo("oidc.province|[PROVINCE_REVIEWER]|PROVINCE:530000");
    }

    @Test
    void anUnknownPersonIsRefusedWithAClearPageAndNoAccountIsCreated() throws Exception {
        String landed = signIn("li.si");

        assertThat(landed).isEqualTo(app("/sso-refused?reason=unknown"));
        assertThat(browser.get(landed).statusCode()).as("the refusal page is public").isEqualTo(200);
        assertThat(whoAmI()).isEqualTo("302 " + app("/login"));
        assertThat(users.existsByUsernameIgnoreCase("nobody.oidc")).isFalse();
        assertThat(audit(OidcLoginAudit.REFUSED, "nobody.oidc")).singleElement()
                .satisfies(row -> assertThat(row.get("after_json").toString()).contains("\"reason\":\"unknown\"")
                        .contains("\"subject\":\"li.si\""));
    }

    @Test
    void disabledAndLockedLocalAccountsAreRefused() throws Exception {
        assertThat(signIn("wang.wu")).isEqualTo(app("/sso-refused?reason=disabled"));
        assertThat(whoAmI()).startsWith("302 ");
        assertThat(signIn(new CookieBrowser(), "zhou.ba")).isEqualTo(app("/sso-refused?reason=locked"));
        assertThat(audit(OidcLoginAudit.REFUSED, "oidc.disabled")).isNotEmpty();
        assertThat(audit(OidcLoginAudit.REFUSED, "oidc.locked")).isNotEmpty();
        assertThat(users.findByUsernameIgnoreCase("oidc.locked").orElseThrow().getLastLoginAt()).isNull();
    }

    @Test
    void aPersonWithoutTheConfiguredClaimIsRefused() throws Exception {
        // preferred_username names a local account, but the configured claim is employee_number
        assertThat(signIn("zhao.liu")).isEqualTo(app("/sso-refused?reason=noclaim"));
        assertThat(whoAmI()).startsWith("302 ");
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        assertThat(signIn("late.person")).isEqualTo(app("/sso-refused?reason=token"));
        assertThat(whoAmI()).isEqualTo("302 " + app("/login"));
        assertThat(audit(OidcLoginAudit.REFUSED, "?")).anySatisfy(row ->
                assertThat(row.get("after_json").toString()).contains("invalid_id_token"));
    }

    @Test
    void logoutEndsTheSessionHereAndAtTheProvider() throws Exception {
        signIn("qian.qi");
        assertThat(whoAmI()).startsWith("oidc.province|");
        HttpResponse<String> page = browser.get(app("/"));
        Map<String, String> csrf = csrf(page.body());

        HttpResponse<String> out = browser.postForm(app("/logout"), csrf, "Origin", app(""));

        String endSession = CookieBrowser.location(out);
        assertThat(endSession).startsWith(idp.issuer() + "/connect/logout?").contains("id_token_hint=");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8)).contains("post_logout_redirect_uri=" + app("/login"));
        HttpResponse<String> atProvider = browser.get(endSession);
        assertThat(CookieBrowser.location(atProvider)).as("the provider sends the browser back").isEqualTo(app("/login"));
        assertThat(whoAmI()).isEqualTo("302 " + app("/login"));
        // the provider's session ended too: signing in again asks for the password
        HttpResponse<String> again = follow(browser.get(app("/oauth2/authorization/idp")));
        assertThat(CookieBrowser.location(again)).startsWith(idp.issuer() + "/login");
    }

    @Test
    void anExpiredSessionGoesBackToTheLoginPageAndTheProviderSignsInAgainWithoutAPassword() throws Exception {
        signIn("qian.qi");
        assertThat(browser.get(app("/test-oidc/expire-soon")).statusCode()).isEqualTo(200);
        Thread.sleep(2_100); // the session's inactivity limit is now one second

        assertThat(whoAmI()).isEqualTo("302 " + app("/login"));
        HttpResponse<String> r = follow(browser.get(app("/oauth2/authorization/idp")));
        assertThat(r.uri().toString()).as("no sign-in form at the provider: its session lives on")
                .startsWith(app("/login/oauth2/code/idp?"));
        assertThat(whoAmI()).startsWith("oidc.province|");
    }

    @Test
    void thePasswordFormStillWorksBesideItWithItsCsrfCheck() throws Exception {
        HttpResponse<String> login = browser.get(app("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        Map<String, String> form = new java.util.HashMap<>(csrf(login.body()));
        form.put("username", "oidc.province");
        form.put("password", "Local12345");
        HttpResponse<String> r = browser.postForm(app("/login"), form, "Origin", app(""));
        assertThat(CookieBrowser.location(r)).doesNotContain("/login");
        assertThat(whoAmI()).startsWith("oidc.province|");

        CookieBrowser noToken = new CookieBrowser();
        noToken.get(app("/login"));
        HttpResponse<String> refused = noToken.postForm(app("/login"), Map.of("username", "oidc.province", "password", "Local12345"));
        assertThat(CookieBrowser.location(refused)).isEqualTo(app("/login?expired"));
    }

    private static Map<String, String> csrf(String html) {
        Map<String, String> meta = new java.util.HashMap<>();
        Matcher m = META.matcher(html);
        while (m.find()) {
            meta.put(m.group(1), m.group(2));
        }
        assertThat(meta).as("the page's CSRF meta tags").containsKeys("_csrf", "_csrf_parameter");
        return Map.of(meta.get("_csrf_parameter"), meta.get("_csrf"));
    }
}
