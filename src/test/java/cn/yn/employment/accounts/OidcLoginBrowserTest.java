package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import cn.yn.testidp.TestOidcProvider;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The screenshots of docs/operations.md "Unified identity (OIDC)": the login page with 统一身份认证登录 under the
 * password form ({@code login-oidc}) and the identity provider's sign-in page it leads to ({@code oidc-idp-signin}; here
 * the test provider {@link TestOidcProvider}), then back in the application signed in. Runs only when
 * {@code -Dems.screenshots.dir} is given: it needs an application of its own with an IdP, a start CI need not pay for,
 * since {@link OidcLoginTest} proves the flow itself on every run. Take them with
 * {@code ./mvnw -B test -Pbrowser -Dtest=OidcLoginBrowserTest -Dems.screenshots.dir=docs/images}.
 */
@Tag("browser")
@EnabledIfSystemProperty(named = BrowserWaits.SCREENSHOTS_DIR, matches = ".+",
        disabledReason = "takes the OIDC screenshots of docs/operations.md only (-Dems.screenshots.dir)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.devmode.devTools.enabled=false", "management.server.port=0",
        "app.oidc.enabled=true",
        "app.oidc.username-claim=employee_number",
        "spring.security.oauth2.client.registration.idp.provider=idp",
        "spring.security.oauth2.client.registration.idp.client-id=" + TestOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.idp.client-secret=" + TestOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.idp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.idp.scope=openid,profile"})
class OidcLoginBrowserTest {

    static final String IDP_LOGIN = "zhang.san";
    static final String IDP_PASSWORD = "Idp-pass-1";

    /** Started with the application (its issuer is read at start-up), not when the class is merely loaded. */
    static TestOidcProvider idp;
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        idp = TestOidcProvider.start();
        registry.add("spring.security.oauth2.client.provider.idp.issuer-uri", idp::issuer);
    }

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1280, 860);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void theLoginPageOffersUnifiedIdentityAndTheIdpSignsTheReviewerIn() {
        String app = BrowserWaits.base(port);
        idp.allowClient(app + "/login/oauth2/code/idp", app + "/login");
        if (users.findByUsernameIgnoreCase("km.oidc").isEmpty()) {
            users.save(new AppUser("km.oidc", encoder.encode("Local12345"), "昆明市审核员 张三", Set.of(Role.CITY_REVIEWER),
                    Scope.city("530100"), clock.instant()));
        }
        idp.person(IDP_LOGIN, IDP_PASSWORD, Map.of("employee_number", "km.oidc"));

        BrowserWaits.openLogin(driver, port);
        WebElement start = driver.findElement(By.id("oidc-login"));
        assertThat(start.getText()).contains("统一身份认证登录");
        BrowserWaits.screenshot(driver, "login-oidc");

        BrowserWaits.js(driver, "arguments[0].click();", start);
        BrowserWaits.waitFor(driver, 60).until(d -> d.getCurrentUrl().startsWith(idp.issuer())
                && !d.findElements(By.id("username")).isEmpty());
        BrowserWaits.screenshotNow(driver, "oidc-idp-signin");
        driver.findElement(By.id("username")).sendKeys(IDP_LOGIN);
        driver.findElement(By.id("password")).sendKeys(IDP_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        BrowserWaits.waitFor(driver, 90).until(d -> d.getCurrentUrl().startsWith(app) && !d.findElements(BrowserWaits.MAIN).isEmpty());
        BrowserWaits.settled(driver);
        assertThat(driver.findElement(By.id("user-menu")).getText()).contains("昆明市审核员 张三");
    }
}
