package cn.yn.employment.ui;

import java.io.File;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromedriver for the browser tests ({@code -Pbrowser}), started headless with the flags this
 * environment needs. Selenium Manager must not download a browser, so both executables are given explicitly. The
 * browser's console is kept ({@code driver.manage().logs().get(LogType.BROWSER)}) so tests can refuse console errors.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start(int width, int height) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return started(options);
    }

    /**
     * A phone: Chromium's mobile emulation at {@code width}×{@code height} CSS pixels (pixel ratio 2, touch, a phone's
     * user agent). A headless window cannot be narrower than 500 px, so {@link #start} cannot show a phone's layout.
     */
    public static ChromeDriver startPhone(int width, int height) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + Math.max(width, 500) + "," + height, "--lang=zh-CN");
        options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/130.0 Mobile Safari/537.36"));
        return started(options);
    }

    private static ChromeDriver started(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // axe-core's run and the tests' fetches are asynchronous scripts that can take longer than the default 30 s
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        return driver;
    }
}
