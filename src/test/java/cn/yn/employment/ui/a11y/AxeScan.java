package cn.yn.employment.ui.a11y;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Runs axe-core on the page the browser shows and returns its violations. */
public final class AxeScan {

    /** One rule that failed, with its impact (minor, moderate, serious, critical) and the elements it failed on. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        public boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    private AxeScan() {
    }

    @SuppressWarnings("unchecked")
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AxeCore.script());
        }
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help,
                       targets: v.nodes.slice(0, 5).map(n => JSON.stringify(n.target))}))))
                  .catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));""");
        List<Violation> violations = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> v = (Map<String, Object>) o;
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        return violations;
    }
}
