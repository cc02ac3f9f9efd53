package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 20 §3: the inbox fits a 1,366 × 768 screen — every column, 认领人 and 操作 included, visible without a
 * horizontal scroll bar, on the 待办 and 已办 tabs — and its pages are numbered; takes the city guide's
 * {@code review-inbox-1366} screenshot. Run with {@code -Pbrowser}; shares one application with
 * {@code ReviewBrowserTest} (same configuration; {@link ReviewTestBase} clears the engine before each test).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "management.server.port=0"})
class InboxLayoutBrowserTest extends ReviewTestBase {

    static final String PASSWORD = "Review2026pw";
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1366, 768);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Horizontal overflow of the grid's table and of the page, in px (0 = fits). */
    private long overflow() {
        Object grid = driver.executeScript("const t = document.getElementById('review-grid').$.table;"
                + " return t.scrollWidth - t.clientWidth;");
        Object page = driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return Math.max(((Number) grid).longValue(), ((Number) page).longValue());
    }

    @Test
    void theInboxFitsA1366PxScreen() throws Exception {
        as(user(1, "setup", Role.SYSTEM_ADMIN, Scope.system()));
        accounts.create(new UserForm("km.layout", "昆明市审核员 王芳", null, null, Set.of(Role.CITY_REVIEWER),
                Scope.city("530100"), PASSWORD));
        SecurityContextHolder.clearContext();
        for (int i = 0; i < 60; i++) {
            submit("530100", i % 2 == 0 ? "530102" : "530181", "云南省昆明市安宁工业园区钢铁配套物流股份有限公司第" + i + "分公司",
                    i % 3 == 0, "2026-10", "REPORT");
        }
        as(user(2, "km.layout", Role.CITY_REVIEWER, Scope.city("530100")));
        review.claim(review.inbox(InboxTab.TODO, null, null, 1).items().get(0).taskId());
        review.approve(review.inbox(InboxTab.TODO, null, null, 1).items().get(0).taskId(), "数据核实无误，同意上报。");
        SecurityContextHolder.clearContext();

        BrowserWaits.signIn(driver, port, "km.layout", PASSWORD);
        BrowserWaits.open(driver, port, cn.yn.employment.review.ui.InboxView.ROUTE);
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("review-grid")).isEmpty());
        BrowserWaits.waitFor(driver, 30).until(d -> d.findElement(By.id("review-loaded")).getText().contains("59"));
        BrowserWaits.settled(driver);
        BrowserWaits.screenshot(driver, "review-inbox-1366");
        assertThat(overflow()).as("horizontal overflow at 1366 px on 待办").isLessThanOrEqualTo(0);
        // the last column (操作) ends inside the window
        Object right = driver.executeScript("const cells = [...document.querySelectorAll('#review-grid vaadin-grid-cell-content')];"
                + " return Math.max(...cells.map(c => c.getBoundingClientRect().right));");
        assertThat(((Number) right).doubleValue()).isLessThanOrEqualTo(1366);
        assertThat(driver.findElements(By.id("review-page-2"))).hasSize(1);

        driver.findElement(By.id("review-tab-done")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> d.findElement(By.id("review-loaded")).getText().contains("共 1 条"));
        BrowserWaits.settled(driver);
        assertThat(overflow()).as("horizontal overflow at 1366 px on 已办").isLessThanOrEqualTo(0);
    }
}
