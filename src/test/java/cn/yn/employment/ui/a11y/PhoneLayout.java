package cn.yn.employment.ui.a11y;

import cn.yn.employment.ui.BrowserWaits;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/** Layout facts of the page a phone shows, measured in the browser. */
final class PhoneLayout {

    private PhoneLayout() {
    }

    /** How far the page scrolls sideways (0 when nothing is wider than the viewport). */
    static long horizontalOverflow(WebDriver driver) {
        return ((Number) BrowserWaits.js(driver, """
                const w = window.innerWidth;
                return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - w;""")).longValue();
    }

    /** How many lines the element's text takes. */
    static long lines(WebDriver driver, String selector) {
        return ((Number) BrowserWaits.js(driver, """
                const el = document.querySelector(arguments[0]);
                const cs = getComputedStyle(el);
                const lh = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.25;
                return Math.round(el.getBoundingClientRect().height / lh);""", selector)).longValue();
    }

    /**
     * The bounding box (left, top, right, bottom, width, height) of each selector's first visible element; a missing
     * or hidden one has width 0.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Number>> boxes(WebDriver driver, List<String> selectors) {
        return (Map<String, Map<String, Number>>) BrowserWaits.js(driver, """
                const out = {};
                for (const s of arguments[0]) {
                  const el = [...document.querySelectorAll(s)].find(e => e.getClientRects().length > 0);
                  const r = el ? el.getBoundingClientRect() : {left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0};
                  out[s] = {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};
                }
                return out;""", selectors);
    }

    static boolean overlap(Map<String, Number> a, Map<String, Number> b) {
        double tolerance = 1;
        return a.get("left").doubleValue() < b.get("right").doubleValue() - tolerance
                && b.get("left").doubleValue() < a.get("right").doubleValue() - tolerance
                && a.get("top").doubleValue() < b.get("bottom").doubleValue() - tolerance
                && b.get("top").doubleValue() < a.get("bottom").doubleValue() - tolerance;
    }
}
