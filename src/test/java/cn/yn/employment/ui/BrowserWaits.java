package cn.yn.employment.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Explicit waits for the browser tests instead of fixed sleeps: a Vaadin page is ready when no server round trip is in
 * flight, no CSS animation (overlay opening, ripple) is running and the web fonts have loaded. Also where the
 * screenshots go: always {@code target/browser-screenshots/}, and the documentation folder only when the system
 * property {@code ems.screenshots.dir} names it (so CI never rewrites the repository).
 */
public final class BrowserWaits {

    /** The system property naming the folder (e.g. {@code docs/images}) the journeys' screenshots are copied into. */
    public static final String SCREENSHOTS_DIR = "ems.screenshots.dir";

    private BrowserWaits() {
    }

    public static WebDriverWait waitFor(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    /** No Vaadin request in flight (every Flow client idle). */
    public static void vaadinIdle(WebDriver driver) {
        waitFor(driver, 60).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** Vaadin idle, no running animation anywhere in the document (shadow trees included) and the fonts loaded. */
    public static void settled(WebDriver driver) {
        vaadinIdle(driver);
        waitFor(driver, 30).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.fonts.status === 'loaded'"
                        + " && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)")));
        vaadinIdle(driver);
    }

    /** Saves a screenshot of the viewport as {@code name}.png (see the class comment for where). */
    public static void screenshot(WebDriver driver, String name) {
        settled(driver);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            copy(shot.toPath(), Path.of("target/browser-screenshots", name + ".png"));
            String docs = System.getProperty(SCREENSHOTS_DIR);
            if (docs != null && !docs.isBlank()) {
                copy(shot.toPath(), Path.of(docs, name + ".png"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
