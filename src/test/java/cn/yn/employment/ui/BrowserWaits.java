package cn.yn.employment.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one helper of the browser tests ({@code @Tag("browser")}): explicit waits instead of fixed sleeps — a Vaadin
 * page is ready when it has bootstrapped, no server round trip is in flight, no CSS animation (overlay opening,
 * ripple) is running and the web fonts have loaded — plus signing in and out, opening a route, and where the
 * screenshots go: always {@code target/browser-screenshots/}, and the documentation folder only when the system
 * property {@code ems.screenshots.dir} names it (so CI never rewrites the repository).
 */
public final class BrowserWaits {

    /** The system property naming the folder (e.g. {@code docs/images}) the journeys' screenshots are copied into. */
    public static final String SCREENSHOTS_DIR = "ems.screenshots.dir";

    public static final By USERNAME = By.cssSelector("vaadin-login-form input[name='username']");
    public static final By PASSWORD = By.cssSelector("vaadin-login-form input[name='password']");
    /** The main area of the signed-in layout (the skip link's target): there once a signed-in page has rendered. */
    public static final By MAIN = By.cssSelector("[data-ems-main]");

    private BrowserWaits() {
    }

    public static WebDriverWait waitFor(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(100));
        // a Vaadin round trip can re-render the element a condition has just found; look again rather than fail
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The page has loaded, Vaadin has bootstrapped (at least one Flow client) and no Vaadin request is in flight.
     * Right after a navigation the clients object can still be empty: that is not idle.
     */
    public static void vaadinIdle(WebDriver driver) {
        waitFor(driver, 60).until(d -> Boolean.TRUE.equals(js(d, """
                if (document.readyState !== 'complete' || !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return false;
                const clients = Object.values(window.Vaadin.Flow.clients);
                return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());""")));
    }

    /** Vaadin idle, no running animation anywhere in the document (shadow trees included) and the fonts loaded. */
    public static void settled(WebDriver driver) {
        vaadinIdle(driver);
        waitFor(driver, 30).until(d -> Boolean.TRUE.equals(js(d,
                "return document.fonts.status === 'loaded'"
                        + " && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)")));
        vaadinIdle(driver);
    }

    /** The application's address on the test's port. */
    public static String base(int port) {
        return "http://localhost:" + port;
    }

    /** Opens a route ("" for home) and waits until Vaadin has rendered it and settled. */
    public static void open(WebDriver driver, int port, String path) {
        driver.get(base(port) + "/" + path);
        settled(driver);
    }

    /**
     * Moves the open application to another route the way a click on one of its links does (the router's
     * {@code vaadin-router-go} event: a server round trip, no page load), then waits until the router has reported
     * the navigation and Vaadin has settled. About a second cheaper per page than {@link #open}, and what the page's
     * scripts (axe-core, listeners) set up stays.
     */
    public static void navigate(WebDriver driver, String path) {
        js(driver, """
                window.__emsNavigated = null;
                window.addEventListener('vaadin-navigated', e => window.__emsNavigated = e.detail.pathname, {once: true});
                window.dispatchEvent(new CustomEvent('vaadin-router-go', {cancelable: true, detail: new URL(arguments[0], document.baseURI)}));""",
                "/" + path);
        waitFor(driver, 60).withMessage(() -> "no navigation to /" + path + "; the browser shows " + driver.getCurrentUrl())
                .until(d -> js(d, "return window.__emsNavigated") != null);
        settled(driver);
    }

    /**
     * The errors (level SEVERE) the browser's console received since the last call, each prefixed with where they
     * were read ({@code HeadlessChromium} keeps the console).
     */
    public static List<String> consoleErrors(WebDriver driver, String where) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> where + ": " + e.getMessage()).toList();
    }

    /** A fresh browser session: no cookies, so nobody is signed in and the language is the default (Chinese). */
    public static void signOut(WebDriver driver) {
        driver.manage().deleteAllCookies();
    }

    /** The login page of a fresh session, with its form ready for typing. */
    public static void openLogin(WebDriver driver, int port) {
        signOut(driver);
        driver.get(base(port) + "/login");
        // the first page of a new application may wait for Vaadin's development bundle
        waitFor(driver, 180).until(d -> !d.findElements(USERNAME).isEmpty());
        settled(driver);
    }

    /** Signs in through the login form of a fresh session and waits until the signed-in home page has settled. */
    public static void signIn(WebDriver driver, int port, String username, String password) {
        openLogin(driver, port);
        driver.findElement(USERNAME).sendKeys(username);
        WebElement pw = driver.findElement(PASSWORD);
        pw.sendKeys(password);
        pw.sendKeys(Keys.ENTER);
        waitFor(driver, 90).until(d -> !d.getCurrentUrl().contains("/login") && !d.findElements(MAIN).isEmpty());
        settled(driver);
    }

    /** Saves a screenshot of the viewport as {@code name}.png (see the class comment for where). */
    public static void screenshot(WebDriver driver, String name) {
        settled(driver);
        screenshotNow(driver, name);
    }

    /** {@link #screenshot} of a page that is not the application's (e.g. the IdP's): waits only for its fonts. */
    public static void screenshotNow(WebDriver driver, String name) {
        waitFor(driver, 30).until(d -> Boolean.TRUE.equals(js(d, "return document.fonts.status === 'loaded'")));
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
