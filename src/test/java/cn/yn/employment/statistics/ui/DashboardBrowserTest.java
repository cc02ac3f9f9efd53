package cn.yn.employment.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The leadership dashboard in headless Debian chromium on the demo data: the leader signs in, every ECharts chart
 * has drawn pixels on its canvas or, with nothing to draw, shows the empty state instead (the demo month has no
 * layoff warnings: the warnings pie is the empty state, and the warnings figure says 0); at the height of the whole
 * page every chart redraws at its container's width; takes the screenshot {@code dashboard}. Run with
 * {@code -Pbrowser}. Same configuration as the role journeys ({@code journeys.RoleJourneysBrowserTest}, whose leader
 * checks the downloads), so both share one application.
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

    private Object js(String script, Object... args) {
        return BrowserWaits.js(driver, script, args);
    }

    private boolean empty(String chart) {
        return !driver.findElements(By.id("chart-" + chart + "-empty")).isEmpty();
    }

    /** How many non-transparent pixels the chart's canvas has (-1 when ECharts has not drawn it). */
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
    void theLeaderSeesEveryChartDrawnOrItsEmptyState() {
        BrowserWaits.signIn(driver, port, DemoAccounts.LEADER, DemoAccounts.PASSWORD);
        BrowserWaits.open(driver, port, "dashboard");
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("statistics-dashboard")).isEmpty());
        for (String chart : CHARTS) {
            BrowserWaits.waitFor(driver, 60).withMessage(() -> "chart " + chart + " drawn pixels " + drawnPixels("chart-" + chart))
                    .until(d -> empty(chart) || drawnPixels("chart-" + chart) > 1000);
        }
        List<String> drawn = CHARTS.stream().filter(c -> !empty(c)).toList();
        assertThat(drawn).as("charts with data in the demo month").contains("trend", "regions", "industry", "progress");
        String series = (String) js("return JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-regions'))"
                + ".getOption().yAxis[0].data)");
        assertThat(series).contains("昆明市");
        // the warnings pie is empty exactly when the month has no layoff warning
        String warnings = driver.findElement(By.cssSelector("#kpi-warnings .ems-kpi-value")).getText().trim();
        assertThat(empty("warnings")).as("warnings pie empty with the warnings figure " + warnings).isEqualTo("0".equals(warnings));
        if (empty("warnings")) {
            assertThat(driver.findElement(By.id("chart-warnings-empty")).getText()).isEqualTo("暂无数据");
        }

        // the whole page for the guide
        long height = ((Number) js("return document.querySelector('#statistics-dashboard').scrollHeight + 120")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 900), 3000)));
        // the ResizeObserver redraws the charts at the new width: wait until each canvas is as wide as its chart again
        for (String chart : drawn) {
            BrowserWaits.waitFor(driver, 30).until(d -> resizedToContainer("chart-" + chart) && drawnPixels("chart-" + chart) > 1000);
        }
        BrowserWaits.screenshot(driver, "dashboard");
    }
}
