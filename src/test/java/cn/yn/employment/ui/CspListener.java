package cn.yn.employment.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Collects the browser's Content-Security-Policy violations (S5): a {@code securitypolicyviolation} listener that
 * Chromium installs in every new document before any of its scripts run, so the bootstrap's own scripts are caught.
 */
public final class CspListener {

    private static final String LISTENER = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private CspListener() {
    }

    public static void install(ChromeDriver driver) {
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    /** The violations reported in this document since the last call (they are removed from the page's list). */
    @SuppressWarnings("unchecked")
    public static List<String> drain(ChromeDriver driver) {
        Object v = driver.executeScript("const v = window.__csp || []; window.__csp = []; return v;");
        return v == null ? List.of() : new ArrayList<>((List<String>) v);
    }
}
