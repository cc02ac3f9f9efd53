package cn.yn.employment.ui.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The enterprise's whole journey on a phone (390×844, issue #20 §5): sign in, the report form through the drawer,
 * check, submit, the history and the receipt. On every page: nothing scrolls the page sideways, the header's title
 * takes at most two lines, the user's name shows and nothing in the header overlaps. Takes the enterprise guide's
 * phone screenshots (phone-*.png, see {@link BrowserWaits#screenshot}). Run with {@code -Pbrowser}.
 *
 * <p>Runs in the demo application the other demo browser classes share (one Spring context), on data of its own: a
 * demo enterprise outside Kunming whose current report is still a draft gets an account of its own, so the demo
 * enterprise's draft, which {@code RoleJourneysBrowserTest} submits, and the Kunming inbox stay as they were.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class PhoneJourneyBrowserTest {

    static final List<String> HEADER = List.of("vaadin-drawer-toggle", ".ems-view-title", "#notification-bell",
            "#language-switch", "#user-menu .ems-user-name");

    static final String USERNAME = "phone-enterprise";
    static final String PASSWORD = "Phone2026go";

    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.startPhone(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * An account of its own for a demo enterprise outside Kunming with accepted months (for the receipt) and a draft
     * of the current month; the account is the enterprise's self-registration, as a real enterprise's would be.
     */
    private void enterpriseOfItsOwn() {
        if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, USERNAME) > 0) {
            return;
        }
        Long id = jdbc.queryForObject("""
                select min(e.id) from enterprise e join report r on r.enterprise_id = e.id
                 where e.city_code <> ? and e.filing_state = 'FILED' and r.state = 'DRAFT'
                   and exists (select 1 from report a where a.enterprise_id = e.id and a.state = 'ACCEPTED')""",
                Long.class, DemoAccounts.ENTERPRISE_CITY);
        assertThat(id).as("a demo enterprise outside Kunming with a draft report").isNotNull();
        accounts.registerEnterpriseAccount(USERNAME, "手机填报 王芳", null, null, id, PASSWORD);
    }

    /** The phone checks every page of the journey must pass. */
    private void assertFitsThePhone(String page) {
        assertThat(PhoneLayout.horizontalOverflow(driver)).as(page + ": sideways page scroll").isLessThanOrEqualTo(0);
        assertThat(PhoneLayout.lines(driver, ".ems-view-title")).as(page + ": header title lines").isLessThanOrEqualTo(2);
        Map<String, Map<String, Number>> boxes = PhoneLayout.boxes(driver, HEADER);
        Map<String, Number> name = boxes.get("#user-menu .ems-user-name");
        assertThat(name.get("width").doubleValue()).as(page + ": the user's name shows").isGreaterThan(24);
        for (int i = 0; i < HEADER.size(); i++) {
            Map<String, Number> a = boxes.get(HEADER.get(i));
            assertThat(a.get("right").doubleValue()).as(page + ": " + HEADER.get(i) + " inside the screen").isLessThanOrEqualTo(390.5);
            for (int j = i + 1; j < HEADER.size(); j++) {
                Map<String, Number> b = boxes.get(HEADER.get(j));
                if (a.get("width").doubleValue() > 0 && b.get("width").doubleValue() > 0) {
                    assertThat(PhoneLayout.overlap(a, b)).as(page + ": " + HEADER.get(i) + " overlaps " + HEADER.get(j)).isFalse();
                }
            }
        }
    }

    private void assertInsideTheScreen(String page, String... selectors) {
        Map<String, Map<String, Number>> boxes = PhoneLayout.boxes(driver, List.of(selectors));
        for (String s : selectors) {
            Map<String, Number> box = boxes.get(s);
            assertThat(box.get("width").doubleValue()).as(page + ": " + s + " shows").isGreaterThan(0);
            assertThat(box.get("left").doubleValue()).as(page + ": " + s + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as(page + ": " + s + " right edge").isLessThanOrEqualTo(390.5);
        }
    }

    /** Vaadin does not send a component that has never been visible: absent or hidden both count as not shown. */
    private static boolean shown(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Scrolls the button to the middle of the screen and presses it (a toast at the bottom may cover it otherwise). */
    private void press(String id) {
        WebElement button = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private static void type(WebElement input, String text) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
    }

    @Test
    void theEnterpriseReportsFromAPhone() throws Exception {
        enterpriseOfItsOwn();

        // login
        BrowserWaits.openLogin(driver, port);
        assertThat(PhoneLayout.horizontalOverflow(driver)).as("login: sideways page scroll").isLessThanOrEqualTo(0);
        assertInsideTheScreen("login", ".ems-login-title", "vaadin-login-form");
        BrowserWaits.screenshot(driver, "phone-login");
        BrowserWaits.signIn(driver, port, USERNAME, PASSWORD);
        assertFitsThePhone("home");
        BrowserWaits.screenshot(driver, "phone-home");

        // the menu: the drawer opens over the page, and Escape closes it (no focus trap)
        driver.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        BrowserWaits.waitFor(driver, 10).until(d -> !d.findElements(By.cssSelector("vaadin-app-layout[drawer-opened][overlay]")).isEmpty());
        BrowserWaits.settled(driver);
        BrowserWaits.screenshot(driver, "phone-menu");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        BrowserWaits.waitFor(driver, 10).until(d -> d.findElements(By.cssSelector("vaadin-app-layout[drawer-opened]")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        BrowserWaits.waitFor(driver, 10).until(d -> !d.findElements(By.cssSelector("vaadin-app-layout[drawer-opened][overlay]")).isEmpty());
        BrowserWaits.settled(driver);
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='report']")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> !d.findElements(By.id("report-headcount")).isEmpty());
        BrowserWaits.settled(driver);
        assertThat(driver.findElements(By.cssSelector("vaadin-app-layout[drawer-opened]"))).as("the drawer closes on navigation").isEmpty();

        // report form: the enterprise's current report, withdrawn first if it was already submitted
        if (shown("report-withdraw")) {
            driver.findElement(By.id("report-withdraw")).click();
            BrowserWaits.settled(driver);
        }
        assertThat(shown("report-submit")).as("the current report can be edited").isTrue();
        assertFitsThePhone("report form");
        // the baseline headcount: no reduction to explain
        String figure = driver.findElement(By.id("report-baseline")).getText().replaceAll("[^0-9]", "");
        type(driver.findElement(By.cssSelector("#report-headcount input")), figure);
        type(driver.findElement(By.cssSelector("#report-hired input")), "0");
        type(driver.findElement(By.cssSelector("#report-separated input")), "0");
        if (shown("report-reduction-section")) {
            throw new AssertionError("the baseline figure must not ask for a reduction");
        }
        BrowserWaits.settled(driver);
        assertInsideTheScreen("report form", "#report-headcount", "#report-hired", "#report-separated",
                "#report-save", "#report-check", "#report-submit");
        // the fields stack: one a line
        Map<String, Map<String, Number>> fields = PhoneLayout.boxes(driver, List.of("#report-headcount", "#report-hired"));
        assertThat(fields.get("#report-hired").get("top").doubleValue())
                .isGreaterThanOrEqualTo(fields.get("#report-headcount").get("bottom").doubleValue() - 1);

        press("report-check");
        BrowserWaits.settled(driver);
        if (shown("report-explanation")) {
            type(driver.findElement(By.cssSelector("#report-explanation textarea")), "人数与上期一致，已核实。");
        }
        BrowserWaits.screenshot(driver, "phone-report-form");
        press("report-submit");
        BrowserWaits.waitFor(driver, 30).until(d -> !shown("report-submit"));
        BrowserWaits.settled(driver);
        assertFitsThePhone("submitted report");
        BrowserWaits.screenshot(driver, "phone-report-submitted");

        // history and receipt: the grid scrolls inside itself, the page does not
        BrowserWaits.open(driver, port, "report/history");
        BrowserWaits.waitFor(driver, 30).until(d -> !d.findElements(By.cssSelector("#report-history vaadin-grid-cell-content")).isEmpty());
        BrowserWaits.settled(driver);
        assertFitsThePhone("history");
        assertInsideTheScreen("history", "#report-history");
        BrowserWaits.screenshot(driver, "phone-history");
        Object receipt = BrowserWaits.js(driver, """
                const a = document.querySelector('#report-history a[download]');
                return a ? a.getAttribute('download') : null;""");
        assertThat(receipt).as("a receipt of an accepted period").isNotNull();
        String status = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.querySelector('#report-history a[download]');
                fetch(a.href).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                    + String.fromCharCode(...new Uint8Array(b.slice(0, 4))))))
                  .catch(e => done(String(e)));""");
        assertThat(status).startsWith("200 application/pdf %PDF");
    }
}
