package cn.yn.employment.ui.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.CspListener;
import cn.yn.employment.ui.HeadlessChromium;
import cn.yn.employment.ui.a11y.AxeScan.Violation;
import cn.yn.employment.ui.a11y.RouteCatalogue.RouteInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core on every route for every role that may open it (GB/T 37668; docs/accessibility.md), on the demo data:
 * the routes come from the {@code @Route} classes ({@link RouteCatalogue}), so a new view is scanned as soon as it
 * exists; a view with a required route parameter needs a sample in {@link #samples}, or this test says so. Every
 * page must have no serious or critical violation, and none may violate the Content-Security-Policy (S5; a listener
 * installed before any script, {@link CspListener}) or write an error to the browser's console. The table of all
 * results (every impact) is written to target/a11y/results.md for docs/accessibility.md. Run with {@code -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "app.demo.enabled=true", "management.server.port=0"})
class AccessibilityScanBrowserTest {

    /** The demo account of each role; null for an anonymous visitor. */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("ANONYMOUS", null);
        ACCOUNTS.put(Role.ENTERPRISE_, DemoAccounts.ENTERPRISE);
        ACCOUNTS.put(Role.CITY_REVIEWER_, DemoAccounts.CITY_REVIEWER);
        ACCOUNTS.put(Role.PROVINCE_REVIEWER_, DemoAccounts.PROVINCE_REVIEWER);
        ACCOUNTS.put(Role.LEADER_, DemoAccounts.LEADER);
        ACCOUNTS.put(Role.PROCESS_ADMIN_, DemoAccounts.PROCESS_ADMIN);
        ACCOUNTS.put(Role.SYSTEM_ADMIN_, DemoAccounts.SYSTEM_ADMIN);
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1366, 900);
        CspListener.install(driver);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A value for each required route parameter, per route template. */
    Map<String, Function<String, String>> samples() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("reportReview").latestVersion()
                .singleResult().getId();
        // a report chain of the demo enterprise (Kunming) when it has one, else another Kunming chain; the enterprise
        // opens only its own (another's is the "not found" answer, which is not scanned: see docs/accessibility.md)
        List<Map<String, Object>> chains = jdbc.queryForList("select r.process_instance_id, e.uscc from report r join enterprise e"
                + " on e.id = r.enterprise_id where r.city_code = ? and r.process_instance_id is not null order by case when"
                + " e.uscc = ? then 0 else 1 end, r.period_code desc", DemoAccounts.ENTERPRISE_CITY, DemoAccounts.ENTERPRISE_USCC);
        String instance = chains.isEmpty() ? null : (String) chains.get(0).get("process_instance_id");
        boolean ownChain = !chains.isEmpty() && DemoAccounts.ENTERPRISE_USCC.equals(chains.get(0).get("uscc"));
        // a published notice, when the demo data has one
        Long notice = jdbc.queryForObject("select min(id) from notice where state = 'PUBLISHED'", Long.class);
        Map<String, Function<String, String>> samples = new TreeMap<>();
        samples.put("process/diagram/:definitionId", role -> "process/diagram/" + definition);
        samples.put("process/instance/:processInstanceId", role -> instance == null || Role.ENTERPRISE_.equals(role) && !ownChain
                ? null : "process/instance/" + instance);
        samples.put("process/editor/:key", role -> "process/editor/reportReview");
        samples.put("notice/:parameter", role -> notice == null ? null : "notice/" + notice);
        return samples;
    }

    @Test
    void everyRouteForEveryRoleHasNoSeriousOrCriticalViolationNoCspViolationAndNoConsoleError() throws Exception {
        List<RouteInfo> routes = RouteCatalogue.all();
        assertThat(routes).hasSizeGreaterThan(30);
        Map<String, Function<String, String>> samples = samples();
        List<String> missingSamples = routes.stream().filter(r -> !r.parameters().isEmpty() && !samples.containsKey(r.template()))
                .map(r -> r.template() + " (" + r.view() + ")").toList();
        assertThat(missingSamples).as("routes with a required parameter and no sample value in samples()").isEmpty();

        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notScanned = new ArrayList<>();
        List<String> cspViolations = new ArrayList<>();
        List<String> consoleErrors = new ArrayList<>();
        int scanned = 0;
        for (Map.Entry<String, String> account : ACCOUNTS.entrySet()) {
            String role = account.getKey();
            Set<String> roles = account.getValue() == null ? Set.of() : Set.of(role);
            if (account.getValue() == null) {
                BrowserWaits.signOut(driver);
            } else {
                BrowserWaits.signIn(driver, port, account.getValue(), DemoAccounts.PASSWORD);
                CspListener.drain(driver).forEach(v -> cspViolations.add(role + " sign-in: " + v));
            }
            consoleErrors.addAll(BrowserWaits.consoleErrors(driver, role + " sign-in"));
            for (RouteInfo route : routes) {
                boolean anonymousPage = route.audience() == RouteCatalogue.Audience.ANONYMOUS;
                // anonymous pages are scanned once, as the anonymous visitor; signed-in users are sent home from them
                if (roles.isEmpty() ? !anonymousPage : anonymousPage || !route.openTo(roles)) {
                    continue;
                }
                String path = route.parameters().isEmpty() ? route.template() : samples.get(route.template()).apply(role);
                if (path == null) {
                    // no page with content to open in the demo data (listed in the results, not a failure)
                    notScanned.add(route.template() + " as " + role);
                    continue;
                }
                // signed in, the route is reached as a click on a menu link reaches it (no page load; the result is
                // the same view, and the scan takes about half the time); an anonymous page is loaded
                if (roles.isEmpty()) {
                    BrowserWaits.open(driver, port, path);
                } else {
                    BrowserWaits.navigate(driver, path);
                }
                CspListener.drain(driver).forEach(v -> cspViolations.add("/" + path + " as " + role + ": " + v));
                consoleErrors.addAll(BrowserWaits.consoleErrors(driver, "/" + path + " as " + role));
                List<Violation> violations = AxeScan.run(driver);
                scanned++;
                Map<String, Long> byImpact = violations.stream().collect(Collectors.groupingBy(Violation::impact, Collectors.counting()));
                Set<String> rules = violations.stream().map(v -> v.rule() + "(" + v.impact() + ")").collect(Collectors.toCollection(TreeSet::new));
                rows.add("| `/" + path.replaceAll("/[0-9a-f:-]{8,}$", "/…").replaceAll("/[0-9]+$", "/…") + "` | " + role + " | "
                        + byImpact.getOrDefault("critical", 0L) + " | " + byImpact.getOrDefault("serious", 0L) + " | "
                        + byImpact.getOrDefault("moderate", 0L) + " | " + byImpact.getOrDefault("minor", 0L) + " | "
                        + String.join(", ", rules) + " |");
                violations.stream().filter(Violation::seriousOrWorse)
                        .forEach(v -> failures.add("/" + path + " as " + role + ": " + v));
            }
        }
        Path results = Path.of("target/a11y/results.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "axe-core " + AxeCore.VERSION + ", " + scanned + " pages\n\n"
                + "| route | role | critical | serious | moderate | minor | rules |\n|---|---|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n\nnot scanned (no sample in the demo data): " + notScanned + "\n\n"
                + String.join("\n", failures) + "\n");
        assertThat(scanned).isGreaterThan(routes.size());
        System.out.println("S5 CSP: " + scanned + " pages of every role opened in Chromium, " + cspViolations.size() + " violations");
        assertThat(cspViolations).as("Content-Security-Policy violations reported by Chromium").isEmpty();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
        assertThat(failures).as("serious or critical axe-core violations (all results in target/a11y/results.md)").isEmpty();
    }
}
