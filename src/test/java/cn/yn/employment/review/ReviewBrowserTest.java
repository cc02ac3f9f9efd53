package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.FilingService;
import cn.yn.employment.enterprise.RegistrationForm;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.List;
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
 * The reviewer inbox in headless chromium with a realistic mix of real filings and monthly reports: a Kunming city
 * reviewer signs in, sees the exact counts on the home page and in the inbox, opens the bulk dialog for all matching
 * items, and opens the item the province returned to the city, whose return note shows. (The guides' screenshots of
 * the inbox, the item and the bulk dialog come from {@code journeys.RoleJourneysBrowserTest} on the demo data.)
 * Run with {@code -Pbrowser}; shares one application with the other browser classes that seed their own data
 * ({@code InboxLayoutBrowserTest}, the process-admin and migration browser tests): {@link ReviewTestBase} clears the
 * engine before each test, so the counts are this test's alone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "management.server.port=0"})
class ReviewBrowserTest extends ReviewTestBase {

    static final String PASSWORD = "Review2026pw";
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    FilingService filings;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1600, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void seed() {
        as(user(1, "setup", Role.SYSTEM_ADMIN, Scope.system()));
        accounts.create(new UserForm("km.review", "昆明市审核员 李娜", null, null, Set.of(Role.CITY_REVIEWER),
                Scope.city("530100"), PASSWORD));
        // real filings through the enterprise filing chain
        String[][] filers = {{"昆明滇池食品有限公司", "530102"}, {"云南春城物流股份有限公司", "530111"}, {"昆明金马机械制造有限公司", "530112"}};
        int seq = 4100;
        for (String[] f : filers) {
            SecurityContextHolder.clearContext();
            String body = String.format("%08d", ++seq * 7919 % 100_000_000);
            String first17 = "91530100" + body + OrganisationCode.checkCharFor(body);
            String uscc = first17 + Uscc.checkCharFor(first17);
            EnterpriseView e = enterprises.register(new RegistrationForm(uscc, f[0], f[1], "王芳", "0871-63123456",
                    "hr@example.cn", "bent" + seq, "secret123"));
            as(new CurrentUser(90_000 + e.id(), "ent" + e.id(), f[0], Set.of(Role.ENTERPRISE), Scope.enterprise(e.id())));
            filings.submit(e.id(), new FilingData(e.uscc(), e.name(), f[1], "110", "13", "食品加工与销售", "王芳",
                    "昆明市五华区人民中路 1 号", "650031", "0871-63123456", null, "hr@example.cn", 120), null);
        }
        SecurityContextHolder.clearContext();
        // monthly reports (test chain following the review contract; the report module's chain is separate)
        List<String> names = List.of("云南白塔酒店管理有限公司", "昆明高新区云智科技有限公司", "昆明螺蛳湾商贸有限公司",
                "云南普洱茶业集团昆明分公司", "昆明呈贡花卉交易中心", "昆明长水航空服务有限公司", "云南滇红建设工程有限公司",
                "昆明宜良农产品加工厂", "昆明安宁钢铁配套有限公司", "昆明东川矿业服务有限公司", "云南石林旅游开发有限公司",
                "昆明晋宁磷化工有限公司");
        String[] counties = {"530102", "530103", "530111", "530112", "530114", "530115", "530124", "530125", "530181"};
        for (int i = 0; i < names.size(); i++) {
            submit("530100", counties[i % counties.length], names.get(i), i % 5 == 2, "2026-10", "REPORT");
        }
        submit("530300", "530302", "曲靖麒麟煤化有限公司", false);
        // one the province sent back to the city
        String back = submit("530100", "530102", "昆明五华电子商务有限公司", false, "2026-10", "REPORT");
        as(KUNMING_A);
        review.approve(taskId(back), null);
        as(PROVINCE);
        review.returnTask(taskId(back), ReturnTo.CITY, "减员原因与人数不符，请市级复核");
        SecurityContextHolder.clearContext();
    }

    @Test
    void cityReviewerInbox() throws Exception {
        seed();
        BrowserWaits.signIn(driver, port, "km.review", PASSWORD);
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("review-home-panel")).isEmpty());
        assertThat(driver.findElement(By.id("review-home-todo")).getText()).isEqualTo("16");
        assertThat(driver.findElement(By.id("review-home-returned")).getText()).isEqualTo("1");

        BrowserWaits.open(driver, port, cn.yn.employment.review.ui.InboxView.ROUTE);
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("review-grid")).isEmpty());
        BrowserWaits.waitFor(driver, 30).until(d -> d.findElement(By.id("review-loaded")).getText().endsWith("共 16 条"));

        driver.findElement(By.id("review-select-all-matching")).click();
        BrowserWaits.vaadinIdle(driver);
        driver.findElement(By.id("review-bulk-approve")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> !d.findElements(By.id("review-bulk-dialog")).isEmpty());
        BrowserWaits.settled(driver);
        driver.findElement(By.id("review-bulk-close")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> d.findElements(By.id("review-bulk-dialog")).isEmpty());

        driver.findElement(By.id("review-tab-returned")).click();
        // the tab's own total (the 待办 tab's "共 16 条" contains a 1 as well)
        BrowserWaits.waitFor(driver, 30).until(d -> d.findElement(By.id("review-loaded")).getText().endsWith("共 1 条"));
        BrowserWaits.settled(driver);
        driver.findElement(By.cssSelector("#review-grid vaadin-button[theme~='tertiary-inline']")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> !d.findElements(By.id("review-timeline")).isEmpty());
        BrowserWaits.settled(driver);
        assertThat(driver.findElement(By.id("review-province-return-note")).getText()).contains("减员原因与人数不符");
    }
}
