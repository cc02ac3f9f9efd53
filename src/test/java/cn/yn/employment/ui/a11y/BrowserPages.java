package cn.yn.employment.ui.a11y;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small steps the accessibility and phone browser tests share: sign in and out, wait for Vaadin, screenshots. */
public final class BrowserPages {

    static final By USER = By.cssSelector("vaadin-login-form input[name='username']");
    static final By PASSWORD = By.cssSelector("vaadin-login-form input[name='password']");

    private final ChromeDriver driver;
    private final String base;

    public BrowserPages(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waitFor(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void signIn(String username, String password) {
        signOut();
        driver.get(base + "/login");
        waitFor(240).until(d -> !d.findElements(USER).isEmpty());
        driver.findElement(USER).sendKeys(username);
        WebElement pw = driver.findElement(PASSWORD);
        pw.sendKeys(password);
        pw.sendKeys(Keys.ENTER);
        waitFor(60).until(d -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector("[data-ems-main]")).isEmpty());
        settle();
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** Opens a path ("" for home) and waits until Vaadin has rendered it and has no request in flight. */
    public void open(String path) {
        driver.get(base + "/" + path);
        settle();
    }

    public void settle() {
        waitFor(60).until(d -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete' || !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return false;
                const clients = Object.values(window.Vaadin.Flow.clients).filter(c => typeof c.isActive === 'function');
                return clients.length > 0 && clients.every(c => !c.isActive());""")));
        cn.yn.employment.ui.BrowserWaits.settled(driver); // web components upgrade and lay out after the last response
    }

    public void screenshot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/browser-screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(f.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
