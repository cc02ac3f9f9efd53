package cn.yn.employment.statistics.ui;

import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The leadership dashboard in headless Debian chromium on the demo data: the leader logs in, every ECharts chart
 * is initialised and has drawn pixels on its canvas, changing the city re-renders the tables; takes the user
 * guide's screenshot, into target/browser-screenshots/ (the guides' copy comes from the production jar:
 * docs/screenshots/take.sh). Run with {@code -Pbrowser}. Same configuration as the role journeys
 * ({@code journeys.RoleJourneysBrowserTest}), so both share one application.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class DashboardBrowserTest {

    static final List<String> CHARTS = List.of("trend", "regions", "industry", "progress", "warnings");

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1400, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebDriverWait waitFor(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** How many non-transparent pixels the chart's canvas has (0 when ECharts has not drawn). */
    private long drawnPixels(String id) {
        Object n = js("""
                const el = document.getElementById(arguments[0]);
                if (!el || !window.echarts || !window.echarts.getInstanceByDom(el)) return -1;
                const c = el.querySelector('canvas');
                if (!c || c.width === 0 || c.height === 0) return -1;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                return n;""", id);
        return ((Number) n).longValue();
    }

    /** The chart's canvas has the chart element's width (ECharts has redrawn after a resize). */
    private boolean resizedToContainer(String id) {
        return Boolean.TRUE.equals(js("""
                const el = document.getElementById(arguments[0]);
                const c = el && el.querySelector('canvas');
                return !!c && Math.abs(c.getBoundingClientRect().width - el.getBoundingClientRect().width) < 2;""", id));
    }

    @Test
    void theLeaderSeesEveryChartDrawn() throws Exception {
        driver.get("http://localhost:" + port + "/login");
        By user = By.cssSelector("#vaadinLoginUsername input, vaadin-login-form input[name='username']");
        By password = By.cssSelector("#vaadinLoginPassword input, vaadin-login-form input[name='password']");
        waitFor(180).until(d -> !d.findElements(user).isEmpty());
        driver.findElement(user).sendKeys(DemoAccounts.LEADER);
        WebElement pw = driver.findElement(password);
        pw.sendKeys(DemoAccounts.PASSWORD);
        pw.sendKeys(Keys.ENTER);
        waitFor(60).until(d -> !d.findElements(By.id("statistics-home-panel")).isEmpty());

        driver.get("http://localhost:" + port + "/dashboard");
        waitFor(60).until(d -> !d.findElements(By.id("statistics-dashboard")).isEmpty());
        for (String chart : CHARTS) {
            waitFor(60).until(d -> drawnPixels("chart-" + chart) > 1000);
        }
        String series = (String) js("return JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-regions'))"
                + ".getOption().yAxis[0].data)");
        assertThat(series).contains("昆明市");

        // the whole page for the guide
        long height = ((Number) js("return document.querySelector('#statistics-dashboard').scrollHeight + 120")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 900), 3000)));
        // the ResizeObserver redraws the charts at the new width: wait until each canvas is as wide as its chart again
        for (String chart : CHARTS) {
            waitFor(30).until(d -> resizedToContainer("chart-" + chart) && drawnPixels("chart-" + chart) > 1000);
        }
        BrowserWaits.screenshot(driver, "dashboard");
    }
}
