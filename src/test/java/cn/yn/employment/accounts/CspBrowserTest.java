package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S5 (issue 14): the pages satisfy their Content-Security-Policy ({@link SecurityHeaders#PAGES_CSP}). Headless
 * Chromium opens the main pages of every role on the demo data with a {@code securitypolicyviolation} listener
 * installed before any page script runs (DevTools {@code Page.addScriptToEvaluateOnNewDocument}); every violation
 * the browser reports — inline script or style, eval, an image, font, frame or connection elsewhere — is collected
 * and must not exist. A probe at the end shows the listener and the policy are live: an image from another origin
 * is blocked and reported. Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class CspBrowserTest {

    static final String LISTENER = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    /** Per demo account, the pages to open (route paths). */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(DemoAccounts.ENTERPRISE, List.of("", "report", "report/history", "enterprise/filing", "notifications", "account/password"));
        PAGES.put(DemoAccounts.CITY_REVIEWER, List.of("", "review/inbox", "enterprises", "progress", "dashboard", "notices/manage"));
        PAGES.put(DemoAccounts.PROVINCE_REVIEWER, List.of("review/inbox", "forwarding", "periods", "late-filing", "admin/jobs"));
        PAGES.put(DemoAccounts.LEADER, List.of("dashboard", "statistics/archive", "review/copies"));
        PAGES.put(DemoAccounts.PROCESS_ADMIN, List.of("process/definitions", "process/editor/reportReview", "process/jobs"));
        PAGES.put(DemoAccounts.SYSTEM_ADMIN, List.of("admin/users", "admin/audit", "admin/parameters", "admin/codes",
                "admin/outbox", "admin/migration"));
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1400, 900);
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Object js(String script) {
        return BrowserWaits.js(driver, script);
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        Object v = js("return window.__csp || []");
        return v == null ? List.of() : new ArrayList<>((List<String>) v);
    }

    @Test
    void theMainPagesOfEveryRoleReportNoViolation() throws Exception {
        List<String> found = new ArrayList<>();
        int pages = 0;
        BrowserWaits.openLogin(driver, port);
        violations().forEach(v -> found.add("login: " + v));
        for (Map.Entry<String, List<String>> e : PAGES.entrySet()) {
            BrowserWaits.signIn(driver, port, e.getKey(), DemoAccounts.PASSWORD);
            violations().forEach(v -> found.add(e.getKey() + " sign-in: " + v));
            for (String page : e.getValue()) {
                BrowserWaits.open(driver, port, page);
                pages++;
                String where = e.getKey() + " /" + page;
                violations().forEach(v -> found.add(where + ": " + v));
            }
        }
        System.out.println("S5 CSP: " + pages + " pages of 6 roles opened in Chromium, " + found.size() + " violations");
        assertThat(found).as("CSP violations reported by Chromium").isEmpty();

        // the probe: the listener and the header are live — an image from another origin is blocked and reported
        js("const i = new Image(); i.src = 'http://127.0.0.2:9/probe.png'; document.body.appendChild(i);");
        BrowserWaits.waitFor(driver, 10).until(d -> !violations().isEmpty());
        assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("img-src blocked http://127.0.0.2:9/probe.png"));
    }
}
