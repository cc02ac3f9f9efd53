package cn.yn.employment.ui.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The keyboard alone (GB/T 37668, WCAG 2.1.1, 2.1.2, 2.4.1): the first Tab reaches "跳到主要内容", which moves the
 * focus into the view; tabbing goes through the drawer and the view and out of the page again (no focus trap); the
 * user menu's overlay closes with Escape and gives the focus back. Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class KeyboardBrowserTest {

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1366, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The focused element, looking into shadow roots: its tag, id and text. */
    private String focused() {
        return (String) BrowserWaits.js(driver, """
                let el = document.activeElement;
                while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                if (!el || el === document.body) return 'body';
                const named = el.getRootNode().host || el; // a control inside a component: the component
                return named.localName + '#' + (named.id || '') + ':' + (named.textContent || '').trim().slice(0, 30);""");
    }

    private void tab(Keys... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    @Test
    void theSkipLinkComesFirstAndNothingTrapsTheFocus() {
        BrowserWaits.signIn(driver, port, DemoAccounts.PROVINCE_REVIEWER, DemoAccounts.PASSWORD);
        BrowserWaits.open(driver, port, "progress");
        BrowserWaits.js(driver, "document.activeElement && document.activeElement.blur(); window.focus();");

        tab(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("skip-to-content");
        assertThat(driver.findElement(By.id("skip-to-content")).getText()).isEqualTo("跳到主要内容");
        assertThat(((Number) BrowserWaits.js(driver, "return document.getElementById('skip-to-content').getBoundingClientRect().top")).doubleValue())
                .as("the focused skip link shows").isGreaterThanOrEqualTo(0);
        tab(Keys.ENTER);
        assertThat((Boolean) BrowserWaits.js(driver, "return document.activeElement.hasAttribute('data-ems-main')"))
                .as("the skip link moves the focus to the main content").isTrue();

        // from the skip link, Tab visits the header, the drawer and the view, then leaves the page and comes back
        BrowserWaits.js(driver, "document.getElementById('skip-to-content').focus()");
        List<String> visited = new ArrayList<>();
        boolean wrapped = false;
        for (int i = 0; i < 300 && !wrapped; i++) {
            tab(Keys.TAB);
            String now = focused();
            wrapped = now.startsWith("a#skip-to-content");
            visited.add(now);
        }
        assertThat(wrapped).as("Tab comes back to the skip link after the page's last control: " + visited).isTrue();
        assertThat(visited).anyMatch(s -> s.startsWith("vaadin-side-nav-item"));
        assertThat(visited.stream().distinct().count()).isGreaterThan(8);

        // the user menu's overlay: Escape closes it and the focus returns to the menu
        driver.findElement(By.id("user-menu")).click();
        BrowserWaits.waitFor(driver, 10).until(d -> !d.findElements(By.cssSelector("vaadin-menu-bar-overlay[opened]")).isEmpty());
        tab(Keys.ESCAPE);
        BrowserWaits.waitFor(driver, 10).until(d -> d.findElements(By.cssSelector("vaadin-menu-bar-overlay[opened]")).isEmpty());
        assertThat(focused()).contains("vaadin-menu-bar-button");
    }
}
