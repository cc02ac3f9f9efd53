package cn.yn.employment.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.ui.BrowserWaits;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a journey does in the browser, in the user's terms: log in, open a screen, type into a field, press a button,
 * read what the page says. Every step waits explicitly (no fixed sleeps) and every page visited is checked for
 * browser console errors (level SEVERE). Screens visited are remembered for the English pass ({@link #englishPass}).
 */
final class JourneyDriver {

    /** A run of Chinese characters (ideographs; punctuation and full-width forms separate runs). */
    static final Pattern CJK = Pattern.compile("\\p{IsHan}+");

    /** A screen of the journey: its route and an element that is there once it has rendered. */
    record Screen(String route, By ready) {
    }

    final ChromeDriver driver;
    final String base;
    final List<Screen> visited = new ArrayList<>();
    final List<String> consoleErrors = new ArrayList<>();

    JourneyDriver(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    WebDriverWait waitFor(int seconds) {
        return BrowserWaits.waitFor(driver, seconds);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A fresh session (no cookies: Chinese, nobody signed in), then the login form. */
    void login(String username, String password) {
        driver.manage().deleteAllCookies();
        visited.clear();
        driver.get(base + "/login");
        By user = By.cssSelector("vaadin-login-form input[name='username']");
        By pw = By.cssSelector("vaadin-login-form input[name='password']");
        waitFor(180).until(d -> !d.findElements(user).isEmpty());
        driver.findElement(user).sendKeys(username);
        WebElement p = driver.findElement(pw);
        p.sendKeys(password);
        p.sendKeys(Keys.ENTER);
        waitFor(90).withMessage(() -> "signed in as " + username + "; the browser shows " + driver.getCurrentUrl()
                        + ": " + shown())
                .until(d -> !d.findElements(By.id("user-menu")).isEmpty());
        BrowserWaits.settled(driver);
        noConsoleErrors("login as " + username);
    }

    /** The start of the page's text, for failure messages. */
    private String shown() {
        try {
            String t = String.valueOf(js("return document.body ? document.body.innerText : ''"));
            return t.length() > 400 ? t.substring(0, 400) + "…" : t;
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Opens a route (relative, "" for home) and waits for the element that shows it rendered. */
    void open(String route, By ready) {
        driver.get(base + "/" + route);
        waitFor(90).until(d -> !d.findElements(ready).isEmpty());
        BrowserWaits.settled(driver);
        visited.add(new Screen(route, ready));
        noConsoleErrors(route);
    }

    /** The page after an in-page navigation: remembered like {@link #open}. */
    void arrived(String route, By ready) {
        waitFor(90).until(d -> !d.findElements(ready).isEmpty());
        BrowserWaits.settled(driver);
        visited.add(new Screen(route, ready));
        noConsoleErrors(route);
    }

    WebElement el(String id) {
        return driver.findElement(By.id(id));
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /**
     * Keeps every notification card the page shows in {@code window.__emsNotes}, so a short-lived notification is
     * still read after it has closed (a loaded machine can take longer than its display time to look).
     */
    void recordNotifications() {
        js("""
                if (!window.__emsNotes) {
                  window.__emsNotes = [];
                  new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
                    if (n.nodeType !== 1) return;
                    if (n.matches('vaadin-notification-card')) window.__emsNotes.push(n);
                    n.querySelectorAll('vaadin-notification-card').forEach(c => window.__emsNotes.push(c));
                  }))).observe(document.body, {childList: true, subtree: true});
                }""");
    }

    /** Clicks through JavaScript (no overlay can intercept) and waits for the round trip. */
    void click(By by) {
        waitFor(60).until(d -> !d.findElements(by).isEmpty());
        recordNotifications();
        js("arguments[0].click();", driver.findElement(by));
        BrowserWaits.settled(driver);
    }

    void click(String id) {
        click(By.id(id));
    }

    /** Clicks the button (anywhere, overlays included) whose text is exactly {@code text}. */
    void clickButton(String text) {
        By by = By.xpath("//vaadin-button[normalize-space(.)='" + text + "']");
        waitFor(60).until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
        WebElement b = driver.findElements(by).stream().filter(WebElement::isDisplayed).reduce((a, z) -> z).orElseThrow();
        recordNotifications();
        js("arguments[0].click();", b);
        BrowserWaits.settled(driver);
    }

    /** Types into the text input of a Vaadin field (text, integer, text area, password, combo) and leaves it (change). */
    void type(String id, String text) {
        By input = By.cssSelector("#" + id + " input, #" + id + " textarea");
        waitFor(60).until(d -> d.findElements(input).stream().anyMatch(WebElement::isDisplayed));
        WebElement in = driver.findElement(input);
        in.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            in.sendKeys(text);
        }
        in.sendKeys(Keys.TAB);
        BrowserWaits.settled(driver);
    }

    /** Picks the item labelled {@code label} (contains) in a combo box. */
    void pickCombo(String id, String label) {
        By input = By.cssSelector("#" + id + " input");
        WebElement in = driver.findElement(input);
        in.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        in.sendKeys(label);
        By item = By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), '" + label + "')]");
        waitFor(30).until(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        js("arguments[0].click();", driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow());
        BrowserWaits.settled(driver);
    }

    /** Picks the item labelled {@code label} in a vaadin-select. */
    void pickSelect(String id, String label) {
        click(id);
        By item = By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']");
        waitFor(30).until(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        js("arguments[0].click();", driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow());
        BrowserWaits.settled(driver);
    }

    /** Ticks the checkbox or radio button labelled {@code label} inside the group {@code id}. */
    void tick(String id, String label) {
        By box = By.xpath("//*[@id='" + id + "']//*[(self::vaadin-checkbox or self::vaadin-radio-button)"
                + " and normalize-space(.)='" + label + "']");
        waitFor(30).until(d -> !d.findElements(box).isEmpty());
        js("arguments[0].click();", driver.findElement(box));
        BrowserWaits.settled(driver);
    }

    /** Waits for a notification (shown now or since the last click) whose text contains {@code text}; returns it. */
    String notification(String text) {
        Object[] shown = new Object[1];
        waitFor(60).withMessage(() -> "a notification containing \"" + text + "\"; seen: " + js(
                        "return (window.__emsNotes || []).map(c => c.textContent.trim()).join(' | ')"))
                .until(d -> (shown[0] = js("""
                        const all = [...(window.__emsNotes || []), ...document.querySelectorAll('vaadin-notification-card')];
                        const hit = all.find(c => c.textContent.replace(/\\s+/g, ' ').includes(arguments[0]));
                        if (!hit) return null;
                        window.__emsNotes = (window.__emsNotes || []).filter(c => c !== hit);
                        return hit.textContent.trim();""", text)) != null);
        js("document.querySelectorAll('vaadin-notification-card').forEach(c => c.remove())");
        return (String) shown[0];
    }

    /** The error message a Vaadin field shows (null when the field is valid). */
    String fieldError(String id) {
        return (String) js("const f = document.getElementById(arguments[0]);"
                + " return f && f.invalid ? (f.errorMessage || '') : null;", id);
    }

    /** Whether the Vaadin field (or anything inside it, e.g. its native input) has the keyboard focus. */
    boolean focused(String id) {
        return Boolean.TRUE.equals(js("const f = document.getElementById(arguments[0]);"
                + " return !!f && (f.hasAttribute('focused') || f.contains(document.activeElement));", id));
    }

    String text(String id) {
        return el(id).getText();
    }

    /** The bytes behind a download link, fetched in the page with the user's session. */
    byte[] download(WebElement anchor) {
        String href = anchor.getDomAttribute("href");
        assertThat(href).as("download link").isNotBlank();
        Object b64 = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                  .then(buf => { let s = ''; const a = new Uint8Array(buf);
                                 for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
                                 done(btoa(s)); })
                  .catch(e => done('ERROR ' + e));""", anchor.getDomProperty("href"));
        assertThat((String) b64).as("download of " + href).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode((String) b64);
    }

    /** Fails with the messages when the browser logged an error (SEVERE) since the last check. */
    void noConsoleErrors(String where) {
        List<String> severe = BrowserWaits.consoleErrors(driver, where);
        consoleErrors.addAll(severe);
        assertThat(severe).as("browser console errors on " + where).isEmpty();
    }

    /** The page's visible text (innerText of the body, overlays included). */
    String visibleText() {
        return (String) js("""
                let t = document.body.innerText;
                document.querySelectorAll('vaadin-dialog-overlay, vaadin-notification-card, vaadin-confirm-dialog-overlay')
                    .forEach(o => { if (o.offsetParent !== null || o.opened) t += '\\n' + o.innerText; });
                return t;""");
    }

    /** The runs of Chinese characters in the visible text that are not data (not in {@code data}). */
    Set<String> chineseOutside(Set<String> data, Set<String> allowed) {
        Set<String> left = new LinkedHashSet<>();
        Matcher m = CJK.matcher(visibleText());
        while (m.find()) {
            String run = m.group();
            if (!data.contains(run) && !allowed.contains(run)) {
                left.add(run);
            }
        }
        return left;
    }

    /** Asserts that the page as shown now (overlays included) has no Chinese but data, and no console error. */
    void noChineseLeft(Set<String> data, String where) {
        assertThat(chineseOutside(data, Set.of("中文"))).as("Chinese left on " + where + " in English").isEmpty();
        noConsoleErrors(where + " (English)");
    }

    /**
     * Switches to English with the header's language button, visits every screen of the journey again and asserts
     * that no Chinese is left on it except data ({@code data}: the runs of Chinese in the stored values) and the name
     * of the other language on the switch itself; then switches back to Chinese.
     */
    void englishPass(Supplier<Set<String>> data) {
        englishPass(data, values -> { });
    }

    /**
     * {@link #englishPass(Supplier)}, and before switching back {@code alsoInEnglish} runs with the data runs: for the
     * journey's dialogs, which no route opens (check them with {@link #noChineseLeft}).
     */
    void englishPass(Supplier<Set<String>> data, java.util.function.Consumer<Set<String>> alsoInEnglish) {
        List<Screen> screens = List.copyOf(new LinkedHashSet<>(visited));
        assertThat(screens).as("screens of the journey").isNotEmpty();
        click("language-switch");
        waitFor(60).until(d -> "中文".equals(d.findElement(By.id("language-switch")).getText()));
        BrowserWaits.settled(driver);
        Set<String> values = data.get();
        for (Screen s : screens) {
            driver.get(base + "/" + s.route());
            waitFor(90).until(d -> !d.findElements(s.ready()).isEmpty());
            BrowserWaits.settled(driver);
            assertThat(el("language-switch").getText()).isEqualTo("中文");
            assertThat(chineseOutside(values, Set.of("中文"))).as("Chinese left on /" + s.route() + " in English").isEmpty();
            noConsoleErrors("/" + s.route() + " (English)");
        }
        alsoInEnglish.accept(values);
        click("language-switch");
        waitFor(60).until(d -> "English".equals(d.findElement(By.id("language-switch")).getText()));
    }
}
