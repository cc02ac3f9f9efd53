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
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The import screen in headless chromium: the administrator uploads a generated export (2,000 enterprises × 24
 * months), dry-runs it, then loads it; screenshots for the system administrator's guide are taken of the load in
 * progress (docs/images/migration-import.png) and of the mapping editor (docs/images/migration-mapping.png).
 * Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.devmode.devTools.enabled=false")
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
        LegacyExportGenerator.write(export, 2000, 24, YearMonth.of(2025, 6), 4242L, "shot", true);

        driver.get("http://localhost:" + port + "/login");
        By user = By.cssSelector("#vaadinLoginUsername input, vaadin-login-form input[name='username']");
        By password = By.cssSelector("#vaadinLoginPassword input, vaadin-login-form input[name='password']");
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> !d.findElements(user).isEmpty());
        driver.findElement(user).sendKeys(ADMIN);
        WebElement pw = driver.findElement(password);
        pw.sendKeys(PASSWORD);
        pw.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/") || !d.findElements(By.tagName("vaadin-side-nav")).isEmpty());
        driver.get("http://localhost:" + port + "/admin/migration");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("migration-view")).isEmpty());

        for (String kind : new String[] {"enterprises", "users", "reports"}) {
            WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('upload-" + kind + "').querySelector('input[type=file]')"
                            + " || document.getElementById('upload-" + kind + "').shadowRoot.querySelector('input[type=file]')");
            input.sendKeys(export.resolve(kind + ".csv").toAbsolutePath().toString());
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElement(By.id("file-" + kind)).getText().contains(kind));
        }
        driver.findElement(By.id("dry-run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> d.findElement(By.id("status")).getText().startsWith("试运行完成"));

        driver.findElement(By.id("load")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('vaadin-confirm-dialog-overlay [slot=confirm-button]').click()");
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElement(By.id("status")).getText().startsWith("月报文件"));
        shot("migration-import.png");
        new WebDriverWait(driver, Duration.ofSeconds(600)).until(d -> d.findElement(By.id("status")).getText().startsWith("导入完成"));
        assertThat(driver.findElement(By.id("batches-grid")).getText()).contains("已导入");

        driver.get("http://localhost:" + port + "/admin/migration/mapping");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("mapping-grid")).isEmpty());
        shot("migration-mapping.png");
    }

    /** target/browser-screenshots, and docs/images only with -Dems.screenshots.dir=docs/images (CI leaves the repository alone). */
    private static void shot(String name) {
        BrowserWaits.screenshot(driver, name.replace(".png", ""));
    }
}
