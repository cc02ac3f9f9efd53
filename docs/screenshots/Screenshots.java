import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the documentation's screenshots (docs/images/*.png) from a running production jar with demo data, in
 * Debian's headless chromium through /usr/bin/chromedriver (nothing downloads a browser). Run by take.sh:
 * {@code java -cp <selenium> Screenshots.java http://127.0.0.1:18103 docs/images [processInstanceId]}. Each account of the demo logs in
 * in its own browser session; a shot that cannot be taken is reported and the others go on (exit code 1 then).
 */
public class Screenshots {

    static final String PASSWORD = "Demo12345";

    final String base;
    final Path out;
    final List<String> failed = new ArrayList<>();
    WebDriver driver;
    /** process/instance/&lt;id&gt; of a report chain waiting for the city (take.sh reads the id from the database). */
    final String instancePath;

    Screenshots(String base, Path out, String processInstanceId) {
        this.base = base;
        this.out = out;
        this.instancePath = processInstanceId == null || processInstanceId.isBlank() ? null : "process/instance/" + processInstanceId;
    }

    public static void main(String[] args) throws Exception {
        Screenshots s = new Screenshots(args[0], Path.of(args[1]), args.length > 2 ? args[2] : null);
        s.run();
        if (!s.failed.isEmpty()) {
            System.err.println("not taken: " + s.failed);
            System.exit(1);
        }
    }

    void run() {
        session(null, 1366, 800, () -> {
            open("/login", By.cssSelector("vaadin-login-form"));
            shot("login");
        });
        session("demo-enterprise", 1366, 800, () -> {
            // home-demo-enterprise and the report form: taken by journeys.RoleJourneysBrowserTest
            open("/enterprise/filing", By.cssSelector("vaadin-form-layout, vaadin-text-field"));
            fullPage("enterprise-filing-form", 1280);
            open("/notifications", By.cssSelector("vaadin-app-layout"));
            shot("notifications-returned");
        });
        session("kunming-reviewer", 1600, 857, () -> {
            open("", By.cssSelector("vaadin-app-layout"));
            resize(1366, 800);
            shot("home-kunming-reviewer");
            resize(1600, 857);
            shot("review-home");
            // review-inbox, review-item, review-item-reason-required, review-bulk: journeys.RoleJourneysBrowserTest
            // issue 20 §3: every column fits a 1,366 px screen
            resize(1366, 768);
            open("/review/inbox", By.id("review-grid"));
            shot("review-inbox-1366");
            open("/enterprises", By.id("enterprise-grid"));
            shot("enterprises");
            resize(1600, 857);
            resize(1440, 757);
            open("/progress", By.cssSelector("vaadin-grid"));
            shot("progress-city");
            open("", By.id("notification-bell"));
            click(By.id("notification-bell"), By.id("notification-list"));
            shot("bell");
        });
        session("province-reviewer", 1440, 757, () -> {
            open("", By.cssSelector("vaadin-app-layout"));
            resize(1366, 800);
            shot("home-province-reviewer");
            resize(1440, 757);
            open("/periods", By.cssSelector("vaadin-grid"));
            shot("periods");
            open("/progress", By.cssSelector("vaadin-grid"));
            shot("progress");
        });
        session("leader", 1366, 800, () -> {
            open("", By.cssSelector("vaadin-app-layout"));
            shot("home-leader");
            open("/dashboard", By.cssSelector("canvas"));
            waitFor(60, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('canvas')).every(c => c.width > 0)"));
            fullPage("dashboard", 1400);
        });
        session("process-admin", 1600, 857, () -> {
            open("", By.cssSelector("vaadin-app-layout"));
            resize(1366, 800);
            shot("home-process-admin");
            resize(1600, 857);
            open("/process/definitions", By.id("definitions-grid"));
            shot("processadmin-definitions");
            // select the report chain's row, then its diagram with the instance counts
            waitFor(30, d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "const c = Array.from(document.querySelectorAll('#definitions-grid vaadin-grid-cell-content'))"
                            + ".find(e => e.textContent.includes('reportReview'));"
                            + "if (c) { c.click(); return true; } return false;")));
            click(By.id("action-diagram"), By.id("diagram-viewer"));
            waitFor(30, d -> !d.findElements(By.cssSelector("#diagram-viewer svg, #diagram-viewer .djs-container")).isEmpty());
            settle();
            shot("processadmin-diagram");
            if (instancePath != null) {
                open("/" + instancePath, By.cssSelector("svg"));
                shot("processadmin-instance");
            } else {
                failed.add("processadmin-instance (no process instance id given)");
            }
            open("/process/editor/reportReview", By.id("editor-modeler"));
            waitFor(30, d -> !d.findElements(By.cssSelector("#editor-modeler svg")).isEmpty());
            settle();
            shot("processadmin-editor");
            // 校验 without a change: the semantic comparison finds no change in bpmn-js's rewritten XML
            click(By.id("editor-validate"), null);
            waitFor(60, d -> !d.findElement(By.id("editor-changes")).getText().isBlank());
            settle();
            fullPage("processadmin-editor-nochange", 1600);
            resize(1600, 857);
            // the running instances of the report chain, searchable; a row opens its diagram
            open("/process/instances?key=reportReview", By.id("instances-grid"));
            waitFor(30, d -> d.findElement(By.id("instances-page")).getText().contains("共"));
            settle();
            shot("processadmin-instances");
        });
        session("admin-migration", "admin", 1440, 900, this::migration);
        session("admin", 1366, 800, () -> {
            open("", By.cssSelector("vaadin-app-layout"));
            shot("home-admin");
            open("/admin/users", By.cssSelector("vaadin-grid"));
            shot("admin-users");
            // the leader's row is on the first page: its 停用 button (id user-toggle-leader), then the confirmation
            // (a ConfirmDialog: its content lives in vaadin-confirm-dialog-overlay, not vaadin-dialog-overlay)
            click(By.id("user-toggle-leader"), By.cssSelector("vaadin-confirm-dialog-overlay"));
            shot("admin-users-disable");
            open("/admin/parameters", By.cssSelector("vaadin-grid, vaadin-text-field"));
            shot("admin-parameters");
            open("/admin/codes", By.cssSelector("vaadin-grid"));
            shot("admin-codes");
            open("/admin/audit", By.cssSelector("vaadin-grid"));
            shot("admin-audit");
        });
    }

    /**
     * The legacy import (数据迁移) with the sample export of src/test/resources/migration/sample: the dry-run report, the
     * load in progress, the reconciliation of the batch, and its rollback (confirmation and result).
     */
    void migration() {
        Path sample = Path.of("src/test/resources/migration/sample").toAbsolutePath();
        open("/admin/migration", By.id("migration-view"));
        for (String kind : new String[] {"enterprises", "users", "reports"}) {
            WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('upload-" + kind + "').querySelector('input[type=file]')"
                            + " || document.getElementById('upload-" + kind + "').shadowRoot.querySelector('input[type=file]')");
            input.sendKeys(sample.resolve(kind + ".csv").toString());
            waitFor(120, d -> d.findElement(By.id("file-" + kind)).getText().contains(kind));
        }
        click(By.id("dry-run"), null);
        waitFor(300, d -> d.findElement(By.id("status")).getText().startsWith("试运行完成"));
        settle();
        shot("migration-dry-run");
        click(By.id("load"), By.cssSelector("vaadin-confirm-dialog-overlay"));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('vaadin-confirm-dialog-overlay [slot=confirm-button]').click()");
        // the progress bar while the rows go in (polled often: the sample loads in a few seconds)
        new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(50)).until(d -> {
            String status = d.findElement(By.id("status")).getText();
            return status.contains(" / ") && status.contains("行") || status.startsWith("导入完成");
        });
        if (!driver.findElement(By.id("status")).getText().startsWith("导入完成")) {
            shot("migration-progress");
        } else {
            failed.add("migration-progress (the load finished before the screenshot)");
        }
        waitFor(600, d -> d.findElement(By.id("status")).getText().startsWith("导入完成"));
        settle();
        fullPage("migration-reconciliation", 1440);
        resize(1440, 900);
        WebElement rollback = driver.findElement(By.cssSelector("#batches-grid vaadin-button[id^='rollback-']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", rollback);
        waitFor(30, d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
        settle();
        shot("migration-rollback-confirm");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('vaadin-confirm-dialog-overlay [slot=confirm-button]').click()");
        // the batch table says 已撤销 and offers no rollback any more; its reconciliation stays available (查看)
        waitFor(300, d -> d.findElement(By.id("batches-grid")).getText().contains("已撤销"));
        settle();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('batches-grid').scrollIntoView({block: 'end'})");
        settle();
        shot("migration-rollback");
    }

    /** A browser session logged in as the user (null: anonymous); failures of one session do not stop the others. */
    void session(String user, int width, int height, Runnable shots) {
        session(String.valueOf(user), user, width, height, shots);
    }

    /** {@code key} is what SCREENSHOTS_ONLY names: the user, or e.g. {@code admin-migration} for a second session. */
    void session(String key, String user, int width, int height, Runnable shots) {
        String only = System.getenv("SCREENSHOTS_ONLY");
        if (only != null && !only.isBlank() && !java.util.Arrays.asList(only.split(",")).contains(key)) {
            return; // SCREENSHOTS_ONLY=process-admin,admin retakes only those sessions' screenshots
        }
        driver = start(width, height);
        try {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            if (user != null) {
                login(user);
            }
            shots.run();
        } catch (RuntimeException e) {
            failed.add((user == null ? "anonymous" : user) + ": " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        } finally {
            driver.quit();
        }
    }

    static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    void login(String user) {
        open("/login", By.cssSelector("vaadin-login-form input[name='username']"));
        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(user);
        WebElement pw = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pw.sendKeys(PASSWORD);
        pw.sendKeys("\n");
        waitFor(60, d -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
        settle();
    }

    void open(String path, By ready) {
        driver.get(base + path);
        waitFor(90, d -> !d.findElements(ready).isEmpty());
        settle();
    }

    void click(By what, By then) {
        waitFor(30, d -> !d.findElements(what).isEmpty());
        driver.findElement(what).click();
        if (then != null) {
            waitFor(30, d -> !d.findElements(then).isEmpty());
        }
        settle();
    }

    String href(By link) {
        List<WebElement> links = driver.findElements(link);
        if (links.isEmpty()) {
            return null;
        }
        String h = links.get(0).getAttribute("href");
        return h.substring(h.indexOf("/process/") + 1);
    }

    /** The page's viewport (not the window, whose frame headless chromium subtracts) is exactly this size. */
    void resize(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        settle();
    }

    void shot(String name) {
        File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("took " + name + ".png");
    }

    /** The whole page: the window grows to the document's height first. */
    void fullPage(String name, int width) {
        Long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "const m = document.querySelector('vaadin-app-layout');"
                        + "const c = m ? m.querySelector(':scope > *:not([slot])') : null;"
                        + "return Math.max(document.body.scrollHeight, c ? c.scrollHeight + 64 : 0);");
        resize(width, (int) Math.min(4000, Math.max(800, height)));
        shot(name);
    }

    void waitFor(int seconds, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
    }

    /** Vaadin renders after the server round trip: wait until no request is in flight, no animation runs and the fonts are in. */
    void settle() {
        waitFor(30, d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))"
                        + " && document.fonts.status === 'loaded'"
                        + " && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)")));
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
