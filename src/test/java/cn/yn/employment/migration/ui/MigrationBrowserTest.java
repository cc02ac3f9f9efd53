package cn.yn.employment.migration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.LegacyExportGenerator;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import cn.yn.employment.ui.KaribuSpring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The import screen in headless chromium: the administrator uploads a generated export (1,000 enterprises × 12
 * months), dry-runs it, then loads it; screenshots for the system administrator's guide are taken of the load in
 * progress (docs/images/migration-import.png) and of the mapping editor (docs/images/migration-mapping.png).
 * Run with {@code -Pbrowser}; shares one application with the other browser classes that seed their own data.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "management.server.port=0"})
class MigrationBrowserTest {

    static final String ADMIN = "migration-admin";
    static final String PASSWORD = "Migrate2026go";
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theAdministratorLoadsAnExportWatchingTheProgress() throws Exception {
        KaribuSpring.signIn(new CurrentUser(0, "installer", "安装", Set.of(Role.SYSTEM_ADMIN), Scope.system()));
        accounts.create(new UserForm(ADMIN, "迁移管理员", null, null, Set.of(Role.SYSTEM_ADMIN), Scope.system(), PASSWORD));
        SecurityContextHolder.clearContext();
        Path export = Files.createTempDirectory("migration-export");
        LegacyExportGenerator.write(export, 1000, 12, YearMonth.of(2025, 6), 4242L, "shot", true);

        BrowserWaits.signIn(driver, port, ADMIN, PASSWORD);
        BrowserWaits.open(driver, port, "admin/migration");
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("migration-view")).isEmpty());

        for (String kind : new String[] {"enterprises", "users", "reports"}) {
            WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('upload-" + kind + "').querySelector('input[type=file]')"
                            + " || document.getElementById('upload-" + kind + "').shadowRoot.querySelector('input[type=file]')");
            input.sendKeys(export.resolve(kind + ".csv").toAbsolutePath().toString());
            BrowserWaits.waitFor(driver, 120).until(d -> d.findElement(By.id("file-" + kind)).getText().contains(kind));
        }
        driver.findElement(By.id("dry-run")).click();
        BrowserWaits.waitFor(driver, 300).until(d -> d.findElement(By.id("status")).getText().startsWith("试运行完成"));

        driver.findElement(By.id("load")).click();
        BrowserWaits.waitFor(driver, 30).until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('vaadin-confirm-dialog-overlay [slot=confirm-button]').click()");
        // the reports' phase is the long one; a fast machine's push may skip straight past it to the last phase
        BrowserWaits.waitFor(driver, 180).withMessage(() -> "status: " + statusText())
                .until(d -> statusText().matches("(月报文件|计算上期|导入完成).*"));
        shot("migration-import.png");
        BrowserWaits.waitFor(driver, 600).withMessage(() -> "status: " + statusText()).until(d -> statusText().startsWith("导入完成"));
        assertThat(driver.findElement(By.id("batches-grid")).getText()).contains("已导入");

        BrowserWaits.open(driver, port, "admin/migration/mapping");
        BrowserWaits.waitFor(driver, 60).until(d -> !d.findElements(By.id("mapping-grid")).isEmpty());
        shot("migration-mapping.png");
    }

    private static String statusText() {
        return driver.findElement(By.id("status")).getText();
    }

    /** target/browser-screenshots, and docs/images only with -Dems.screenshots.dir=docs/images (CI leaves the repository alone). */
    private static void shot(String name) {
        BrowserWaits.screenshot(driver, name.replace(".png", ""));
    }
}
