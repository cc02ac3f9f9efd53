package cn.yn.employment.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.CspListener;
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
 * S5 (issue 14): the pages satisfy their Content-Security-Policy ({@link SecurityHeaders#PAGES_CSP}). Every route of
 * every role is opened with a violation listener by {@code AccessibilityScanBrowserTest} (signed in, by in-app
 * navigation, as a menu click does); here the pages whose scripts come with the page load are loaded afresh — the
 * login page, the dashboard with its charts (ECharts), the BPMN editor (bpmn-js) — with the listener installed
 * before any page script runs (DevTools {@code Page.addScriptToEvaluateOnNewDocument}). A probe at the end shows the
 * listener and the policy are live: an image from another origin is blocked and reported. Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class CspBrowserTest {

    /** Per demo account, the pages loaded afresh (route paths). */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(DemoAccounts.LEADER, List.of("dashboard"));
        PAGES.put(DemoAccounts.PROCESS_ADMIN, List.of("process/editor/reportReview"));
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1400, 900);
        CspListener.install(driver);
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

    @Test
    void theLoginAndThePagesLoadingTheirOwnLibrariesReportNoViolation() throws Exception {
        List<String> found = new ArrayList<>();
        int pages = 0;
        BrowserWaits.openLogin(driver, port);
        CspListener.drain(driver).forEach(v -> found.add("login: " + v));
        for (Map.Entry<String, List<String>> e : PAGES.entrySet()) {
            BrowserWaits.signIn(driver, port, e.getKey(), DemoAccounts.PASSWORD);
            CspListener.drain(driver).forEach(v -> found.add(e.getKey() + " sign-in: " + v));
            for (String page : e.getValue()) {
                BrowserWaits.open(driver, port, page);
                pages++;
                String where = e.getKey() + " /" + page;
                CspListener.drain(driver).forEach(v -> found.add(where + ": " + v));
            }
        }
        System.out.println("S5 CSP: login and " + pages + " pages loaded afresh in Chromium, " + found.size() + " violations");
        assertThat(found).as("CSP violations reported by Chromium").isEmpty();

        // the probe: the listener and the header are live — an image from another origin is blocked and reported
        js("const i = new Image(); i.src = 'http://127.0.0.2:9/probe.png'; document.body.appendChild(i);");
        List<String> probe = new ArrayList<>();
        BrowserWaits.waitFor(driver, 10).until(d -> probe.addAll(CspListener.drain(driver)) && !probe.isEmpty());
        assertThat(probe).anySatisfy(v -> assertThat(v).startsWith("img-src blocked http://127.0.0.2:9/probe.png"));
    }
}
