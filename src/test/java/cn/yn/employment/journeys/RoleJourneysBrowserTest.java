package cn.yn.employment.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One journey per role through the real UI of a running application with the demo data (issue 16 §2), in Debian's
 * headless chromium: each step asserts what the user sees, every page is free of browser console errors, and at the
 * end of each journey the English switch is pressed and every screen of the journey is visited again without any
 * Chinese left except data. The journeys build on each other (the enterprise's submission is what the city reviewer
 * opens, the city's approval what the province returns), so they run in order on one application. Screenshots at
 * the steps go to target/browser-screenshots/ and, with {@code -Dems.screenshots.dir=docs/images}, into the guides.
 * Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleJourneysBrowserTest {

    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final List<String> CHARTS = List.of("trend", "regions", "industry", "progress", "warnings");
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    Translations translations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    JourneyDriver j;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1440, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void journey() {
        j = new JourneyDriver(driver, "http://localhost:" + port);
    }

    /** What the browser showed when the journey ended (passed or not), for reading a failure. */
    @AfterEach
    void lastScreen(TestInfo test) throws Exception {
        java.nio.file.Path target = java.nio.file.Path.of("target/browser-screenshots/after-"
                + test.getTestMethod().map(m -> m.getName()).orElse("journey") + ".png");
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.write(target, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    String zh(String key, Object... args) {
        return translations.chinese(key, args);
    }

    /** The Chinese text of a message up to its first argument. */
    String zhPrefix(String key) {
        String s = translations.chinese(key);
        int brace = s.indexOf('{');
        return (brace < 0 ? s : s.substring(0, brace)).trim();
    }

    void shot(String name) {
        BrowserWaits.screenshot(driver, name);
    }

    static int digits(String s) {
        return Integer.parseInt(s.replaceAll("[^0-9]", ""));
    }

    @Test
    @Order(1)
    void enterpriseFillsSubmitsWithdrawsResubmitsAndDownloadsTheReceipt() throws Exception {
        j.login(DemoAccounts.ENTERPRISE, PASSWORD);
        j.open("", By.id("report-home-panel"));
        assertThat(j.text("report-home-state")).contains(zh("report.state.DRAFT"));
        shot("home-demo-enterprise");

        j.open("report", By.id("report-headcount"));
        assertThat(reportTitle()).contains(zh("report.state.DRAFT"));
        int baseline = digits(j.text("report-baseline"));
        int previous = j.text("report-previous").matches(".*\\d.*") ? digits(j.text("report-previous")) : baseline;

        // a field error: fewer employees than at filing and no reduction type
        j.type("report-headcount", String.valueOf(baseline - 20));
        j.waitFor(30).until(d -> d.findElement(By.id("report-reduction-section")).isDisplayed());
        j.type("report-reductionType", "");
        j.click("report-check");
        j.waitFor(30).until(d -> j.fieldError("report-reductionType") != null);
        assertThat(j.fieldError("report-reductionType")).isEqualTo(zh("report.error.reductionRequired"));
        shot("journey-report-field-error");

        // a soft warning: far more employees than last month; the explanation becomes required
        int high = Math.max(previous * 2, baseline) + 7;
        j.type("report-headcount", String.valueOf(high));
        j.click("report-check");
        j.waitFor(30).until(d -> !d.findElements(By.cssSelector("#report-warnings .report-warning")).isEmpty());
        assertThat(j.present(By.cssSelector("#report-warnings .report-warning[data-code='CHANGE_RATE']"))).isTrue();
        assertThat(j.el("report-reduction-section").isDisplayed()).as("reduction fields hidden above the baseline").isFalse();
        assertThat(j.el("report-explanation").isDisplayed()).isTrue();

        j.click("report-save");
        j.notification(zh("report.saved"));

        // submitting without the explanation is refused at the field (submit checks first: the warning and the
        // explanation field come back after the save)
        j.click("report-submit");
        j.waitFor(30).until(d -> j.fieldError("report-explanation") != null);
        assertThat(j.fieldError("report-explanation")).isEqualTo(zh("report.error.explanationRequired"));
        shot("journey-report-warning");

        j.type("report-explanation", "本月新项目投产，集中招聘");
        j.click("report-submit");
        j.notification(zh("report.submitted"));
        j.waitFor(30).until(d -> reportTitle().contains(zh("report.state.PENDING_CITY")));
        assertThat(j.el("report-withdraw").isDisplayed()).isTrue();
        assertThat(j.el("report-headcount").getDomAttribute("readonly")).isNotNull();
        shot("journey-report-submitted");

        // withdraw while the city has not started, then submit again
        j.click("report-withdraw");
        j.notification(zh("report.withdrawn"));
        j.waitFor(30).until(d -> reportTitle().contains(zh("report.state.DRAFT")));
        assertThat(j.el("report-headcount").getDomAttribute("readonly")).isNull();
        j.click("report-check");
        j.type("report-explanation", "本月新项目投产，集中招聘");
        j.click("report-submit");
        j.notification(zh("report.submitted"));
        j.waitFor(30).until(d -> reportTitle().contains(zh("report.state.PENDING_CITY")));
        assertThat(j.text("report-timeline")).contains(zh("report.event.WITHDRAWN"));

        // the receipt of an accepted month, from the history
        j.open("report/history", By.id("report-history"));
        By receipt = By.cssSelector("#report-history a[download$='.pdf']");
        j.waitFor(30).until(d -> !d.findElements(receipt).isEmpty());
        assertThat(j.text("report-history")).contains(zh("report.state.ACCEPTED")).contains(zh("report.state.PENDING_CITY"));
        String pdf = pdfText(j.download(driver.findElement(receipt)));
        assertThat(pdf).contains(zh("statistics.receipt.title")).contains(DemoAccounts.ENTERPRISE_NAME);
        shot("journey-report-history");

        j.englishPass(this::dataRuns);
    }

    @Test
    @Order(2)
    void cityReviewerFiltersSavesAFilterOpensReturnsApprovesAndBulkApproves() {
        j.login(DemoAccounts.CITY_REVIEWER, PASSWORD);
        j.open("", By.id("review-home-panel"));
        assertThat(digits(j.text("review-home-todo"))).isPositive();

        j.open("review/inbox", By.id("review-grid"));
        j.waitFor(60).until(d -> !j.text("review-loaded").isBlank());
        int total = loadedTotal();
        assertThat(total).isGreaterThan(2);
        shot("review-inbox");

        // filter on the demo enterprise and keep the filter, shared with colleagues
        j.type("review-filter-text", "滇池示范");
        j.click("review-search");
        j.waitFor(30).until(d -> j.text("review-loaded").equals(zh("review.page.range", 1, 1, 1)));
        assertThat(j.text("review-grid")).contains(DemoAccounts.ENTERPRISE_NAME).contains(zh("review.warning.badge"));
        j.click("review-save-filter");
        j.type("review-filter-name", "滇池示范科技月报");
        j.click("review-filter-shared");
        j.click("review-filter-save-ok");
        j.notification(zh("review.filter.savedDone", "滇池示范科技月报"));

        // the item: the report beside its baseline and the previous month, and the timeline
        openFirstItem(DemoAccounts.ENTERPRISE_NAME);
        String content = j.text("review-item-content");
        assertThat(content).contains(zh("report.field.baseline")).contains(zh("report.field.headcount"))
                .contains("本月新项目投产，集中招聘");
        assertThat(j.text("review-timeline")).contains(zh("review.timeline.SUBMITTED"));
        shot("review-item");
        closeDialog("review-item-dialog");

        // return another one: without a reason it is refused at the field
        j.click("review-reset");
        j.waitFor(30).until(d -> loadedTotal() == total);
        openFirstItemOtherThan(DemoAccounts.ENTERPRISE_NAME);
        j.click("review-item-return");
        j.waitFor(30).until(d -> j.fieldError("review-return-reason") != null);
        assertThat(j.fieldError("review-return-reason")).isEqualTo(zh("review.error.reasonRequired"));
        shot("review-item-reason-required");
        j.type("review-return-reason", "请核实本月减员人数并补充说明");
        j.click("review-item-return");
        j.notification(zh("review.returned"));
        j.waitFor(30).until(d -> loadedTotal() == total - 1);

        // approve one
        openFirstItemOtherThan(DemoAccounts.ENTERPRISE_NAME);
        j.click("review-item-approve");
        j.notification(zh("review.approved"));
        j.waitFor(30).until(d -> loadedTotal() == total - 2);

        // bulk-approve what is left, the demo enterprise's warning item among them: each warning confirmed first
        j.click("review-select-all-matching");
        j.click("review-bulk-approve");
        j.waitFor(30).until(d -> !d.findElements(By.id("review-bulk-dialog")).isEmpty());
        assertThat(j.visibleText()).contains(zhPrefix("review.bulk.warnings"))
                .contains(DemoAccounts.ENTERPRISE_NAME);
        j.click("review-bulk-confirm-all");
        shot("review-bulk");
        j.click("review-bulk-start");
        j.waitFor(120).until(d -> j.text("review-bulk-status").equals(zh("review.bulk.summary", total - 2, 0)));
        j.click("review-bulk-close");
        j.waitFor(30).until(d -> loadedTotal() == 0);

        j.englishPass(this::dataRuns);
    }

    @Test
    @Order(3)
    void provinceReviewerReturnsToTheCityApprovesAndCorrectsAnAcceptedReport() {
        j.login(DemoAccounts.PROVINCE_REVIEWER, PASSWORD);
        j.open("review/inbox", By.id("review-grid"));
        j.waitFor(60).until(d -> loadedTotal() > 2);
        int total = loadedTotal();

        // the demo enterprise's report, approved by Kunming in the bulk approval, goes back to the city
        j.type("review-filter-text", "滇池示范");
        j.click("review-search");
        j.waitFor(30).until(d -> j.text("review-loaded").equals(zh("review.page.range", 1, 1, 1)));
        openFirstItem(DemoAccounts.ENTERPRISE_NAME);
        assertThat(j.text("review-timeline")).contains(zh("review.timeline.step.cityReview"))
                .contains(zh("review.timeline.APPROVED"));
        j.tick("review-return-to", zh("review.returnTo.CITY"));
        j.type("review-return-reason", "减员原因与人数不符，请市级复核");
        j.click("review-item-return");
        j.notification(zh("review.returned"));
        j.waitFor(30).until(d -> loadedTotal() == 0);
        j.click("review-reset");
        j.waitFor(30).until(d -> loadedTotal() == total - 1);

        // approve two monthly reports: the first is corrected below, the second stays accepted for the English pass
        j.pickSelect("review-filter-kind", zh("review.kind.REPORT"));
        j.click("review-search");
        int reports = loadedTotal();
        assertThat(reports).isGreaterThan(2);
        String corrected = openFirstItemOtherThan(DemoAccounts.ENTERPRISE_NAME);
        j.click("review-item-approve");
        j.notification(zh("review.approved"));
        j.waitFor(30).until(d -> loadedTotal() == reports - 1);
        String stillAccepted = openFirstItemOtherThan(DemoAccounts.ENTERPRISE_NAME, corrected);
        j.click("review-item-approve");
        j.notification(zh("review.approved"));
        j.waitFor(30).until(d -> loadedTotal() == reports - 2);
        shot("journey-province-inbox");

        // 更正: the accepted report, found in 已办, goes back to the enterprise with a reason
        openDone(corrected);
        assertThat(j.text("report-details")).contains(zh("report.state.ACCEPTED"));
        j.click("report-correct");
        j.waitFor(30).until(d -> j.present(By.id("report-correct-confirm")));
        assertThat(j.visibleText()).contains(zh("report.correct.effect.enterprise"))
                .contains(zh("report.correct.effect.chain"));
        j.click("report-correct-confirm");
        j.waitFor(30).until(d -> j.fieldError("report-correct-reason") != null);
        assertThat(j.fieldError("report-correct-reason")).isEqualTo(zh("report.correct.invalid"));
        j.waitFor(30).withMessage("the cursor in the reason").until(d -> j.focused("report-correct-reason"));
        String reason = "从业人数与社保缴费人数不符，请核实后重新上报";
        j.type("report-correct-reason", reason);
        shot("journey-province-correction");
        j.click("report-correct-confirm");
        assertThat(j.notification(zhPrefix("report.correct.done"))).contains(corrected);
        // the pane shows the report returned to the enterprise, the correction and its reason on the timeline
        j.waitFor(30).until(d -> j.text("report-details").contains(zh("report.state.RETURNED")));
        String timeline = "return document.getElementById('report-details-timeline').textContent";
        j.js("document.getElementById('report-details-timeline').scrollIntoView({block: 'center'})");
        j.waitFor(30).withMessage(() -> "the correction on the timeline: " + j.js(timeline))
                .until(d -> String.valueOf(j.js(timeline)).contains(zh("report.event.CORRECTION_OPENED") + "：" + reason));
        assertThat(j.present(By.id("report-correct"))).isFalse();
        j.waitFor(30).until(d -> !j.present(By.id("report-correct-dialog")));
        closeDialog("review-item-dialog");

        j.englishPass(this::dataRuns, data -> {
            // the correction dialog in English, refusing an empty reason; cancelled
            openDone(stillAccepted);
            j.click("report-correct");
            j.waitFor(30).until(d -> j.present(By.id("report-correct-confirm")));
            j.click("report-correct-confirm");
            j.waitFor(30).until(d -> j.fieldError("report-correct-reason") != null);
            assertThat(j.fieldError("report-correct-reason"))
                    .isEqualTo(translations.getTranslation("report.correct.invalid", Translations.ENGLISH));
            j.noChineseLeft(data, "the correction dialog");
            j.click("report-correct-cancel");
            j.waitFor(30).until(d -> !j.present(By.id("report-correct-dialog")));
            closeDialog("review-item-dialog");
        });
    }

    @Test
    @Order(4)
    void leaderSeesTheChartsAndDownloadsPdfAndExcel() throws Exception {
        j.login(DemoAccounts.LEADER, PASSWORD);
        j.open("dashboard", By.id("statistics-dashboard"));
        // every chart is drawn on its canvas, or says that it has nothing to show (no layoff warnings this month)
        int drawn = 0;
        for (String chart : CHARTS) {
            j.waitFor(60).withMessage(() -> "chart " + chart + " drawn pixels " + drawnPixels("chart-" + chart))
                    .until(d -> drawnPixels("chart-" + chart) > 1000 || j.present(By.id("chart-" + chart + "-empty")));
            drawn += drawnPixels("chart-" + chart) > 1000 ? 1 : 0;
        }
        assertThat(drawn).as("charts drawn").isGreaterThanOrEqualTo(4);
        assertThat(drawnPixels("chart-trend")).isGreaterThan(1000);
        assertThat(drawnPixels("chart-regions")).isGreaterThan(1000);
        shot("journey-dashboard");

        WebElement pdfLink = driver.findElement(By.cssSelector("#dashboard-downloads a[download$='.pdf']"));
        String pdf = pdfText(j.download(pdfLink));
        assertThat(JourneyDriver.CJK.matcher(pdf).find()).as("the PDF's text has Chinese").isTrue();
        assertThat(pdf).contains("昆明市");

        WebElement xlsxLink = driver.findElement(By.cssSelector("#dashboard-downloads a[download$='.xlsx']"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(j.download(xlsxLink)))) {
            StringBuilder cells = new StringBuilder();
            for (Row row : book.getSheetAt(0)) {
                for (Cell c : row) {
                    cells.append(c.toString()).append('|');
                }
            }
            assertThat(cells.toString()).contains("昆明市");
        }

        j.englishPass(this::dataRuns);
    }

    @Test
    @Order(5)
    void processAdminRenamesAStepDeploysAndMovesAnInstanceToTheNewVersion() {
        ProcessDefinition before = repository.createProcessDefinitionQuery().processDefinitionKey("reportReview")
                .latestVersion().singleResult();
        j.login(DemoAccounts.PROCESS_ADMIN, PASSWORD);
        j.open("process/definitions", By.id("definitions-grid"));
        assertThat(j.text("definitions-grid")).contains("reportReview");

        j.open("process/editor/reportReview", By.cssSelector("#editor-modeler .djs-shape"));
        j.waitFor(60).until(d -> ((Number) j.js("return document.querySelectorAll('#editor-modeler .djs-shape').length")).intValue() >= 7);
        j.js("const m = window.__emsModeler; m.get('selection').select(m.get('elementRegistry').get('cityReview'));");
        j.waitFor(30).until(d -> !String.valueOf(d.findElement(By.cssSelector("#prop-name input")).getDomProperty("value")).isBlank());
        j.type("prop-name", "市级审核（旅程）");
        j.click("prop-apply");
        j.waitFor(30).until(d -> "市级审核（旅程）".equals(j.js(
                "return window.__emsModeler.get('elementRegistry').get('cityReview').businessObject.name")));
        j.click("editor-validate");
        j.waitFor(60).until(d -> j.text("editor-status").startsWith(zhPrefix("processadmin.editor.valid").split("，")[0]));
        shot("journey-processadmin-editor");
        j.type("deploy-comment", "市级环节改名");
        j.click("editor-deploy");
        j.notification(zh("processadmin.editor.deployed", before.getVersion() + 1));

        // the new version in the list; the running instances moved onto it
        j.open("process/definitions", By.id("definitions-grid"));
        j.waitFor(30).until(d -> j.text("definitions-grid").contains("市级环节改名"));
        assertThat(selectRow("definitions-grid", "reportReview", String.valueOf(before.getVersion()))).isTrue();
        j.click("action-migrate");
        j.waitFor(30).until(d -> !d.findElements(By.id("migration-preview-button")).isEmpty());
        j.click("migration-preview-button");
        j.waitFor(60).until(d -> d.findElement(By.id("migration-run")).getDomAttribute("disabled") == null);
        j.click("migration-run");
        j.notification(zhPrefix("processadmin.migration.done"));
        assertThat(selectRow("definitions-grid", "reportReview",
                (before.getVersion() + 1) + " (" + zh("processadmin.latest") + ")")).isTrue();
        j.waitFor(30).until(d -> j.text("activity-counts").contains("市级审核（旅程）"));
        shot("journey-processadmin-new-version");

        j.englishPass(this::dataRuns);
    }

    @Test
    @Order(6)
    void systemAdminCreatesAUserResetsThePasswordAndVerifiesTheAuditChain() {
        j.login(DemoAccounts.SYSTEM_ADMIN, PASSWORD);
        j.open("admin/users", By.id("user-grid"));
        j.click("new-user");
        j.type("edit-username", "qj.journey");
        j.type("edit-display-name", "曲靖市审核员 旅程");
        j.tick("edit-roles", zh("role.CITY_REVIEWER"));
        j.pickSelect("edit-scope-type", zh("accounts.scopeType.CITY"));
        j.pickCombo("edit-city", "曲靖");
        j.type("edit-password", "Journey2026pw");
        j.click("save-user");
        j.notification(zh("ui.saved"));
        j.type("user-search", "qj.journey");
        j.waitFor(30).until(d -> j.text("user-grid").contains("qj.journey"));
        assertThat(j.text("user-grid")).contains("曲靖").contains(zh("role.CITY_REVIEWER"));
        shot("journey-admin-user-created");

        // the row's button can be re-rendered by the search's refresh: press it again (every 3 s) until the dialog opens
        By reset = By.xpath("//*[@id='user-grid']//vaadin-button[normalize-space(.)='" + zh("accounts.action.resetPassword") + "']");
        j.waitFor(60).pollingEvery(java.time.Duration.ofSeconds(3)).until(d -> {
            if (!j.present(By.id("reset-password"))) {
                d.findElements(reset).stream().filter(WebElement::isDisplayed).findFirst()
                        .ifPresent(b -> j.js("arguments[0].click();", b));
            }
            return j.present(By.id("reset-password"));
        });
        j.type("reset-password", "Reset2026pw!x");
        j.clickButton(zh("ui.confirm"));
        j.notification(zh("accounts.reset.done"));

        j.open("admin/audit", By.id("audit-grid"));
        j.waitFor(30).until(d -> j.text("audit-grid").contains("admin"));
        j.click("audit-verify");
        j.waitFor(60).until(d -> !j.text("audit-verify-result").isBlank());
        assertThat(j.text("audit-verify-result")).startsWith(zhPrefix("audit.verify.intact"));
        shot("journey-admin-audit");

        j.englishPass(this::dataRuns);
    }

    // --- helpers

    private String reportTitle() {
        return driver.findElement(By.cssSelector(".report-title")).getText();
    }

    /** The total of the inbox's page-range label (its last number; MessageFormat groups thousands with commas). */
    private int loadedTotal() {
        Matcher m = java.util.regex.Pattern.compile("(\\d[\\d,]*)\\D*$").matcher(j.text("review-loaded"));
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }

    private void openFirstItem(String enterpriseName) {
        By open = By.xpath("//*[@id='review-grid']//vaadin-button[@theme and contains(@theme,'tertiary-inline')"
                + " and normalize-space(.)='" + enterpriseName + "']");
        j.click(open);
        j.waitFor(60).until(d -> !d.findElements(By.id("review-timeline")).isEmpty());
        BrowserWaits.settled(driver);
    }

    /** Opens the first item of the grid that is none of the given enterprises'; returns the name it was opened by. */
    private String openFirstItemOtherThan(String... enterpriseNames) {
        Set<String> others = Set.of(enterpriseNames);
        By buttons = By.cssSelector("#review-grid vaadin-button[theme~='tertiary-inline']");
        j.waitFor(30).until(d -> d.findElements(buttons).stream()
                .anyMatch(b -> b.getDomAttribute("id") == null && !b.getText().isBlank() && !others.contains(b.getText())));
        WebElement b = driver.findElements(buttons).stream().filter(x -> x.getDomAttribute("id") == null
                        && !x.getText().isBlank() && !others.contains(x.getText()))
                .findFirst().orElseThrow();
        String name = b.getText();
        j.js("arguments[0].click();", b);
        j.waitFor(60).until(d -> !d.findElements(By.id("review-timeline")).isEmpty());
        BrowserWaits.settled(driver);
        return name;
    }

    /** Opens the enterprise's item from the inbox's 已办 tab (done by this reviewer). */
    private void openDone(String enterpriseName) {
        if (!j.present(By.id("review-grid"))) {
            j.open("review/inbox", By.id("review-grid"));
        }
        j.click("review-tab-done");
        j.waitFor(30).until(d -> Boolean.TRUE.equals(j.js("return document.getElementById('review-tab-done').hasAttribute('selected')")));
        openFirstItem(enterpriseName);
    }

    private void closeDialog(String id) {
        j.js("document.getElementById(arguments[0]).opened = false;", id);
        j.waitFor(30).until(d -> Boolean.TRUE.equals(j.js(
                "const e = document.getElementById(arguments[0]); return !e || !e.opened;", id)));
        BrowserWaits.settled(driver);
    }

    /** Clicks the first cell of the grid row whose cells include all the texts. */
    private boolean selectRow(String gridId, String... texts) {
        Object found = j.js("""
                const grid = document.getElementById(arguments[0]);
                const wanted = arguments[1];
                for (const row of grid.shadowRoot.querySelectorAll('#items tr')) {
                  const cells = [...row.querySelectorAll('td slot')].map(s => s.assignedNodes()[0]).filter(n => n);
                  const texts = cells.map(n => n.innerText.trim());
                  if (wanted.every(w => texts.includes(w))) { cells[0].click(); return true; }
                }
                return false;""", gridId, List.of(texts));
        BrowserWaits.settled(driver);
        return Boolean.TRUE.equals(found);
    }

    private long drawnPixels(String id) {
        Object n = j.js("""
                const el = document.getElementById(arguments[0]);
                if (!el || !window.echarts || !window.echarts.getInstanceByDom(el)) return -1;
                const c = el.querySelector('canvas');
                if (!c || c.width === 0 || c.height === 0) return -1;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                return n;""", id);
        return ((Number) n).longValue();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /**
     * The runs of Chinese characters in every stored character value (enterprise and region names, people's names,
     * code names, comments, process names, messages stored as sent): Chinese on an English page is allowed only where
     * it is one of these, i.e. data.
     */
    private Set<String> dataRuns() {
        Set<String> runs = new HashSet<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                 where lower(table_schema) = 'public'
                   and lower(data_type) in ('character varying', 'varchar', 'text', 'character large object', 'clob', 'character')""");
        // the names in the deployed process models (task and flow labels on the diagrams) are data as well
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
            try (var in = repository.getProcessModel(d.getId())) {
                Matcher m = JourneyDriver.CJK.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) {
                    runs.add(m.group());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (Map<String, Object> c : columns) {
            String sql = "select \"" + c.get("column_name") + "\" from \"" + c.get("table_name") + "\"";
            try {
                jdbc.query(sql, rs -> {
                    String v = rs.getString(1);
                    if (v != null) {
                        Matcher m = JourneyDriver.CJK.matcher(v);
                        while (m.find()) {
                            runs.add(m.group());
                        }
                    }
                });
            } catch (RuntimeException skipped) {
                // a view or a column the driver cannot read as text: not data a screen shows
            }
        }
        return runs;
    }
}
